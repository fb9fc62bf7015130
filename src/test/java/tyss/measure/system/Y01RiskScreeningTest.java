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
 * Hand-worked fixtures for Y01, 2026-27 Q2 (1 July to 30 September 2026). The
 * cohort is C1 and C2 (referred to the TYSS); X1 and X2 are known to partners only.
 */
class Y01RiskScreeningTest {

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
    void y01_counts_screenings_and_people_for_the_authority_and_the_cohort() {
        screening("C1", of(2026, 7, 1), "high", "CCE"); // cohort
        screening("C1", of(2026, 9, 30), "medium", "CCE"); // cohort, same person
        screening("X1", of(2026, 8, 1), "low", "CSE"); // authority only
        screening("X2", of(2026, 10, 1), "low", "CSE"); // excluded: Q3
        List<MeasureResult> r = q2(new Y01RiskScreening(), store);
        assertThat(value(r, "screenings", "population", "authority")).isEqualTo("3");
        assertThat(value(r, "people_screened", "population", "authority")).isEqualTo("2");
        assertThat(value(r, "screenings", "population", "cohort")).isEqualTo("2");
        assertThat(value(r, "people_screened", "population", "cohort")).isEqualTo("1");
        assertThat(value(r, "screenings", "type", "CCE")).isEqualTo("2"); // the cohort's: C1's two
        assertThat(r.stream().filter(x -> x.breakdown().equals("type")).count()).isEqualTo(1); // no CSE in the cohort
        assertThat(value(r, "screenings", "tier", "high")).isEqualTo("1");
        assertThat(value(r, "screenings", "authority_type", "CSE")).isEqualTo("1"); // X1's
        assertThat(value(r, "screenings", "authority_tier", "low")).isEqualTo("1");
        assertThat(value(r, "screenings", "authority_type", "CCE")).isEqualTo("2");
    }

    @Test
    void y01_coverage_is_the_share_of_those_screened_at_risk_in_12_months_open_to_the_tyss() {
        // 12 months to 30 Sep 2026 start on 1 Oct 2025. At risk: C1 (high, Jul 2026), X1 (low, Oct
        // 2025) = 2; X3's screening found no risk; X4's (30 Sep 2025) is a day too early. C1 is open
        // to the TYSS (allocated 20 Jan, not closed): 1 of 2 = 50%.
        screening("C1", of(2026, 7, 1), "high", "CCE");
        screening("X1", of(2025, 10, 1), "low", "CSE");
        screening("X3", of(2026, 8, 1), "none", "CCE");
        screening("X4", of(2025, 9, 30), "high", "CCE");
        List<MeasureResult> r = q2(new Y01RiskScreening(), store);
        assertThat(total(r, "people_at_risk_12m")).isEqualTo("2");
        assertThat(total(r, "pct_at_risk_open_to_tyss")).isEqualTo("50");
    }

    private void screening(String p, Object date, String tier, String type) {
        store.row(
                "ds_social_care_exploitation_screenings",
                "person_id",
                p,
                "screening_date",
                date,
                "tier",
                tier,
                "type",
                type);
    }
}
