package tyss.measure.system;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static tyss.measure.Results.q2;
import static tyss.measure.Results.value;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tyss.measure.MeasureFixture;
import tyss.measure.MeasureResult;
import tyss.period.Period;
import tyss.period.Quarter;

/**
 * Hand-worked fixtures for Y10, 2026-27 Q2 (1 July to 30 September 2026). The
 * cohort is C1 and C2 (referred to the TYSS); X1 and X2 are known to partners only.
 */
class Y10SocialCareFactorsTest {

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
    void y10_matches_whole_factor_codes_only() {
        assessment("C1", "1A,24A"); // CCE
        assessment("C2", "11A,10A"); // CSE, and going missing
        assessment("X1", "21"); // neither (21 is not 11A or 24A)
        assessment("X2", "12A,13A"); // trafficking and gangs, not CCE/CSE
        List<MeasureResult> r = q2(new Y10SocialCareFactors(), store);
        assertThat(value(r, "assessments_cce_cse", "population", "authority")).isEqualTo("2");
        assertThat(value(r, "children_cce_cse", "population", "cohort")).isEqualTo("2");
        assertThat(value(r, "assessments", "factor", "10A")).isEqualTo("1");
        assertThat(value(r, "assessments", "factor", "13A")).isEqualTo("1");
    }

    @Test
    void y10_figures_resting_on_24a_have_no_value_before_the_census_collected_it() {
        // 2020-21 Q4 (January to March 2021) is before the 2021-22 return, the first with 24A: the
        // 24A count and the CCE-or-CSE figures are a break in series (no value), not 0; 11A still counts.
        store.row(
                "ds_social_care_assessments", "person_id", "C1", "assessment_start", of(2021, 2, 1), "factors", "11A");
        List<MeasureResult> r = new Y10SocialCareFactors()
                .calculate(store.context("2020-21 Q4"), Period.of(Quarter.parse("2020-21 Q4")));
        assertThat(value(r, "assessments", "factor", "24A")).isNull();
        assertThat(value(r, "assessments_cce_cse", "population", "authority")).isNull();
        assertThat(value(r, "assessments", "factor", "11A")).isEqualTo("1");
        // and in 2021-22 Q1 it is a count like any other
        List<MeasureResult> after = new Y10SocialCareFactors()
                .calculate(store.context("2021-22 Q1"), Period.of(Quarter.parse("2021-22 Q1")));
        assertThat(value(after, "assessments", "factor", "24A")).isEqualTo("0");
    }

    private void assessment(String p, String factors) {
        store.row("ds_social_care_assessments", "person_id", p, "assessment_start", of(2026, 8, 1), "factors", factors);
    }
}
