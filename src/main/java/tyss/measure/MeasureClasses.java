package tyss.measure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.beans.BeanInstantiationException;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.stereotype.Component;

/**
 * The measures' classes under {@code tyss.measure}, found as the job's component scan finds its
 * beans, for reading the logic model outside the job (tests, tools) exactly as the job checks it.
 */
final class MeasureClasses {

    private MeasureClasses() {}

    static List<DeclaredMeasure> onClasspath() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        AssignableTypeFilter declared = new AssignableTypeFilter(DeclaredMeasure.class);
        AnnotationTypeFilter component = new AnnotationTypeFilter(Component.class);
        // a bean of the job, as its component scan sees it: a test's own small measure is left out
        scanner.addIncludeFilter(
                (reader, factory) -> declared.match(reader, factory) && component.match(reader, factory));
        List<DeclaredMeasure> found = new ArrayList<>();
        for (BeanDefinition bean : scanner.findCandidateComponents("tyss.measure")) {
            try {
                // as Spring makes its beans: a measure class need not be public outside its package
                found.add((DeclaredMeasure) BeanUtils.instantiateClass(
                        Class.forName(bean.getBeanClassName(), true, MeasureClasses.class.getClassLoader())));
            } catch (ClassNotFoundException | BeanInstantiationException e) {
                throw new IllegalStateException(
                        "measure class " + bean.getBeanClassName() + " cannot be made without arguments", e);
            }
        }
        found.sort(Comparator.comparing(DeclaredMeasure::id));
        return found;
    }
}
