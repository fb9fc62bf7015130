package tyss.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ChangeTest {

    @Test
    void fewer_exclusions_per_young_person_in_a_grown_cohort_is_no_clear_change_not_up() {
        // Y13 permanent exclusions in the samples: 13 among a cohort of 456 a year ago, 14 among 750
        // now. By count that is up; per young person 2.85 -> 1.87 per 100, rate ratio
        // (14/750)/(13/456) = 0.655, ln = -0.423, se = sqrt(1/14 + 1/13) = 0.385, so the 95%
        // interval is exp(-0.423 -+ 1.96 x 0.385) = 0.31 to 1.39: it holds 1, no clear change.
        Change.Interval rr = Change.rateRatio(14, 750, 13, 456);
        assertThat(rr.lo()).isCloseTo(0.308, within(0.002));
        assertThat(rr.hi()).isCloseTo(1.393, within(0.002));
        assertThat(Change.counts(14, 750, 13, 456)).isEqualTo(Change.Call.NO_CLEAR_CHANGE);
    }

    @Test
    void a_count_that_doubles_from_a_large_base_is_a_clear_rise() {
        // 200 against 100 in the same population: RR 2, se = sqrt(1/200 + 1/100) = 0.1225,
        // interval exp(ln 2 -+ 0.240) = 1.57 to 2.54: up.
        Change.Interval rr = Change.rateRatio(200, 1, 100, 1);
        assertThat(rr.lo()).isCloseTo(1.573, within(0.002));
        assertThat(rr.hi()).isCloseTo(2.543, within(0.002));
        assertThat(Change.counts(200, 1, 100, 1)).isEqualTo(Change.Call.UP);
    }

    @Test
    void shares_are_compared_by_newcombes_hybrid_score_interval() {
        // 40/50 (80%) now against 20/50 (40%). Wilson 95% for 40/50: centre (0.8 + 1.96^2/100) /
        // (1 + 1.96^2/50) = 0.7786, half-width 1.96 x sqrt(0.0032 + 0.000384) / 1.0768 = 0.1090, so
        // 0.670 to 0.888; for 20/50: 0.276 to 0.538. Difference 0.40, lower limit
        // 0.40 - sqrt((0.8 - 0.670)^2 + (0.538 - 0.4)^2) = 0.210: up.
        Change.Interval w = Change.wilson(40, 50);
        assertThat(w.lo()).isCloseTo(0.670, within(0.001));
        assertThat(w.hi()).isCloseTo(0.888, within(0.001));
        Change.Interval d = Change.shareDifference(40, 50, 20, 50);
        assertThat(d.lo()).isCloseTo(0.210, within(0.002));
        assertThat(d.call(0)).isEqualTo(Change.Call.UP);
        // 53.7% of 41 audits against 50.0% of 40: well inside the noise
        assertThat(Change.shareDifference(22, 41, 20, 40).call(0)).isEqualTo(Change.Call.NO_CLEAR_CHANGE);
    }
}
