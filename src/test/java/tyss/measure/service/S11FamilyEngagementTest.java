package tyss.measure.service;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static tyss.measure.Results.q2;
import static tyss.measure.Results.total;

import java.util.List;

import org.junit.jupiter.api.Test;

import tyss.measure.MeasureFixture;
import tyss.measure.MeasureResult;

/** Hand-worked fixtures for S11, family engagement, 2026-27 Q2 (1 July to 30 September 2026); each row says why it counts or not. */
class S11FamilyEngagementTest {

    private final MeasureFixture store = new MeasureFixture();

    @Test
    void s11_counts_families_their_contacts_and_the_median_length_of_family_engagement() {
        contact("P1", of(2026, 7, 2), "family", 30);
        contact("P1", of(2026, 8, 2), "family", 30);
        contact("P2", of(2026, 8, 3), "family", 30);
        contact("P3", of(2026, 8, 4), "1:1", 30); // not a family contact
        contact("P1", of(2026, 10, 5), "family", 30); // after Q2: not in P1's length, read by Q2's end
        contact("P4", of(2026, 10, 1), "family", 30); // after Q2: P4 not engaged in it
        List<MeasureResult> s11 = q2(new S11FamilyEngagement(), store);
        assertThat(total(s11, "families_engaged")).isEqualTo("2");
        assertThat(total(s11, "family_contacts")).isEqualTo("3");
        // length: P1 2 Jul -> 2 Aug = 31 days, P2 one contact = 0 days: median 15.5
        assertThat(total(s11, "median_days_family_engaged")).isEqualTo("15.5");
    }

    private void contact(String person, Object date, String type, int minutes) {
        store.row("ds_tyss_contacts", "person_id", person, "contact_date", date, "type", type, "minutes", minutes);
    }
}
