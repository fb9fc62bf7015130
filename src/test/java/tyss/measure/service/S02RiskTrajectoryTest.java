package tyss.measure.service;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static tyss.measure.Results.q2;
import static tyss.measure.Results.total;
import static tyss.measure.Results.value;

import java.util.List;

import org.junit.jupiter.api.Test;

import tyss.measure.MeasureFixture;
import tyss.measure.MeasureResult;

/** Hand-worked fixtures for S02, risk trajectories, 2026-27 Q2 (1 July to 30 September 2026); each row says why it counts or not. */
class S02RiskTrajectoryTest {

    private final MeasureFixture store = new MeasureFixture();

    @Test
    void s02_compares_each_young_persons_first_and_latest_risk_level() {
        review("P1", of(2026, 4, 1), "high");
        review("P1", of(2026, 8, 1), "medium"); // P1: high -> medium, reduced
        review("P2", of(2026, 5, 1), "low");
        review("P2", of(2026, 7, 1), "medium"); // P2: low -> medium, increased
        review("P3", of(2026, 7, 1), "high"); // P3: one review only, not tracked
        review("P4", of(2026, 1, 1), "high");
        review("P4", of(2026, 3, 1), "low"); // P4: no review in Q2, not tracked
        review("P5", of(2026, 9, 1), "low");
        review("P5", of(2026, 9, 30), "low"); // P5: same
        review("P5", of(2026, 10, 2), "high"); // after Q2: ignored
        List<MeasureResult> r = q2(new S02RiskTrajectory(), store);
        assertThat(total(r, "young_people_tracked")).isEqualTo("3");
        assertThat(total(r, "pct_reduced")).isEqualTo("33.3");
        assertThat(total(r, "pct_increased")).isEqualTo("33.3");
        assertThat(total(r, "pct_same")).isEqualTo("33.3");
    }

    @Test
    void s02_level_at_closure_is_the_latest_review_on_or_before_the_day_the_case_closed() {
        // Closed in Q2: P1 on 10 Aug, reviewed high (1 Apr) then medium (1 Aug): medium; P2 on 30
        // Sep, reviewed low that day: low; P3 on 1 Jul, only reviewed after closing: no review.
        // P4 closed on 30 Jun (Q1): not counted. Closed 3: medium 1, low 1, no review 1, high 0.
        closed("P1", of(2026, 8, 10));
        review("P1", of(2026, 4, 1), "high");
        review("P1", of(2026, 8, 1), "medium");
        closed("P2", of(2026, 9, 30));
        review("P2", of(2026, 9, 30), "low");
        closed("P3", of(2026, 7, 1));
        review("P3", of(2026, 7, 2), "high");
        closed("P4", of(2026, 6, 30));
        review("P4", of(2026, 6, 1), "high");
        List<MeasureResult> r = q2(new S02RiskTrajectory(), store);
        assertThat(total(r, "young_people_closed")).isEqualTo("3");
        assertThat(value(r, "young_people_closed", "level_at_closure", "medium"))
                .isEqualTo("1");
        assertThat(value(r, "young_people_closed", "level_at_closure", "low")).isEqualTo("1");
        assertThat(value(r, "young_people_closed", "level_at_closure", "no review"))
                .isEqualTo("1");
        assertThat(value(r, "young_people_closed", "level_at_closure", "high")).isEqualTo("0");
    }

    private void closed(String p, Object closed) {
        store.row(
                "ds_tyss_referrals",
                "person_id",
                p,
                "tyss_id",
                p,
                "referral_date",
                of(2026, 1, 5),
                "allocated_date",
                of(2026, 1, 9),
                "closed_date",
                closed);
    }

    private void review(String p, Object date, String level) {
        store.row("ds_tyss_risk_reviews", "person_id", p, "tyss_id", p, "review_date", date, "risk_level", level);
    }
}
