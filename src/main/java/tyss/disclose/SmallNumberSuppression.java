package tyss.disclose;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tyss.measure.MeasureResult;
import tyss.measure.Period;

/**
 * Small-number suppression for the commissioners' edition (ONS and DfE practice, see
 * REFERENCE-DEFINITIONS §6): a count of people or events from 1 to the threshold (5) is shown as
 * {@code c}; a true zero stays 0. Secondary suppression: in each table (one measure, figure and
 * period across the cells of one breakdown, with the total as its margin), if only one cell is
 * suppressed the next smallest non-zero cell is suppressed too, so no suppressed cell equals the
 * total minus the others. A rate, percentage or mean whose numerator is suppressed, or is itself
 * 1 to 5, is suppressed. Across periods: a year-to-date or 12-month figure is suppressed when any
 * quarter it spans is, since it less the quarters shown would give the suppressed one. The two
 * secondary rules are applied in turn until neither hides anything more.
 */
public final class SmallNumberSuppression {

    public static final String SYMBOL = "c";
    /** Counts from 1 to this are withheld (REFERENCE-DEFINITIONS §6). */
    public static final int THRESHOLD = 5;
    private final int threshold;

    public SmallNumberSuppression(int threshold) {
        this.threshold = threshold;
    }

    /** What disclosure control withholds: the primary cells (small counts) and, among {@code hidden}, those hidden to protect them. */
    public record Decision(Set<MeasureResult> primary, Set<MeasureResult> hidden) {
    }

    /** The results that must be shown as {@code c}. */
    public Set<MeasureResult> suppressed(List<MeasureResult> results) {
        return decide(results).hidden();
    }

    public Decision decide(List<MeasureResult> results) {
        Set<MeasureResult> primary = new HashSet<>();
        for (MeasureResult r : results) {
            if (r.unit().isCount() ? isSmall(r.value()) : isSmall(r.numerator())) {
                primary.add(r);
            }
        }
        Set<MeasureResult> hidden = new HashSet<>(primary);
        Map<String, List<MeasureResult>> tables = new LinkedHashMap<>();
        for (MeasureResult r : results) {
            if (r.unit().isCount() && !r.breakdown().equals(MeasureResult.ALL)) {
                tables.computeIfAbsent(tableKey(r) + "|" + r.breakdown(), k -> new ArrayList<>()).add(r);
            }
        }
        Map<String, List<MeasureResult>> quarters = new LinkedHashMap<>();
        for (MeasureResult r : results) {
            if (r.period().kind() == Period.Kind.QUARTER) {
                quarters.computeIfAbsent(cellKey(r), k -> new ArrayList<>()).add(r);
            }
        }
        int before;
        do {
            before = hidden.size();
            for (List<MeasureResult> cells : tables.values()) {
                List<MeasureResult> hiddenCells = cells.stream().filter(hidden::contains).toList();
                if (hiddenCells.size() == 1) {
                    cells.stream().filter(c -> !hidden.contains(c) && c.value() != null && c.value().signum() > 0)
                            .min(Comparator.comparing(MeasureResult::value).thenComparing(MeasureResult::breakdownValue))
                            .ifPresent(hidden::add);
                }
            }
            for (MeasureResult r : results) {
                if (r.period().kind() == Period.Kind.YEAR_TO_DATE || r.period().kind() == Period.Kind.ROLLING_12_MONTHS) {
                    boolean spansHidden = quarters.getOrDefault(cellKey(r), List.of()).stream()
                            .anyMatch(q -> hidden.contains(q) && !q.period().start().isBefore(r.period().start())
                                    && !q.period().end().isAfter(r.period().end()));
                    if (spansHidden) {
                        hidden.add(r);
                    }
                }
            }
        } while (hidden.size() > before);
        return new Decision(primary, hidden);
    }

    private boolean isSmall(BigDecimal n) {
        return n != null && n.signum() > 0 && n.compareTo(BigDecimal.valueOf(threshold)) <= 0;
    }

    private static String cellKey(MeasureResult r) {
        return r.measureId() + "|" + r.figure() + "|" + r.breakdown() + "|" + r.breakdownValue();
    }

    private static String tableKey(MeasureResult r) {
        return r.measureId() + "|" + r.figure() + "|" + r.period().label();
    }
}
