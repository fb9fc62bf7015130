package tyss.measure.service;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static tyss.measure.Results.q2;
import static tyss.measure.Results.total;

import org.junit.jupiter.api.Test;

import tyss.measure.MeasureFixture;

/** Hand-worked fixtures for S07, file audits, 2026-27 Q2 (1 July to 30 September 2026); each row says why it counts or not. */
class S07FileAuditsTest {

    private final MeasureFixture store = new MeasureFixture();

    @Test
    void s07_gives_the_share_of_audits_graded_good_or_better() {
        audit(of(2026, 7, 1), "outstanding");
        audit(of(2026, 7, 2), "good");
        audit(of(2026, 7, 3), "requires_improvement");
        audit(of(2026, 7, 4), "inadequate");
        // 2 good or better of 4 = 50.0%
        assertThat(total(q2(new S07FileAudits(), store), "pct_good_or_better")).isEqualTo("50");
    }

    private void audit(Object date, String grade) {
        store.row("ds_tyss_file_audits", "person_id", "P1", "audit_date", date, "grade", grade);
    }
}
