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

/** Hand-worked fixtures for S10, feedback, 2026-27 Q2 (1 July to 30 September 2026); each row says why it counts or not. */
class S10FeedbackTest {

    private final MeasureFixture store = new MeasureFixture();

    @Test
    void s10_gives_the_mean_score_and_the_share_scoring_4_or_5() {
        feedback("young_person", 5);
        feedback("young_person", 4);
        feedback("parent_carer", 2);
        // mean (5 + 4 + 2) / 3 = 3.67 -> 3.7; 2 of 3 scored 4 or 5 = 66.7%
        List<MeasureResult> s10 = q2(new S10Feedback(), store);
        assertThat(total(s10, "mean_score")).isEqualTo("3.7");
        assertThat(total(s10, "pct_4_or_5")).isEqualTo("66.7");
        // by respondent: young people (5 + 4) / 2 = 4.5, both 4 or 5; the parent or carer 2, none
        assertThat(value(s10, "mean_score", "respondent", "young_person")).isEqualTo("4.5");
        assertThat(value(s10, "pct_4_or_5", "respondent", "young_person")).isEqualTo("100");
        assertThat(value(s10, "pct_4_or_5", "respondent", "parent_carer")).isEqualTo("0");
    }

    private void feedback(String respondent, int score) {
        store.row("ds_tyss_feedback", "respondent", respondent, "event_date", of(2026, 8, 1), "score", score);
    }
}
