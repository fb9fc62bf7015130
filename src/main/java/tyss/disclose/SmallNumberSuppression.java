package tyss.disclose;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tyss.measure.MeasureResult;
import tyss.measure.cohort.BeforeAfter;
import tyss.measure.cohort.MatchedComparison;
import tyss.period.Period;

/**
 * Small-number suppression for the commissioners' edition (ONS and DfE practice, see
 * REFERENCE-DEFINITIONS §6). Primary: a count of people or events from 1 to the threshold (5) is
 * shown as {@code c}, and so is a rate, percentage or mean whose numerator is; a true zero stays 0.
 *
 * <p>Secondary: nothing withheld may be worked out from what is shown. Every relation a reader
 * can see among a measure's figures ({@link LinkedTables}: breakdowns and totals, cohort within the
 * authority, shares of one base, quarters within the year to date and 12 months) is solved as a
 * linear programme ({@link Intervals}), and while a withheld count can be narrowed to fewer than
 * six whole values, or the unpublished rest of the authority to within 1 to 5, one more figure
 * of a relation it sits in is withheld: the one in the fewest relations, then the smallest, so
 * as little is hidden as the protection needs. Besides: a year-to-date or 12-month figure is
 * withheld when a quarter it spans is; a rate or statistic is withheld when a count it rests on is.
 */
public final class SmallNumberSuppression {

    /** Counts from 1 to this are withheld (REFERENCE-DEFINITIONS §6). */
    public static final int THRESHOLD = 5;

    /** How many of the likeliest complementary figures are tried for each group that needs one. */
    private static final int CANDIDATES = 6;

    private final int threshold;
    private final boolean secondary;

    public SmallNumberSuppression(int threshold) {
        this(threshold, true);
    }

    /** With {@code secondary} false only the small counts themselves are withheld: for showing what secondary suppression protects. */
    public SmallNumberSuppression(int threshold, boolean secondary) {
        this.threshold = threshold;
        this.secondary = secondary;
    }

    /** What disclosure control withholds: the primary cells (small counts) and, among {@code hidden}, those hidden to protect them. */
    public record Decision(Set<MeasureResult> primary, Set<MeasureResult> hidden) {}

    /** The results that must be shown as {@code c}. */
    public Set<MeasureResult> suppressed(List<MeasureResult> results) {
        return decide(results).hidden();
    }

    public Decision decide(List<MeasureResult> results) {
        Set<MeasureResult> primary = new LinkedHashSet<>();
        for (MeasureResult r : results) {
            if (r.unit().isCount() ? isSmall(r.value()) : isSmall(r.numerator())) {
                primary.add(r);
            }
        }
        Set<MeasureResult> hidden = new HashSet<>(primary);
        if (!secondary) {
            return new Decision(primary, hidden);
        }
        Map<String, List<MeasureResult>> byMeasure = new LinkedHashMap<>();
        for (MeasureResult r : results) {
            byMeasure.computeIfAbsent(r.measureId(), k -> new ArrayList<>()).add(r);
        }
        Links links = new Links(results);
        Set<String> dirty = new LinkedHashSet<>(byMeasure.keySet());
        Set<String> settled = new HashSet<>();
        while (!dirty.isEmpty()) {
            Set<MeasureResult> added = new HashSet<>();
            links.propagate(hidden, added);
            hidden.addAll(added);
            added.forEach(r -> dirty.add(r.measureId()));
            for (String measure : dirty) {
                added.addAll(protect(byMeasure.get(measure), hidden, settled));
            }
            hidden.addAll(added);
            dirty.clear();
            added.forEach(r -> dirty.add(r.measureId()));
        }
        return new Decision(primary, hidden);
    }

    /** One round for one measure: for each group of linked figures that leaves a withheld one too narrow, one more figure to withhold. */
    private Set<MeasureResult> protect(List<MeasureResult> rows, Set<MeasureResult> hidden, Set<String> settled) {
        Map<String, MeasureResult> byKey = new HashMap<>();
        List<Published> view = new ArrayList<>();
        for (MeasureResult r : rows) {
            Published p = published(r, hidden.contains(r));
            byKey.put(p.key(), r);
            view.add(p);
        }
        LinkedTables tables = new LinkedTables(view);
        Set<MeasureResult> added = new HashSet<>();
        for (List<String> component : Intervals.components(tables)) {
            // a group found protected stays so until a figure joins it (its relations' figures only change by joining
            // it)
            String signature = String.join("\u0000", component);
            if (settled.contains(signature)) {
                continue;
            }
            if (Intervals.unprotected(tables, component, threshold).isEmpty()) {
                settled.add(signature);
            } else {
                complement(tables, component)
                        .ifPresent(v -> added.add(byKey.get(v.row().key())));
            }
        }
        return added;
    }

