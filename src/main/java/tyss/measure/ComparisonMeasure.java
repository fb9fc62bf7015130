package tyss.measure;

import java.util.List;

import tyss.contract.DatasetId;
import tyss.period.Period;

/**
 * A measure computed from the other measures' results rather than from the store's rows (Y08, the
 * system measures against an evaluator's baseline): it reads every system measure's sources
 * through their results, so it names none of its own and has no single headline.
 */
public non-sealed interface ComparisonMeasure extends DeclaredMeasure {

    /** The comparison's results for the quarter of {@code context}, from the measures' results for it ({@code current}). */
    List<MeasureResult> compare(
            MeasureContext context, List<Measure> measures, List<MeasureResult> current, Period baseline);

    @Override
    default List<DatasetId> sources() {
        return List.of();
    }
}
