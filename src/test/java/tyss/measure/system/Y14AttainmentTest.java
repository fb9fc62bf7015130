package tyss.measure.system;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static tyss.measure.Results.q2;
import static tyss.measure.Results.total;
import static tyss.measure.Results.value;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import tyss.measure.MeasureFixture;
import tyss.measure.MeasureResult;

/** Hand-worked fixtures for Y14, attainment, 2026-27 Q2 (1 July to 30 September 2026); each row says why it counts or not. */
class Y14AttainmentTest {

    private final MeasureFixture store = new MeasureFixture();

    @Test
    void y14_counts_results_published_in_the_period() {
        cohort("C1", of(2010, 5, 1), null, null);
        cohort("C2", of(2010, 6, 1), null, null);
        attainment("C1", "2025/26", "ATT8", "40");
        attainment("C1", "2025/26", "ENG_MATHS_GRADE5", "0");
        attainment("C2", "2025/26", "ATT8", "55");
        attainment("C2", "2025/26", "ENG_MATHS_GRADE5", "1");
        attainment("C2", "2024/25", "ATT8", "10"); // published August 2025: not this period
        List<MeasureResult> r = q2(new Y14Attainment(), store);
        assertThat(total(r, "pupils_with_results")).isEqualTo("2");
        assertThat(total(r, "mean_attainment8")).isEqualTo("47.5");
        assertThat(total(r, "pct_eng_maths_grade5")).isEqualTo("50");
    }

    private void cohort(String p, Object birthMonth, Object allocated, Object closed) {
        store.row(
                "ds_tyss_referrals",
                "person_id",
                p,
                "tyss_id",
                p,
                "birth_month",
                birthMonth,
                "referral_date",
                of(2026, 1, 1),
                "referral_source",
                "police",
                "strand",
                "call-in",
                "allocated_date",
                allocated,
                "closed_date",
                closed);
    }

    private void attainment(String p, String year, String measure, String value) {
        store.row(
                "ds_schools_attainment",
                "person_id",
                p,
                "upn",
                p,
                "academic_year",
                year,
                "key_stage",
                "KS4",
                "measure",
                measure,
                "result_value",
                new BigDecimal(value));
    }
}
