package tyss.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import tyss.contract.DatasetCatalog;
import tyss.period.Period;
import tyss.period.Quarter;

/** The logic model and the code agree: 35 measures, each with one class, whose declared sources are datasets. */
class MeasureCatalogueTest {

    @Test
    void the_catalogue_lists_all_35_measures_of_the_three_impact_statements() {
        LogicModel model = LogicModel.load();
        assertThat(model.measures()).hasSize(35);
        assertThat(model.statements())
                .extracting(LogicModel.Statement::title)
                .containsExactly("Exploitation", "Safety and wellbeing", "Life chances");
        assertThat(model.measures().values())
                .allSatisfy(
                        d -> assertThat(d.definition()).as(d.id()).isNotBlank().isNotEqualTo("TODO"));
    }

    @Test
    void every_measure_has_exactly_one_class_and_the_comparison_is_a_comparison() {
        List<String> ids =
                MeasureClasses.onClasspath().stream().map(DeclaredMeasure::id).toList();
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(new TreeSet<>(ids))
                .isEqualTo(new TreeSet<>(LogicModel.load().measures().keySet()));
        assertThat(LogicModel.load().measures().values().stream().filter(LogicModel.MeasureDefinition::comparison))
                .extracting(LogicModel.MeasureDefinition::id)
                .containsExactly("Y08");
    }

    @Test
    void every_source_a_class_declares_is_a_dataset_of_the_catalogue() {
        DatasetCatalog catalog = DatasetCatalog.load();
        for (DeclaredMeasure m : MeasureClasses.onClasspath()) {
            assertThat(m.sources())
                    .as(m.id())
                    .allSatisfy(s -> assertThat(catalog.find(s.toString()))
                            .as(m.id() + " reads " + s)
                            .isPresent());
            assertThat(m.sources()).as(m.id()).doesNotHaveDuplicates();
        }
    }

    @Test
    void every_figure_a_measure_calculates_is_one_it_declares() {
        // on an empty store a measure still gives each figure it has (a count of 0, a share of
        // nothing), but for rates, which need a population, counts by each category found
        // (cohort_events), and S13's, which are per tool: their own tests have those
        MeasureFixture store = new MeasureFixture();
        MeasureContext context = store.context("2026-27 Q2");
        Map<String, Set<String>> notGiven = new TreeMap<>();
        for (DeclaredMeasure declared : MeasureClasses.onClasspath()) {
            if (declared instanceof Measure m) {
                Set<String> produced = new TreeSet<>();
                m.calculate(context, Period.of(Quarter.parse("2026-27 Q2"))).forEach(r -> produced.add(r.figure()));
                assertThat(produced).as(m.id()).isSubsetOf(m.figures());
                m.figures().stream()
                        .filter(f -> !produced.contains(f)
                                && !m.id().equals("S13")
                                && !f.matches(".*_per_\\d+|cohort_(events|people)"))
                        .forEach(f -> notGiven.computeIfAbsent(m.id(), k -> new TreeSet<>())
                                .add(f));
            }
        }
        assertThat(notGiven).as("declared, but given on no rows").isEmpty();
    }

    @Test
    void the_measures_marked_provisional_are_exactly_those_that_read_past_their_period() {
        // a measure that is not a BoundedMeasure reads rows dated after its period (a follow-up), so
        // its latest quarter can still change: the logic model must say so, and say why
        Set<String> unbounded = new TreeSet<>();
        for (DeclaredMeasure m : MeasureClasses.onClasspath()) {
            if (m instanceof Measure measure && !(measure instanceof BoundedMeasure)) {
                unbounded.add(m.id());
            }
        }
        Set<String> provisional = new TreeSet<>();
        LogicModel.load().measures().values().stream()
                .filter(d -> d.provisional() != null)
                .forEach(d -> provisional.add(d.id()));
        assertThat(provisional).isEqualTo(unbounded).containsExactly("S12", "S13", "Y15");
    }
}
