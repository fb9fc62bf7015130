package tyss.measure.service;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static tyss.measure.Results.q2;
import static tyss.measure.Results.total;

import org.junit.jupiter.api.Test;

import tyss.measure.MeasureFixture;

/** Hand-worked fixtures for S15, EET activities, 2026-27 Q2 (1 July to 30 September 2026); each row says why it counts or not. */
class S15EetEngagementTest {

    private final MeasureFixture store = new MeasureFixture();

    @Test
    void s15_counts_eet_activities_and_the_young_people_in_them() {
        // eet: P1's two rows, so 1 young person
        activity("P1", "eet", "started");
        activity("P1", "eet", "completed");
        activity("P2", "volunteering", "dropped");
        activity("P3", "positive_activity", "started");
        activity("P4", "shaping_service", "completed");
        activity("P5", "school_engagement", "started");
        assertThat(total(q2(new S15EetEngagement(), store), "young_people")).isEqualTo("1");
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
