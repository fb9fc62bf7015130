package tyss.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/** The logic model and the code agree: 35 measures, each (but Y08, computed against a baseline) with one Measure class. */
class MeasureCatalogueTest {

    @Test
    void the_catalogue_lists_all_35_measures_of_the_three_impact_statements() {
        LogicModel model = LogicModel.load();
        assertThat(model.measures()).hasSize(35);
        assertThat(model.statements()).extracting(LogicModel.Statement::title).containsExactly("Exploitation", "Safety and wellbeing", "Life chances");
        assertThat(model.measures().values()).allSatisfy(d -> assertThat(d.definition()).as(d.id()).isNotBlank().isNotEqualTo("TODO"));
    }

    @Test
    void every_measure_but_the_baseline_comparison_has_exactly_one_class() throws Exception {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(Measure.class));
        List<String> ids = new java.util.ArrayList<>();
        for (var bean : scanner.findCandidateComponents("tyss.measure")) {
            ids.add(((Measure) Class.forName(bean.getBeanClassName()).getDeclaredConstructor().newInstance()).id());
        }
        Set<String> expected = new TreeSet<>(LogicModel.load().measures().keySet());
        expected.remove("Y08");
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(new TreeSet<>(ids)).isEqualTo(expected);
    }

    @Test
    void the_measures_marked_provisional_are_exactly_those_that_read_past_their_period() throws Exception {
        // a measure that is not a BoundedMeasure reads rows dated after its period (a follow-up), so
        // its latest quarter can still change: the logic model must say so, and say why
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(Measure.class));
        Set<String> unbounded = new TreeSet<>();
        for (var bean : scanner.findCandidateComponents("tyss.measure")) {
            Object m = Class.forName(bean.getBeanClassName()).getDeclaredConstructor().newInstance();
            if (!(m instanceof BoundedMeasure)) {
                unbounded.add(((Measure) m).id());
            }
        }
        Set<String> provisional = new TreeSet<>();
        LogicModel.load().measures().values().stream().filter(d -> d.provisional() != null).forEach(d -> provisional.add(d.id()));
        assertThat(provisional).isEqualTo(unbounded).containsExactly("S12", "S13", "Y15");
    }
}
