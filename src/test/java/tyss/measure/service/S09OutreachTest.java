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

/** Hand-worked fixtures for S09, outreach, 2026-27 Q2 (1 July to 30 September 2026); each row says why it counts or not. */
class S09OutreachTest {

    private final MeasureFixture store = new MeasureFixture();

    @Test
    void s09_sums_the_sessions_counts_by_locality() {
        outreach(of(2026, 7, 5), "North", 12, 9, 3);
        outreach(of(2026, 7, 12), "North", 8, 8, 1);
        outreach(of(2026, 9, 1), "South", 10, 6, 6);
        outreach(of(2026, 6, 1), "South", 99, 99, 99); // excluded: Q1
        List<MeasureResult> r = q2(new S09Outreach(), store);
        assertThat(total(r, "contacts")).isEqualTo("30");
        assertThat(total(r, "individuals")).isEqualTo("23");
        assertThat(value(r, "new_individuals", "locality", "North")).isEqualTo("4");
    }

    private void outreach(Object date, String locality, int contacts, int individuals, int newIndividuals) {
        store.row(
                "ds_tyss_outreach",
                "event_date",
                date,
                "locality",
                locality,
                "contacts",
                contacts,
                "individuals",
                individuals,
                "new_individuals",
                newIndividuals);
    }
}
