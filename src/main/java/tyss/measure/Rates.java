package tyss.measure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tyss.measure.MeasureResult.Unit;

/**
 * Rates beside counts for a growing cohort: for every count of the TYSS cohort (breakdown
 * {@code population}, cell {@code cohort}), the same figure per 100 young people in the cohort as
 * it stood at the end of its period (S01 {@code cohort_size}), named {@code <figure>_per_100}. It
 * keeps the count as numerator and the cohort as denominator, so disclosure control judges it by them.
 */
public final class Rates {

    public static final String PER_100 = "_per_100";

    private Rates() {
    }

    /** The results with each cohort count's rate after it. */
    public static List<MeasureResult> withRates(List<MeasureResult> results) {
        Map<String, BigDecimal> cohort = new HashMap<>();
        for (MeasureResult r : results) {
            if (r.measureId().equals("S01") && r.figure().equals("cohort_size") && r.breakdown().equals(MeasureResult.ALL) && r.value() != null) {
                cohort.put(r.period().label(), r.value());
            }
        }
        List<MeasureResult> out = new ArrayList<>(results.size());
        for (MeasureResult r : results) {
            out.add(r);
            BigDecimal size = cohort.get(r.period().label());
            if (r.unit().isCount() && r.breakdown().equals("population") && r.breakdownValue().equals("cohort") && r.value() != null
                    && size != null && size.signum() > 0) {
                out.add(new MeasureResult(r.measureId(), r.figure() + PER_100, r.definitionVersion(), r.period(), r.breakdown(), r.breakdownValue(),
                        r.value(), size, r.value().multiply(BigDecimal.valueOf(100)).divide(size, 3, RoundingMode.HALF_UP), Unit.RATE));
            }
        }
        return out;
    }
}
