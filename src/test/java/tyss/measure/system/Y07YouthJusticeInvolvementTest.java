package tyss.measure.system;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static tyss.measure.Results.q2;
import static tyss.measure.Results.total;
import static tyss.measure.Results.value;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tyss.measure.MeasureFixture;
import tyss.measure.MeasureResult;

/**
 * Hand-worked fixtures for Y07, 2026-27 Q2 (1 July to 30 September 2026). The
 * cohort is C1 and C2 (referred to the TYSS); X1 and X2 are known to partners only.
 */
class Y07YouthJusticeInvolvementTest {

    private final MeasureFixture store = new MeasureFixture();

    @BeforeEach
    void cohort() {
        for (String p : List.of("C1", "C2")) {
            store.row(
                    "ds_tyss_referrals",
                    "person_id",
                    p,
                    "tyss_id",
                    p,
                    "referral_date",
                    of(2026, 1, 10),
                    "referral_source",
                    "police",
                    "strand",
                    "call-in",
                    "allocated_date",
                    of(2026, 1, 20));
        }
    }

    @Test
    void y07_counts_cohort_members_with_an_intervention_open_in_the_period() {
        intervention("C1", of(2026, 5, 1), of(2026, 7, 1), "diversion"); // ends on the first day: open in Q2
        intervention("C2", of(2026, 9, 30), null, "court_order"); // starts on the last day
        intervention("C2", of(2026, 1, 1), of(2026, 6, 30), "prevention"); // ended before Q2
        intervention("X1", of(2026, 8, 1), null, "prevention"); // not in the cohort
        List<MeasureResult> r = q2(new Y07YouthJusticeInvolvement(), store);
        assertThat(total(r, "people_with_intervention")).isEqualTo("2");
        assertThat(value(r, "people_with_intervention", "type", "court_order")).isEqualTo("1");
    }

    private void intervention(String p, Object start, Object end, String type) {
        store.row("ds_yot_interventions", "person_id", p, "start_date", start, "end_date", end, "type", type);
    }
}
