package tyss.measure.cohort;

import java.util.List;

import org.springframework.stereotype.Component;

import tyss.measure.ComparisonMeasure;
import tyss.measure.Measure;
import tyss.measure.MeasureContext;
import tyss.measure.MeasureResult;
import tyss.period.Period;

/**
 * Y08 Data analysis and findings, baselining and review: every system measure's headline for the
 * reporting quarter against the baseline period an evaluator names ({@code --baseline}), with the
 * change and its 95% interval ({@link Baseline} has the statistics). Computed from the other
 * measures' results, so only when a baseline is named.
 */
@Component
class Y08BaselineComparison implements ComparisonMeasure {

    @Override
    public String id() {
        return "Y08";
    }

    @Override
    public List<MeasureResult> compare(
            MeasureContext context, List<Measure> measures, List<MeasureResult> current, Period baseline) {
        return Baseline.compare(context, id(), measures, current, baseline);
    }
}
