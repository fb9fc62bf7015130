package tyss.disclose;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tyss.measure.MeasureResult;
import tyss.measure.cohort.MatchedComparison;
import tyss.period.Period;

/**
 * Every arithmetic relation a reader can see between the figures of one measure, written as linear
 * constraints: the cells of a breakdown add up to its total; the TYSS cohort is part of the whole
 * authority (the rest, never published, is their difference); shares of one base add up to it and
 * each share with its denominator gives its count; a quarter's events add up to the year to date
 * and the 12 months; a figure named {@code people_a_or_b} holds {@code people_a} and {@code people_b}
 * and no more than both (the people only b, and only a, are unpublished rests). A reader cannot know from the figures alone whether a table adds up, so a
 * relation is assumed wherever the shown figures are consistent with it, as an intruder would.
 */
final class LinkedTables {

    /** {@code lo <= sum(coefficient * variable) <= hi}. */
    record Relation(Map<String, Double> terms, double lo, double hi, String what) {}

    /** What a variable stands for: a published figure's count, the count behind a share, or an unpublished rest. */
    enum Kind {
        COUNT,
        SHARE_COUNT,
        REST
    }

    record Variable(String id, Kind kind, Published row, Double known) {
        boolean free() {
            return known == null;
        }
    }

    private static final double EPS = 1e-6;
    /** A breakdown of a figure shown for both populations is the cohort's, unless its name starts so. */
    static final String AUTHORITY_PREFIX = "authority_";

    private static final Pattern MATCHED = Pattern.compile("matched_(\\d+m)");
    private static final Pattern UNION = Pattern.compile("(.*_)([a-z]+)_or_([a-z]+)");
    private static final String OUTCOME = "outcome";
    /** Outcome cells that are not yet an outcome, so are outside a share of outcomes' base. */
    private static final Set<String> NOT_AN_OUTCOME = Set.of("waiting", "not recorded");

    private static final List<String> NOT_TABLES =
            List.of(MeasureResult.ALL, "population", "before_after", MatchedComparison.BREAKDOWN, "statistic");

    final Map<String, Variable> variables = new LinkedHashMap<>();
    final List<Relation> relations = new ArrayList<>();

    private LinkedTables() {}

    /** The same relations with one more figure withheld: what a reader would see if it were. */
    LinkedTables withheld(String id) {
        LinkedTables copy = new LinkedTables();
        copy.variables.putAll(variables);
        Variable v = variables.get(id);
        copy.variables.put(id, new Variable(id, v.kind(), v.row(), null));
        copy.relations.addAll(relations);
        return copy;
    }

    /** The relations among one measure's published figures. */
    LinkedTables(List<Published> rows) {
        Map<String, Published> byPlace = new HashMap<>();
        for (Published p : rows) {
            byPlace.put(place(p.figure(), p.period(), p.breakdown(), p.cell()), p);
            if (p.noData()) {
                continue;
            }
            if (p.unit().isCount()) {
                variables.put(countId(p), new Variable(countId(p), Kind.COUNT, p, p.suppressed() ? null : p.value()));
            } else if (p.unit() == MeasureResult.Unit.PERCENT) {
                variables.put(
                        shareId(p),
                        new Variable(shareId(p), Kind.SHARE_COUNT, p, p.suppressed() ? null : p.numerator()));
            }
        }
        breakdowns(rows, byPlace);
        populations(rows, byPlace);
        unions(rows, byPlace);
        shares(rows);
        outcomes(rows);
        periods(rows);
        matched(rows, byPlace);
    }

