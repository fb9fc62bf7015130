package tyss.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Rows in the order a reader expects (issue 19): the alphabet put "confidence after" before "before". */
class NaturalOrderTest {

    @Test
    void stages_come_in_time_order_and_the_rest_alphabetically() {
        List<String> figures = new ArrayList<>(
                List.of("mean_confidence_followup", "mean_confidence_after", "sessions", "mean_confidence_before"));
        figures.sort(NaturalOrder.FIGURES);
        assertThat(figures)
                .containsExactly(
                        "mean_confidence_before", "mean_confidence_after", "mean_confidence_followup", "sessions");
    }

    @Test
    void coded_cells_follow_their_code_list_and_uncoded_ones_come_after() {
        // risk-level in codes.yml: low, medium, high, very high; file-audits' grades are inline in its spec
        List<String> levels = new ArrayList<>(List.of("very_high", "high", "zzz unknown", "low", "medium"));
        levels.sort(NaturalOrder.CELLS);
        assertThat(levels).containsExactly("low", "medium", "high", "very_high", "zzz unknown");
    }

    @Test
    void a_figure_takes_its_place_in_the_logic_models_list_of_headline_figures() {
        // S01's list: "referrals, by source and strand; decisions and % accepted; allocations; open caseload ..."
        String list =
                "referrals, by source and strand; decisions and % accepted; allocations; open caseload at quarter end; the cohort; "
                        + "caseload per worker";
        assertThat(NaturalOrder.inList(list, "referrals")).isLessThan(NaturalOrder.inList(list, "decisions"));
        assertThat(NaturalOrder.inList(list, "% accepted")).isLessThan(NaturalOrder.inList(list, "allocations"));
        // "cohort size" is not written as such: its first word places it
        assertThat(NaturalOrder.inList(list, "cohort size"))
                .isLessThan(NaturalOrder.inList(list, "caseload per worker"));
        assertThat(NaturalOrder.inList(list, "hours")).isEqualTo(Integer.MAX_VALUE);
    }
}
