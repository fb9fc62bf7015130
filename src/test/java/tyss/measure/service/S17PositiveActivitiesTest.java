package tyss.measure.service;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static tyss.measure.Results.q2;
import static tyss.measure.Results.total;
import static tyss.measure.Results.value;

import org.junit.jupiter.api.Test;

import tyss.measure.MeasureFixture;

/** Hand-worked fixtures for S17, positive activities, 2026-27 Q2 (1 July to 30 September 2026); each row says why it counts or not. */
class S17PositiveActivitiesTest {

    private final MeasureFixture store = new MeasureFixture();

    @Test
    void s17_counts_positive_activities_and_volunteering_by_outcome() {
        // positive_activity and volunteering: P3's started and P2's dropped, 2 activities, 1 dropped
        activity("P1", "eet", "started");
        activity("P1", "eet", "completed");
        activity("P2", "volunteering", "dropped");
        activity("P3", "positive_activity", "started");
        activity("P4", "shaping_service", "completed");
        activity("P5", "school_engagement", "started");
        assertThat(value(q2(new S17PositiveActivities(), store), "activities", "outcome", "dropped"))
                .isEqualTo("1");
        assertThat(total(q2(new S17PositiveActivities(), store), "activities")).isEqualTo("2");
    }

    private void activity(String person, String kind, String outcome) {
        store.row(
                "ds_tyss_activities",
                "person_id",
                person,
                "event_date",
                of(2026, 8, 15),
                "kind",
                kind,
                "outcome",
                outcome);
    }
}
