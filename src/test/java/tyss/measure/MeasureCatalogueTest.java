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
}