    /**
     * The matched comparison within the before and after: the cohort compared is matched and
     * unmatched, and the matched cohort's events are part of the cohort's (the unmatched members'
     * events are an unpublished rest).
     */
    private void matched(List<Published> rows, Map<String, Published> byPlace) {
        for (Published matched : rows) {
            Matcher m = MATCHED.matcher(matched.figure());
            if (!matched.breakdown().equals(MatchedComparison.BREAKDOWN) || !m.matches() || matched.noData()) {
                continue;
            }
            String s = m.group(1);
            Published people = byPlace.get(place("people_" + s, matched.period(), "before_after", MeasureResult.ALL));
            Published unmatched = byPlace.get(
                    place("unmatched_" + s, matched.period(), MatchedComparison.BREAKDOWN, MeasureResult.ALL));
            if (people != null && unmatched != null && !people.noData() && !unmatched.noData()) {
                sumOrBound(
                        variables.get(countId(people)),
                        List.of(variables.get(countId(matched)), variables.get(countId(unmatched))),
                        matched.measureId() + ", " + matched.period() + ": the cohort compared " + s
                                + ", matched and unmatched");
            }
            for (String side : List.of("before", "after")) {
                Published all = byPlace.get(
                        place(side + "_" + s + "_events", matched.period(), "before_after", MeasureResult.ALL));
                Published part = byPlace.get(place(
                        "cohort_" + side + "_" + s + "_events",
                        matched.period(),
                        MatchedComparison.BREAKDOWN,
                        MeasureResult.ALL));
                if (all == null || part == null || all.noData() || part.noData()) {
                    continue;
                }
                Variable a = variables.get(countId(all));
                Variable c = variables.get(countId(part));
                if (!a.free() && !c.free() && c.known() > a.known() + EPS) {
                    continue;
                }
                String rest = "rest|" + part.key() + "|unmatched";
                Published restRow = new Published(
                        part.measureId(),
                        part.figure(),
                        part.kind(),
                        part.period(),
                        part.start(),
                        part.end(),
                        part.breakdown(),
                        "the unmatched cohort",
                        part.unit(),
                        null,
                        null,
                        null,
                        true);
                variables.put(rest, new Variable(rest, Kind.REST, restRow, null));
                relations.add(new Relation(
                        Map.of(a.id(), 1.0, c.id(), -1.0, rest, -1.0),
                        0,
                        0,
                        part.measureId() + ", " + part.period() + ": the cohort's events " + side + " (" + s
                                + "), matched and not"));
            }
        }
    }

    private void breakdowns(List<Published> rows, Map<String, Published> byPlace) {
        Map<String, List<Published>> tables = new LinkedHashMap<>();
        for (Published p : rows) {
            if (p.unit().isCount() && !NOT_TABLES.contains(p.breakdown())) {
                tables.computeIfAbsent(
                                p.figure() + "\u0000" + p.period() + "\u0000" + p.breakdown(), k -> new ArrayList<>())
                        .add(p);
            }
        }
        for (List<Published> cells : tables.values()) {
            Published first = cells.get(0);
            if (cells.stream().anyMatch(Published::noData)) {
                continue;
            }
            // a breakdown of a figure shown for the cohort and the authority may be of either: the
            // cohort is tried first, then the authority, as a reader would
            // ... unless it is named as the authority's (Y01's authority_tier)
            List<String> places = first.breakdown().startsWith(AUTHORITY_PREFIX)
                    ? List.of(place(first.figure(), first.period(), "population", "authority"))
                    : List.of(
                            place(first.figure(), first.period(), MeasureResult.ALL, MeasureResult.ALL),
                            place(first.figure(), first.period(), "population", "cohort"),
                            place(first.figure(), first.period(), "population", "authority"));
            List<Variable> totals = places.stream()
                    .map(byPlace::get)
                    .filter(t -> t != null && !t.noData())
                    .map(t -> variables.get(countId(t)))
                    .toList();
            if (totals.isEmpty()) {
                continue;
            }
            List<Variable> parts =
                    cells.stream().map(c -> variables.get(countId(c))).toList();
            Variable total =
                    totals.stream().filter(t -> additive(t, parts)).findFirst().orElse(totals.get(totals.size() - 1));
            sumOrBound(
                    total,
                    parts,
                    first.measureId() + " " + first.figure() + ", " + first.period() + ": the " + first.breakdown()
                            + " cells and the "
                            + (total.row().breakdown().equals("population")
                                    ? total.row().cell() + " "
                                    : "") + "total");
        }
    }

    /**
     * Whether the parts may add up to the whole, as far as a reader can tell: with all shown, they
     * do; with some withheld, each withheld count being at least 1, they leave room for them.
     */
    private static boolean additive(Variable whole, List<Variable> parts) {
        if (whole.free()) {
            return true;
        }
        double shown = parts.stream()
                .filter(v -> !v.free())
                .mapToDouble(Variable::known)
                .sum();
        long withheld = parts.stream().filter(Variable::free).count();
        return withheld == 0 ? Math.abs(shown - whole.known()) <= EPS : shown + withheld <= whole.known() + EPS;
    }

    /** {@code whole = sum(parts)} where the shown figures allow it, else each part no more than the whole (categories may overlap). */
    private void sumOrBound(Variable whole, List<Variable> parts, String what) {
        if (additive(whole, parts)) {
            Map<String, Double> terms = new LinkedHashMap<>();
            terms.put(whole.id(), 1.0);
            parts.forEach(v -> terms.merge(v.id(), -1.0, Double::sum));
            relations.add(new Relation(terms, 0, 0, what));
        } else {
            for (Variable part : parts) {
                relations.add(
                        new Relation(Map.of(part.id(), 1.0, whole.id(), -1.0), Double.NEGATIVE_INFINITY, 0, what));
            }
        }
    }

