package tyss.measure.system;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static tyss.measure.Results.q2;
import static tyss.measure.Results.total;
import static tyss.measure.Results.value;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tyss.measure.MeasureFixture;
import tyss.measure.MeasureResult;

/**
 * Hand-worked fixtures for Y05, 2026-27 Q2 (1 July to 30 September 2026). The
 * cohort is C1 and C2 (referred to the TYSS); X1 and X2 are known to partners only.
 */
class Y05CountyLinesTest {

    private final MeasureFixture store = new MeasureFixture();

    @BeforeEach
    void cohort() {
        for (String p : List.of("C1", "C2")) {
            store.row(
                    "ds_tyss_referrals",
                    "person_id",
                    p,
                    "tyss_id",
                    p,
                    "referral_date",
                    of(2026, 1, 10),
                    "referral_source",
                    "police",
                    "strand",
                    "call-in",
                    "allocated_date",
                    of(2026, 1, 20));
        }
    }

    @Test
    void y05_tells_new_identifications_from_repeat_ones_and_counts_distinct_lines() {
        // C1: first identified in March (Q4 of 2025-26), again in July: repeat. C2: first in August,
        // and again the same day, later in the file: one new, one repeat. X1 (not in the cohort) on
        // line CL9. Cohort identifications in Q2 3: new 1, repeat 2. Lines in Q2: CL1, CL2, CL9 = 3.
        lines("C1", of(2026, 3, 10), "CL1");
        lines("C1", of(2026, 7, 10), "CL1");
        lines("C2", of(2026, 8, 1), "CL2");
        lines("C2", of(2026, 8, 1), "CL1");
        lines("X1", of(2026, 9, 1), "CL9");
        List<MeasureResult> r = q2(new Y05CountyLines(), store);
        assertThat(value(r, "events", "population", "cohort")).isEqualTo("3");
        assertThat(value(r, "events", "identification", "new")).isEqualTo("1");
        assertThat(value(r, "events", "identification", "repeat")).isEqualTo("2");
        assertThat(total(r, "lines")).isEqualTo("3");
    }

    private void lines(String p, Object date, String line) {
        store.row(
                "ds_police_county_lines", "person_id", p, "identified_date", date, "line_ref", line, "role", "runner");
    }
}
