package tyss.measure.service;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static tyss.measure.Results.q2;
import static tyss.measure.Results.total;

import java.util.List;

import org.junit.jupiter.api.Test;

import tyss.measure.MeasureFixture;
import tyss.measure.MeasureResult;

/** Hand-worked fixtures for S14, context assessments, 2026-27 Q2 (1 July to 30 September 2026); each row says why it counts or not. */
class S14ContextAssessmentsTest {

    private final MeasureFixture store = new MeasureFixture();

    @Test
    void s14_gives_the_shares_with_a_plan_and_with_risk_reduced() {
        context("place", of(2026, 8, 20), "high", "medium"); // reduced, with a plan
        context("space", null, "medium", "medium"); // same, no plan
        context("peer_group", of(2026, 8, 21), "low", null); // not reassessed
        List<MeasureResult> s14 = q2(new S14ContextAssessments(), store);
        assertThat(total(s14, "assessments")).isEqualTo("3");
        assertThat(total(s14, "pct_with_plan")).isEqualTo("66.7"); // 2 of 3
        assertThat(total(s14, "pct_risk_reduced")).isEqualTo("50"); // 1 of the 2 reassessed
    }

    private void context(String subject, Object plan, String before, String after) {
        store.row(
                "ds_tyss_context_assessments",
                "ref",
                subject,
                "subject",
                subject,
                "assessed_date",
                of(2026, 8, 1),
                "plan_date",
                plan,
                "risk_before",
                before,
                "risk_after",
                after);
    }
}