    /**
     * A share {@code pct_<x>} beside a count broken down by {@code outcome} (S03's onward referrals):
     * its count is the {@code <x>} cell's, and its base, where shown, the cells that are outcomes
     * (all but {@code waiting} and {@code not recorded}), so a withheld outcome cannot be had from the share.
     */
    private void outcomes(List<Published> rows) {
        for (Published share : rows) {
            if (share.unit() != MeasureResult.Unit.PERCENT
                    || !share.figure().startsWith("pct_")
                    || !share.breakdown().equals(MeasureResult.ALL)
                    || share.noData()) {
                continue;
            }
            String x = share.figure().substring("pct_".length());
            Published part = rows.stream()
                    .filter(p -> p.unit().isCount()
                            && p.breakdown().equals(OUTCOME)
                            && p.cell().equals(x)
                            && p.period().equals(share.period()))
                    .findFirst()
                    .orElse(null);
            if (part == null) {
                continue;
            }
            List<Published> cells = rows.stream()
                    .filter(p -> p.unit().isCount()
                            && p.breakdown().equals(OUTCOME)
                            && p.figure().equals(part.figure())
                            && p.period().equals(share.period()))
                    .toList();
            if (cells.stream().anyMatch(Published::noData)) {
                continue;
            }
            String what = share.measureId() + " " + share.figure() + ", " + share.period() + ": ";
            relations.add(new Relation(
                    Map.of(shareId(share), 1.0, countId(part), -1.0),
                    0,
                    0,
                    what + "its count is the " + x + " outcome's"));
            if (!share.suppressed() && share.denominator() != null) {
                Map<String, Double> terms = new LinkedHashMap<>();
                cells.stream().filter(c -> !NOT_AN_OUTCOME.contains(c.cell())).forEach(c -> terms.put(countId(c), 1.0));
                relations.add(new Relation(
                        terms, share.denominator(), share.denominator(), what + "its base is the outcomes recorded"));
            }
        }
    }

    private void populations(List<Published> rows, Map<String, Published> byPlace) {
        for (Published cohort : rows) {
            if (!cohort.unit().isCount()
                    || !cohort.breakdown().equals("population")
                    || !cohort.cell().equals("cohort")
                    || cohort.noData()) {
                continue;
            }
            Published authority = byPlace.get(place(cohort.figure(), cohort.period(), "population", "authority"));
            if (authority == null || authority.noData()) {
                continue;
            }
            Variable a = variables.get(countId(authority));
            Variable c = variables.get(countId(cohort));
            if (!a.free() && !c.free() && c.known() > a.known() + EPS) {
                continue;
            }
            String rest = "rest|" + cohort.measureId() + "|" + cohort.figure() + "|" + cohort.period();
            Published restRow = new Published(
                    cohort.measureId(),
                    cohort.figure(),
                    cohort.kind(),
                    cohort.period(),
                    cohort.start(),
                    cohort.end(),
                    "population",
                    "outside the cohort",
                    cohort.unit(),
                    null,
                    null,
                    null,
                    true);
            variables.put(rest, new Variable(rest, Kind.REST, restRow, null));
            relations.add(new Relation(
                    Map.of(a.id(), 1.0, c.id(), -1.0, rest, -1.0),
                    0,
                    0,
                    cohort.measureId() + " " + cohort.figure() + ", " + cohort.period()
                            + ": the whole authority less the TYSS cohort"));
        }
    }

    /** {@code a_or_b = a + only b = b + only a <= a + b}, for the same period and cell. */
    private void unions(List<Published> rows, Map<String, Published> byPlace) {
        for (Published whole : rows) {
            Matcher m = UNION.matcher(whole.figure());
            if (!whole.unit().isCount() || whole.noData() || !m.matches()) {
                continue;
            }
            Published a = byPlace.get(place(m.group(1) + m.group(2), whole.period(), whole.breakdown(), whole.cell()));
            Published b = byPlace.get(place(m.group(1) + m.group(3), whole.period(), whole.breakdown(), whole.cell()));
            if (a == null || b == null || a.noData() || b.noData()) {
                continue;
            }
            String what =
                    whole.measureId() + " " + whole.figure() + ", " + whole.period() + " (" + whole.cell() + "): ";
            Variable w = variables.get(countId(whole));
            for (Published[] part : new Published[][] {{a, b}, {b, a}}) {
                String rest = "rest|" + whole.key() + "|only " + part[1].figure();
                Published restRow = new Published(
                        whole.measureId(),
                        whole.figure(),
                        whole.kind(),
                        whole.period(),
                        whole.start(),
                        whole.end(),
                        whole.breakdown(),
                        whole.cell() + ", " + part[1].figure() + " only",
                        whole.unit(),
                        null,
                        null,
                        null,
                        true);
                variables.put(rest, new Variable(rest, Kind.REST, restRow, null));
                relations.add(new Relation(
                        Map.of(w.id(), 1.0, countId(part[0]), -1.0, rest, -1.0),
                        0,
                        0,
                        what + part[0].figure() + " and those " + part[1].figure() + " only"));
            }
            relations.add(new Relation(
                    Map.of(w.id(), 1.0, countId(a), -1.0, countId(b), -1.0),
                    Double.NEGATIVE_INFINITY,
                    0,
                    what + "no more than " + a.figure() + " and " + b.figure()));
        }
    }

