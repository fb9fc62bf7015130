package tyss.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import tyss.contract.DatasetId;
import tyss.period.Period;

/**
 * The logic model is checked against the measures' classes as it loads: each way they can disagree
 * has its own message ({@link MeasureMismatch}), shown here on a two-measure model.
 */
class LogicModelCheckTest {

    /** S01 and Y02 as a file writes them; {@code extra} is added to Y02's entry. */
    private static String file(String y02Extra) {
        return """
                version: "1"
                statements:
                  - number: 1
                    title: Exploitation
                    impact: fewer harmed
                    dashboard: [S01]
                    outcomes: [safer]
                measures:
                  - id: S01
                    name: Referrals
                    kind: service
                    statements: [1]
                    version: "1"
                    headline: referrals
                    direction: none
                    definition: Referrals in the period.
                  - id: Y02
                    name: Missing episodes
                    kind: system
                    statements: [1]
                    version: "1"
                    headline: missing_episodes
                    direction: down
                    definition: Missing episodes in the period.
                """ + y02Extra;
    }

    private static LogicModel parse(String yaml, List<? extends DeclaredMeasure> classes) {
        return LogicModel.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), classes);
    }

    private static final Bounded S01 = new Bounded("S01", Set.of("referrals", "allocations"));
    private static final Bounded Y02 = new Bounded("Y02", Set.of("missing_episodes"));

    @Test
    void should_take_its_sources_and_kind_from_the_classes_when_they_agree() {
        // GIVEN the file and a class for each measure
        // WHEN
        LogicModel model = parse(file(""), List.of(S01, Y02));
        // THEN
        assertThat(model.measure("Y02").sources()).containsExactly("police/missing-reports");
        assertThat(model.measure("Y02").comparison()).isFalse();
    }

    @Test
    void should_fail_if_a_measure_in_the_file_has_no_class() {
        assertThatThrownBy(() -> parse(file(""), List.of(S01)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(MeasureMismatch.summary(List.of(MeasureMismatch.noClass("Y02"))));
    }

    @Test
    void should_fail_if_a_class_has_no_entry_in_the_file() {
        Bounded y03 = new Bounded("Y03", Set.of("first_time_entrants"));
        assertThatThrownBy(() -> parse(file(""), List.of(S01, Y02, y03)))
                .hasMessage(MeasureMismatch.summary(List.of(MeasureMismatch.noEntry(y03))))
                .hasMessageContaining("class Bounded declares measure Y03, which the logic model does not define");
    }

    @Test
    void should_fail_if_two_classes_declare_one_id() {
        Bounded another = new Bounded("Y02", Set.of("missing_episodes"));
        assertThatThrownBy(() -> parse(file(""), List.of(S01, Y02, another)))
                .hasMessage(MeasureMismatch.summary(List.of(MeasureMismatch.twoClasses("Y02", Y02, another))));
    }

    @Test
    void should_fail_if_the_headline_is_not_a_figure_the_class_produces() {
        Bounded y02 = new Bounded("Y02", Set.of("missing_episode"));
        assertThatThrownBy(() -> parse(file(""), List.of(S01, y02)))
                .hasMessage(
                        MeasureMismatch.summary(List.of(MeasureMismatch.headlineNotProduced(y02, "missing_episodes"))))
                .hasMessageContaining(
                        "the headline of Y02, missing_episodes, is not a figure its class Bounded produces (missing_episode)");
    }

    @Test
    void should_fail_if_the_file_still_lists_a_measures_sources() {
        assertThatThrownBy(() -> parse(file("    sources: [police/missing-reports]\n"), List.of(S01, Y02)))
                .hasMessage(MeasureMismatch.summary(List.of(MeasureMismatch.unknownKeys("Y02", Set.of("sources")))))
                .hasMessageContaining("(a measure's sources are declared by its class)");
    }

    @Test
    void should_fail_if_a_measure_that_reads_past_its_period_is_not_marked_provisional() {
        Unbounded y02 = new Unbounded("Y02", Set.of("missing_episodes"));
        assertThatThrownBy(() -> parse(file(""), List.of(S01, y02)))
                .hasMessage(MeasureMismatch.summary(List.of(MeasureMismatch.notMarkedProvisional(y02))));
    }

    @Test
    void should_fail_if_a_bounded_measure_is_marked_provisional() {
        assertThatThrownBy(() -> parse(file("    provisional: a later row can change it\n"), List.of(S01, Y02)))
                .hasMessage(MeasureMismatch.summary(List.of(MeasureMismatch.markedProvisional(Y02))));
    }

    @Test
    void should_fail_if_a_comparison_names_a_headline() {
        Comparison y02 = new Comparison("Y02");
        assertThatThrownBy(() -> parse(file(""), List.of(S01, y02)))
                .hasMessage(MeasureMismatch.summary(
                        List.of(MeasureMismatch.comparisonWithHeadline(y02, "missing_episodes"))));
    }

    @Test
    void should_list_every_disagreement_at_once() {
        Bounded s01 = new Bounded("S01", Set.of("allocations"));
        assertThatThrownBy(() -> parse(file(""), List.of(s01)))
                .hasMessage(MeasureMismatch.summary(List.of(
                        MeasureMismatch.headlineNotProduced(s01, "referrals"), MeasureMismatch.noClass("Y02"))));
    }

    @Test
    void should_make_a_comparison_a_comparison_with_all_as_its_sources() {
        String yaml = file("").replace("    headline: missing_episodes\n", "");
        LogicModel model = parse(yaml, List.of(S01, new Comparison("Y02")));
        assertThat(model.measure("Y02").comparison()).isTrue();
        assertThat(model.measure("Y02").sources()).containsExactly("all");
        assertThat(model.measure("Y02").headlineFigure()).isEmpty();
    }

    /** A measure that reads only rows dated by its period's end; not a bean, so no scan finds it. */
    record Bounded(String id, Set<String> figures) implements BoundedMeasure {
        @Override
        public List<DatasetId> sources() {
            return List.of(DatasetId.of("police/missing-reports"));
        }

        @Override
        public List<MeasureResult> calculate(MeasureContext context, Period period) {
            return List.of();
        }
    }

    record Unbounded(String id, Set<String> figures) implements Measure {
        @Override
        public List<DatasetId> sources() {
            return List.of(DatasetId.of("police/missing-reports"));
        }

        @Override
        public List<MeasureResult> calculate(MeasureContext context, Period period) {
            return List.of();
        }
    }

    record Comparison(String id) implements ComparisonMeasure {
        @Override
        public List<MeasureResult> compare(
                MeasureContext context, List<Measure> measures, List<MeasureResult> current, Period baseline) {
            return List.of();
        }
    }
}
