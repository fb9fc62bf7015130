package tyss.measure.service;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static tyss.measure.Results.q2;
import static tyss.measure.Results.total;

import java.util.List;

import org.junit.jupiter.api.Test;

import tyss.measure.MeasureFixture;
import tyss.measure.MeasureResult;

/** Hand-worked fixtures for S12, assessments after allocation, 2026-27 Q2 (1 July to 30 September 2026); each row says why it counts or not. */
class S12AssessmentsTest {

    private final MeasureFixture store = new MeasureFixture();

    @Test
    void s12_counts_first_reviews_after_allocation() {
        referral("P1", of(2026, 6, 20), of(2026, 6, 21), of(2026, 7, 1));
        review("P1", of(2026, 6, 25), "high"); // before allocation: not the assessment
        review("P1", of(2026, 7, 15), "high"); // 14 days after allocation
        referral("P2", of(2026, 7, 1), of(2026, 7, 2), of(2026, 8, 1));
        review("P2", of(2026, 8, 7), "low"); // 6 days
        referral("P3", of(2026, 9, 1), of(2026, 9, 2), of(2026, 9, 28)); // not yet assessed
        List<MeasureResult> r = q2(new S12Assessments(), store);
        assertThat(total(r, "allocated")).isEqualTo("3");
        assertThat(total(r, "pct_assessed")).isEqualTo("66.7");
        assertThat(total(r, "median_days_to_assessment")).isEqualTo("10"); // 14 and 6
    }

    private void review(String p, Object date, String level) {
        store.row("ds_tyss_risk_reviews", "person_id", p, "tyss_id", p, "review_date", date, "risk_level", level);
    }

    private void referral(String p, Object referred, Object decided, Object allocated) {
        store.row(
                "ds_tyss_referrals",
                "person_id",
                p,
                "tyss_id",
                p,
                "referral_date",
                referred,
                "referral_source",
                "police",
                "strand",
                "call-in",
                "decision",
                "accepted",
                "decision_date",
                decided,
                "allocated_date",
                allocated);
    }
}