    private void shares(List<Published> rows) {
        Map<String, List<Published>> groups = new LinkedHashMap<>();
        for (Published p : rows) {
            if (p.unit() == MeasureResult.Unit.PERCENT && !p.noData()) {
                groups.computeIfAbsent(
                                p.period() + "\u0000" + p.breakdown() + "\u0000" + p.cell(), k -> new ArrayList<>())
                        .add(p);
            }
        }
        for (List<Published> shares : groups.values()) {
            List<Double> bases = shares.stream()
                    .map(Published::denominator)
                    .filter(d -> d != null)
                    .distinct()
                    .toList();
            if (shares.size() < 2 || bases.size() != 1) {
                continue;
            }
            double base = bases.get(0);
            List<Variable> counts =
                    shares.stream().map(s -> variables.get(shareId(s))).toList();
            boolean anyFree = counts.stream().anyMatch(Variable::free);
            Published first = shares.get(0);
            String what = first.measureId() + ", " + first.period() + ": the shares of " + fmt(base);
            double shown = counts.stream()
                    .filter(v -> !v.free())
                    .mapToDouble(Variable::known)
                    .sum();
            Map<String, Double> terms = new LinkedHashMap<>();
            counts.forEach(v -> terms.put(v.id(), 1.0));
            // two shares of one base may be nested (severe within persistent absence) or overlap; three or more are
            // read as a split
            if (shares.size() >= 3 && (anyFree ? shown <= base + EPS : Math.abs(shown - base) <= EPS)) {
                // shares of one base that may add up to it: the withheld counts make up the rest
                relations.add(new Relation(terms, base, base, what + " add up to it"));
            }
            for (Variable v : counts) {
                relations.add(new Relation(Map.of(v.id(), 1.0), 0, base, what + ": each at most the base"));
            }
        }
    }

    private void periods(List<Published> rows) {
        Map<String, List<Published>> quarters = new HashMap<>();
        for (Published p : rows) {
            if (p.kind() == Period.Kind.QUARTER
                    && p.unit() == MeasureResult.Unit.EVENTS
                    && !List.of("before_after", MatchedComparison.BREAKDOWN, "statistic")
                            .contains(p.breakdown())) {
                quarters.computeIfAbsent(
                                p.figure() + "\u0000" + p.breakdown() + "\u0000" + p.cell(), k -> new ArrayList<>())
                        .add(p);
            }
        }
        for (Published span : rows) {
            if (span.unit() != MeasureResult.Unit.EVENTS
                    || span.noData()
                    || span.kind() != Period.Kind.YEAR_TO_DATE && span.kind() != Period.Kind.ROLLING_12_MONTHS) {
                continue;
            }
            List<Published> within = quarters
                    .getOrDefault(span.figure() + "\u0000" + span.breakdown() + "\u0000" + span.cell(), List.of())
                    .stream()
                    .filter(q -> !q.start().isBefore(span.start()) && !q.end().isAfter(span.end()))
                    .toList();
            long months = ChronoUnit.MONTHS.between(span.start(), span.end().plusDays(1));
            if (within.size() * 3L != months || within.stream().anyMatch(Published::noData)) {
                continue;
            }
            sumOrBound(
                    variables.get(countId(span)),
                    within.stream().map(q -> variables.get(countId(q))).toList(),
                    span.measureId() + " " + span.figure() + ", " + span.period() + ": the quarters it spans");
        }
    }

    static String countId(Published p) {
        return "count|" + p.key();
    }

    static String shareId(Published p) {
        return "share|" + p.key();
    }

    private static String place(String... parts) {
        return String.join("\u0000", parts);
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
