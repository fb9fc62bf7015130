package tyss.measure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tyss.measure.MeasureResult.Unit;

/**
 * Rates beside counts for changing populations: for every count of the TYSS cohort (breakdown
 * {@code population}, cell {@code cohort}), the same figure per 100 young people in the cohort as
 * it stood at the end of its period (S01 {@code cohort_size}), named {@code <figure>_per_100}; for
 * every count of the whole authority's, per 10,000 of its 10-17 population. Each keeps the count as
 * numerator and the population as denominator, so disclosure control judges it by them.
 */
public final class Rates {

    public static final String PER_100 = "_per_100";
    public static final String PER_10000 = "_per_10000";
    /** The Youth Justice Board publishes first-time entrants per 100,000 of the 10-17 population. */
    public static final String PER_100000 = "_per_100000";

    private Rates() {}

    /**
     * The results with each cohort count's rate per 100 in the cohort, and each count for the whole
     * authority's young people per 10,000 of its 10-17 population (first-time entrants per 100,000),
     * from the latest mid-year estimate no later than the period's end ({@code population1017} by year).
     */
    public static List<MeasureResult> withRates(List<MeasureResult> results, Map<Integer, Long> population1017) {
        Map<String, BigDecimal> cohort = new HashMap<>();
        for (MeasureResult r : results) {
            if (r.measureId().equals("S01")
                    && r.figure().equals("cohort_size")
                    && r.breakdown().equals(MeasureResult.ALL)
                    && r.value() != null) {
                cohort.put(r.period().label(), r.value());
            }
        }
        List<MeasureResult> out = new ArrayList<>(results.size());
        for (MeasureResult r : results) {
            out.add(r);
            BigDecimal size = cohort.get(r.period().label());
            if (r.unit().isCount()
                    && r.breakdown().equals("population")
                    && r.breakdownValue().equals("cohort")
                    && r.value() != null
                    && size != null
                    && size.signum() > 0) {
                out.add(new MeasureResult(
                        r.measureId(),
                        r.figure() + PER_100,
                        r.definitionVersion(),
                        r.period(),
                        r.breakdown(),
                        r.breakdownValue(),
                        r.value(),
                        size,
                        r.value().multiply(BigDecimal.valueOf(100)).divide(size, 3, RoundingMode.HALF_UP),
                        Unit.RATE));
            }
            Long people = estimate(population1017, r.period().end().getYear());
            if (r.unit().isCount()
                    && r.breakdown().equals("population")
                    && r.breakdownValue().equals("authority")
                    && r.value() != null
                    && people != null
                    && people > 0) {
                boolean fte = r.measureId().equals("Y03") && r.figure().equals("first_time_entrants");
                long per = fte ? 100_000 : 10_000;
                out.add(new MeasureResult(
                        r.measureId(),
                        r.figure() + (fte ? PER_100000 : PER_10000),
                        r.definitionVersion(),
                        r.period(),
                        r.breakdown(),
                        r.breakdownValue(),
                        r.value(),
                        BigDecimal.valueOf(people),
                        r.value()
                                .multiply(BigDecimal.valueOf(per))
                                .divide(BigDecimal.valueOf(people), 3, RoundingMode.HALF_UP),
                        Unit.RATE));
            }
        }
        return out;
    }

    private static Long estimate(Map<Integer, Long> byYear, int year) {
        return byYear.entrySet().stream()
                .filter(e -> e.getKey() <= year)
                .max(Map.Entry.comparingByKey())
                .map(Map.Entry::getValue)
                .orElse(null);
    }
}
