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

/**
 * Hand-worked fixtures for Y13, 2026-27 Q2 (1 July to 30 September 2026). The
 * cohort is C1 and C2 (referred to the TYSS); X1 and X2 are known to partners only.
 */
class Y13SchoolInclusionTest {

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
    void y13_counts_exclusions_and_the_dfe_absence_thresholds() {
        exclusion("C1", "SUSP");
        exclusion("C1", "PERM");
        exclusion("X1", "SUSP");
        exclusion("X2", "LNCH"); // lunchtime: neither
        attendance("C1", 100, 4, 6); // 10/100 = exactly 10%: persistent
        attendance("C2", 100, 20, 31); // 51%: persistent and severe
        attendance("X1", 100, 2, 3); // 5%: neither
        List<MeasureResult> r = q2(new Y13SchoolInclusion(), store);
        assertThat(value(r, "suspensions", "population", "authority")).isEqualTo("2");
        assertThat(value(r, "permanent_exclusions", "population", "cohort")).isEqualTo("1");
        assertThat(value(r, "pct_persistent_absence", "population", "authority"))
                .isEqualTo("66.7"); // 2 of 3
        assertThat(value(r, "pct_severe_absence", "population", "cohort")).isEqualTo("50"); // 1 of 2
    }

    private void exclusion(String p, String category) {
        store.row(
                "ds_schools_exclusions",
                "person_id",
                p,
                "startdate",
                of(2026, 7, 10),
                "category",
                category,
                "reason1",
                "PP");
    }

    private void attendance(String p, int possible, int authorised, int unauthorised) {
        store.row(
                "ds_schools_attendance",
                "person_id",
                p,
                "period_start",
                of(2026, 4, 13),
                "period_end",
                of(2026, 7, 17),
                "sessions_possible",
                possible,
                "sessions_authorised",
                authorised,
                "sessions_unauthorised",
                unauthorised);
    }
}