    /**
     * The shown figure to withhold with a group that is too narrow: of the few in the fewest
     * relations and smallest, the one that leaves the fewest figures of the group unprotected.
     */
    private Optional<LinkedTables.Variable> complement(LinkedTables tables, List<String> component) {
        Map<String, Integer> relationsOf = new HashMap<>();
        for (LinkedTables.Relation r : tables.relations) {
            r.terms().keySet().forEach(id -> relationsOf.merge(id, 1, Integer::sum));
        }
        Set<String> group = new HashSet<>(component);
        List<LinkedTables.Variable> candidates = tables.relations.stream()
                .filter(r -> r.terms().keySet().stream().anyMatch(group::contains))
                .flatMap(r -> r.terms().keySet().stream())
                .distinct()
                .map(tables.variables::get)
                .filter(v -> v != null && !v.free() && v.kind() != LinkedTables.Kind.REST && v.known() > 0)
                .sorted(Comparator.comparing((LinkedTables.Variable v) -> relationsOf.get(v.id()))
                        .thenComparing(LinkedTables.Variable::known)
                        .thenComparing(LinkedTables.Variable::id))
                .limit(CANDIDATES)
                .toList();
        LinkedTables.Variable best = null;
        int fewest = Integer.MAX_VALUE;
        for (LinkedTables.Variable c : candidates) {
            LinkedTables after = tables.withheld(c.id());
            int left = Intervals.components(after).stream()
                    .filter(g -> g.contains(c.id()))
                    .mapToInt(g -> Intervals.unprotected(after, g, threshold).size())
                    .sum();
            if (left < fewest) {
                best = c;
                fewest = left;
            }
            if (left == 0) {
                break;
            }
        }
        return Optional.ofNullable(best);
    }

    /** A result as the commissioners' workbook would show it. */
    static Published published(MeasureResult r, boolean hidden) {
        return new Published(
                r.measureId(),
                r.figure(),
                r.period().kind(),
                r.period().label(),
                r.period().start(),
                r.period().end(),
                r.breakdown(),
                r.breakdownValue(),
                r.unit(),
                hidden ? null : number(r.value()),
                hidden ? null : number(r.numerator()),
                hidden ? null : number(r.denominator()),
                hidden);
    }

    private static Double number(BigDecimal n) {
        return n == null ? null : n.doubleValue();
    }

    private boolean isSmall(BigDecimal n) {
        return n != null && n.signum() > 0 && n.compareTo(BigDecimal.valueOf(threshold)) <= 0;
    }

    /** The links between figures that are not sums: a span and the quarters in it, a rate or statistic and the counts it rests on. */
    private static final class Links {
        private final List<MeasureResult> results;
        private final Map<String, List<MeasureResult>> quartersOf = new HashMap<>();
        private final Map<String, List<MeasureResult>> countsAt = new HashMap<>();

        Links(List<MeasureResult> results) {
            this.results = results;
            for (MeasureResult r : results) {
                if (r.period().kind() == Period.Kind.QUARTER) {
                    quartersOf.computeIfAbsent(cell(r), k -> new ArrayList<>()).add(r);
                }
                if (r.unit().isCount()) {
                    countsAt.computeIfAbsent(
                                    place(r.measureId(), r.period().label(), r.breakdown(), r.breakdownValue()),
                                    k -> new ArrayList<>())
                            .add(r);
                }
            }
        }

        void propagate(Set<MeasureResult> hidden, Set<MeasureResult> added) {
            for (MeasureResult r : results) {
                if (hidden.contains(r)) {
                    continue;
                }
                boolean spansHidden = (r.period().kind() == Period.Kind.YEAR_TO_DATE
                                || r.period().kind() == Period.Kind.ROLLING_12_MONTHS)
                        && quartersOf.getOrDefault(cell(r), List.of()).stream()
                                .anyMatch(q -> hidden.contains(q)
                                        && !q.period()
                                                .start()
                                                .isBefore(r.period().start())
                                        && !q.period().end().isAfter(r.period().end()));
                if (spansHidden || !r.unit().isCount() && restsOnHidden(r, hidden)) {
                    added.add(r);
                }
            }
        }

        /**
         * A ratio whose numerator or denominator is a withheld count of the same cell gives it back; a baseline statistic, its
         * measure's count; a statistic of the matched comparison or of the before and after, any count of its span's people and events.
         */
        private boolean restsOnHidden(MeasureResult r, Set<MeasureResult> hidden) {
            if (r.breakdown().equals("statistic") && r.figure().contains(".")) {
                String[] source = r.figure().split("\\.", 2);
                return countsAt
                                .getOrDefault(
                                        place(source[0], r.period().label(), MeasureResult.ALL, MeasureResult.ALL),
                                        List.of())
                                .stream()
                                .anyMatch(c -> c.figure().equals(source[1]) && hidden.contains(c))
                        || countsAt
                                .getOrDefault(place(source[0], r.period().label(), "population", "cohort"), List.of())
                                .stream()
                                .anyMatch(c -> c.figure().equals(source[1]) && hidden.contains(c));
            }
            if (r.breakdown().equals(MatchedComparison.BREAKDOWN)
                    || r.breakdown().equals(BeforeAfter.BREAKDOWN)) {
                List<String> behind = r.breakdown().equals(MatchedComparison.BREAKDOWN)
                        ? MatchedComparison.countsBehind(r.figure())
                        : BeforeAfter.countsBehind(r.figure());
                return countsAt
                        .getOrDefault(
                                place(r.measureId(), r.period().label(), r.breakdown(), MeasureResult.ALL), List.of())
                        .stream()
                        .anyMatch(c -> hidden.contains(c) && behind.contains(c.figure()));
            }
            return countsAt
                    .getOrDefault(
                            place(r.measureId(), r.period().label(), r.breakdown(), r.breakdownValue()), List.of())
                    .stream()
                    .anyMatch(c -> hidden.contains(c)
                            && c.value() != null
                            && (equal(c.value(), r.numerator()) || equal(c.value(), r.denominator())));
        }

        private static boolean equal(BigDecimal a, BigDecimal b) {
            return b != null && a.compareTo(b) == 0;
        }

        private static String cell(MeasureResult r) {
            return place(r.measureId(), r.figure(), r.breakdown(), r.breakdownValue());
        }

        private static String place(String... parts) {
            return String.join("\u0000", parts);
        }
    }
}
