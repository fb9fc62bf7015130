package tyss.measure.service;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static tyss.measure.Results.q2;
import static tyss.measure.Results.value;

import java.util.List;

import org.junit.jupiter.api.Test;

import tyss.measure.MeasureFixture;
import tyss.measure.MeasureResult;

/** Hand-worked fixtures for S13, distance travelled, 2026-27 Q2 (1 July to 30 September 2026); each row says why it counts or not. */
class S13DistanceTravelledTest {

    private final MeasureFixture store = new MeasureFixture();

    @Test
    void s13_pairs_first_and_latest_scores_and_judges_reliable_change_per_tool() {
        tool("P1", "SWEMWBS", of(2026, 1, 10), 18);
        tool("P1", "SWEMWBS", of(2026, 8, 10), 23); // +5 > 3: reliable improvement
        tool("P2", "SWEMWBS", of(2026, 2, 10), 20);
        tool("P2", "SWEMWBS", of(2026, 9, 10), 22); // +2: no reliable change
        tool("P3", "SDQ", of(2026, 1, 10), 20);
        tool("P3", "SDQ", of(2026, 8, 10), 28); // +8 on SDQ (lower is better): reliable deterioration
        tool("P4", "SWEMWBS", of(2026, 8, 10), 15); // a single score: no pair
        List<MeasureResult> r = q2(new S13DistanceTravelled(), store);
        assertThat(value(r, "pairs", "tool", "SWEMWBS")).isEqualTo("2");
        assertThat(value(r, "mean_change", "tool", "SWEMWBS")).isEqualTo("3.5");
        assertThat(value(r, "pct_reliable_improvement", "tool", "SWEMWBS")).isEqualTo("50");
        assertThat(value(r, "pct_reliable_deterioration", "tool", "SDQ")).isEqualTo("100");
    }

    @Test
    void s13_mean_change_is_exact_decimal_arithmetic() {
        // Youth Star 10.00 then 10.35: a change of 0.35, which rounds half up to 0.4. In binary
        // floating point 10.35 - 10.0 is 0.34999..., which rounded to 0.3.
        tool("P5", "YOUTH_STAR", of(2026, 1, 10), 10.0);
        tool("P5", "YOUTH_STAR", of(2026, 8, 10), 10.35);
        assertThat(value(q2(new S13DistanceTravelled(), store), "mean_change", "tool", "YOUTH_STAR"))
                .isEqualTo("0.4");
    }

    private void tool(String p, String tool, Object date, double score) {
        store.row(
                "ds_tyss_outcome_tools",
                "person_id",
                p,
                "tyss_id",
                p,
                "tool",
                tool,
                "assessment_date",
                date,
                "score",
                score);
    }
}
