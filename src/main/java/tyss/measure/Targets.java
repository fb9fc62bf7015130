package tyss.measure;

import java.util.Map;
import java.util.Optional;

import tyss.measure.LogicModel.MeasureDefinition;
import tyss.period.Quarter;

/**
 * The target each measure's headline is judged against in a quarter: the performance team's
 * {@code reference/targets} file for the quarter's financial year where it names one, else the
 * logic model's.
 *
 * @param byYear per measure id, per financial year ({@code 2026-27}), the target
 */
public record Targets(Map<String, Map<String, Double>> byYear) {

    public static Targets none() {
        return new Targets(Map.of());
    }

    public Optional<Double> of(MeasureDefinition d, Quarter q) {
        return Optional.ofNullable(byYear.getOrDefault(d.id(), Map.of()).get(q.financialYear()))
                .or(d::target);
    }
}
