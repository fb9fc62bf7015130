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

/** Hand-worked fixtures for S08, training, 2026-27 Q2 (1 July to 30 September 2026); each row says why it counts or not. */
class S08TrainingTest {

    private final MeasureFixture store = new MeasureFixture();

    @Test
    void s08_sums_attendees_and_means_confidence_over_sessions_that_recorded_it() {
        training(of(2026, 7, 10), "professionals", 20, 4.0, 7.0, 6.0);
        training(of(2026, 8, 10), "schools", 10, 5.0, 8.0, null); // no follow-up yet
        List<MeasureResult> r = q2(new S08Training(), store);
        assertThat(total(r, "sessions")).isEqualTo("2");
        assertThat(total(r, "attendees")).isEqualTo("30");
        assertThat(total(r, "mean_confidence_before")).isEqualTo("4.5"); // (4 + 5) / 2
        assertThat(total(r, "mean_confidence_followup")).isEqualTo("6"); // 6 / 1
        assertThat(value(r, "sessions", "audience", "schools")).isEqualTo("1");
        // paired: after - before over both sessions (3 + 3) / 2 = 3; follow-up - before over the
        // one session with a follow-up: 6 - 4 = 2
        assertThat(total(r, "mean_change_before_to_after")).isEqualTo("3");
        assertThat(total(r, "mean_change_before_to_followup")).isEqualTo("2");
    }

    private void training(Object date, String audience, int attendees, Double before, Double after, Double followup) {
        store.row(
                "ds_tyss_training",
                "event_date",
                date,
                "audience",
                audience,
                "attendees",
                attendees,
                "confidence_before",
                before,
                "confidence_after",
                after,
                "confidence_followup",
                followup);
    }
}
