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

/** Hand-worked fixtures for S06, engagement, 2026-27 Q2 (1 July to 30 September 2026); each row says why it counts or not. */
class S06EngagementTest {

    private final MeasureFixture store = new MeasureFixture();

    @Test
    void s06_counts_people_contacts_hours_and_the_median_length_of_engagement() {
        contact("P1", of(2026, 7, 2), "1:1", 60); // P1
        contact("P1", of(2026, 7, 9), "family", 30); // P1 again: 1 person
        contact(null, of(2026, 8, 1), "detached", 90); // detached: a contact but no young person
        contact("P2", of(2026, 10, 1), "1:1", 45); // excluded: Q3
        // engagement: P1 allocated 1 Jun, open: 1 Jun -> 30 Sep = 121 days;
        // P2 allocated 1 Jul, closed 31 Jul = 30 days; P3 closed 31 May before Q2: excluded. Median of 30 and 121 =
        // 75.5
        referral("P1", of(2026, 6, 1), null);
        referral("P2", of(2026, 7, 1), of(2026, 7, 31));
        referral("P3", of(2026, 1, 1), of(2026, 5, 31));
        List<MeasureResult> r = q2(new S06Engagement(), store);
        assertThat(total(r, "young_people_engaged")).isEqualTo("1");
        assertThat(total(r, "contacts")).isEqualTo("3");
        assertThat(value(r, "contacts", "type", "detached")).isEqualTo("1");
        assertThat(total(r, "hours")).isEqualTo("3"); // 60 + 30 + 90 = 180 minutes
        assertThat(value(r, "hours", "type", "detached")).isEqualTo("1.5"); // 90 minutes
        assertThat(value(r, "hours", "type", "family")).isEqualTo("0.5"); // 30 minutes
        assertThat(total(r, "median_days_engaged")).isEqualTo("75.5");
    }

    private void contact(String person, Object date, String type, int minutes) {
        store.row("ds_tyss_contacts", "person_id", person, "contact_date", date, "type", type, "minutes", minutes);
    }

    private void referral(String person, Object allocated, Object closed) {
        store.row(
                "ds_tyss_referrals",
                "person_id",
                person,
                "referral_date",
                of(2025, 12, 1),
                "referral_source",
                "police",
                "strand",
                "call-in",
                "allocated_date",
                allocated,
                "closed_date",
                closed);
    }
}
