package tyss.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import tyss.disclose.Cell;
import tyss.disclose.Edition;
import tyss.disclose.Figure;
import tyss.disclose.ReportModel;
import tyss.measure.LogicModel;
import tyss.measure.LogicModel.MeasureDefinition;
import tyss.measure.MeasureResult;
import tyss.measure.Rates;
import tyss.measure.cohort.MatchedComparison;
import tyss.period.Period;
import tyss.period.Quarter;

/**
 * The detail of each impact statement, as rows for {@code statement-section.jrxml} (tables as lists
 * the template wraps in a fresh data source each time: a block moved to the next page is filled again): one row per
 * measure of the statement, with its figures over the report's periods, its eight-quarter trend,
 * its headline by the most telling breakdown, the cohort before and after allocation, and the
 * figure against the evaluator's baseline. A measure that evidences several statements is shown
 * in full under the first and referred to under the others.
 */
final class StatementSection {

    /** Breakdowns that are not cells a reader reads as a breakdown: totals, the cohort/authority split and the cohort statistics. */
    private static final Set<String> NOT_CELLS =
            Set.of(MeasureResult.ALL, "population", "before_after", MatchedComparison.BREAKDOWN, "statistic");

    private static final String NO_DATA = Headline.NO_DATA;

    private final ReportModel input;
    private final Quarter q;
    /** Each matched comparison's balance printed so far, by its figures, with the measure it was printed under. */
    private final Map<String, String> balanceShown = new HashMap<>();

    private StatementSection(ReportModel input) {
        this.input = input;
        this.q = input.quarter();
    }

    static List<Map<String, ?>> rows(ReportModel input) {
        return new StatementSection(input).rows();
    }

    private List<Map<String, ?>> rows() {
        List<Map<String, ?>> rows = new ArrayList<>();
        Map<String, Integer> shownUnder = new HashMap<>();
        for (ReportModel.StatementPart part : input.statements()) {
            LogicModel.Statement s = part.statement();
            // a measure that evidences several statements is shown once, under the first; the others name it in one
            // line
            List<String> alsoHere = new ArrayList<>();
            List<ReportModel.MeasurePart> shown = new ArrayList<>();
            for (ReportModel.MeasurePart m : part.measures()) {
                Integer earlier = shownUnder.putIfAbsent(m.definition().id(), s.number());
                if (earlier == null) {
                    shown.add(m);
                } else {
                    alsoHere.add(m.definition().id() + " (statement " + earlier + ")");
                }
            }
            String also = alsoHere.isEmpty()
                    ? null
                    : "Also evidenced by " + String.join(", ", alsoHere) + ", shown in full under the statement named.";
            for (ReportModel.MeasurePart m : shown) {
                MeasureDefinition d = m.definition();
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("statementNumber", s.number());
                row.put("statement", s.number() + ". " + s.title());
                row.put("impact", s.impact());
                row.put(
                        "outcomes",
                        s.outcomes().stream().map(o -> "\u2022 " + o).collect(Collectors.joining("\n")));
                row.put("alsoEvidenced", also);
                row.put("measureId", d.id());
                row.put("measureName", d.name());
                row.put("kind", d.isSystem() ? "System measure" : "Service-level measure");
                measure(d, row);
                rows.add(row);
            }
        }
        return rows;
    }

    private void measure(MeasureDefinition d, Map<String, Object> row) {
        row.put(
                "definition",
                d.definition()
                        + (d.provisional() == null
                                ? ""
                                : " Provisional for the latest quarter (p): " + d.provisional() + "."));
        if (d.comparison()) {
            row.put("wide", baselineTable(d.id()));
            if (row.get("wide") == null) {
                row.put(
                        "note",
                        "No baseline was named for this run, so there is nothing to compare. An evaluator names one with "
                                + "--baseline (a financial year such as 2024-25, or a quarter).");
            }
            return;
        }
        row.put("figures", figures(d));
        String headline = headlineFigure(d);
        if (headline != null) {
            trend(d, row);
        }
        List<Map<String, ?>> cohort = beforeAfter(d);
        if (cohort != null) {
            row.put(
                    "cohortTitle",
                    d.id() + ": the cohort before and after allocation to a TYSS worker (Annex A says how)");
            row.put("cohort", cohort);
        }
        List<List<Map<String, ?>>> matched = counterfactual(d.id());
        if (!matched.isEmpty()) {
            // two subreports, each kept whole on a page: together they can be taller than one
            row.put("counterfactual", matched.get(0));
            // the covariates' balance is for evaluators: in the internal edition here, and in every edition's workbook
            // and HTML
            boolean balance = matched.size() > 1 && input.edition() == Edition.INTERNAL;
            row.put("counterfactualBalance", balance ? matched.get(1) : null);
            row.put("counterfactualReport", Templates.get("counterfactual.jrxml"));
        }
        // each system measure against the evaluator's baseline is in Y08's one table, not repeated here
        if (row.get("figures") == null && row.get("trend") == null) {
            row.put(
                    "note",
                    "No figures for this quarter: the data it needs (" + String.join(", ", d.sources())
                            + ") was not received.");
        }
    }

    /**
     * The measure's figures, its headline first and the rest in their natural order, grouped by
     * population (the whole authority, the TYSS cohort) where it has one. With rates the columns are
     * this quarter and a year ago each with its rate beside it; without, this quarter, last quarter,
     * a year ago and the 12 months. Breakdowns beyond a few cells are in the workbook.
     */
    private List<Map<String, ?>> figures(MeasureDefinition d) {
        String headline = headlineFigure(d);
        List<Figure> own = input.figures().stream()
                .filter(r -> r.measureId().equals(d.id()))
                .toList();
        Set<String> withTotal =
                own.stream().filter(r -> isTotal(r)).map(Figure::figure).collect(Collectors.toSet());
        Map<String, Set<String>> cellsOf = new HashMap<>();
        own.forEach(r -> cellsOf.computeIfAbsent(r.figure() + "\u0000" + r.breakdown(), k -> new HashSet<>())
                .add(r.breakdownValue()));
        boolean rates = own.stream().anyMatch(r -> isRate(r.figure()));
        // each figure's cells: totals, the populations, and small breakdowns of figures with no total
        Set<List<String>> cells =
                new TreeSet<>(Comparator.<List<String>>comparingInt(c -> populationRank(c.get(1), c.get(2)))
                        .thenComparing(c -> !c.get(0).equals(headline))
                        .thenComparingInt(c -> NaturalOrder.inList(d.figures(), Headline.label(c.get(0))))
                        .thenComparing(c -> c.get(0), NaturalOrder.FIGURES)
                        .thenComparing(c -> c.get(1))
                        .thenComparing(c -> c.get(2), NaturalOrder.CELLS));
        for (Figure r : own) {
            if (isRate(r.figure())) {
                continue;
            }
            boolean smallTable = !withTotal.contains(r.figure())
                    && !NOT_CELLS.contains(r.breakdown())
                    && cellsOf.get(r.figure() + "\u0000" + r.breakdown()).size() <= 4;
            if (isTotal(r) || smallTable) {
                cells.add(List.of(r.figure(), r.breakdown(), r.breakdownValue()));
            }
        }
        List<Period> periods = rates
                ? List.of(Period.of(q), Period.of(q.sameQuarterLastYear()))
                : List.of(
                        Period.of(q),
                        Period.of(q.previous()),
                        Period.of(q.sameQuarterLastYear()),
                        Period.rolling12Months(q));
        List<Map<String, ?>> rows = new ArrayList<>();
        rows.add(
                rates
                        ? head("Figure", "This quarter", "Rate", "A year ago", "Rate", "")
                        : head("Figure", "This quarter", "Last quarter", "A year ago", "12 months", ""));
        String group = null;
        for (List<String> c : cells) {
            List<String> values = new ArrayList<>();
            for (Period p : periods) {
                values.add(show(find(d.id(), c.get(0), c.get(1), c.get(2), p)));
                if (rates) {
                    values.add(rateOf(d.id(), c, p));
                }
            }
            if (values.stream().allMatch(v -> v.equals(NO_DATA) || v.isEmpty())) {
                continue;
            }
            boolean population = c.get(1).equals("population");
            if (population && !c.get(2).equals(group)) {
                group = c.get(2);
                String cellNow = group;
                Set<String> bases = new TreeSet<>(Comparator.comparing(String::length));
                cells.stream()
                        .filter(x -> x.get(1).equals("population") && x.get(2).equals(cellNow))
                        .map(x -> rateBase(d.id(), x))
                        .filter(Objects::nonNull)
                        .forEach(bases::add);
                rows.add(groupRow(group, bases));
            }
            String label = Headline.label(c.get(0))
                    + (c.get(1).equals(MeasureResult.ALL) || population ? "" : ", " + cellLabel(c.get(1), c.get(2)));
            rows.add(line(
                    population ? "  " + label : label, values.get(0), values.get(1), values.get(2), values.get(3), ""));
        }
        return rows.size() == 1 ? null : rows;
    }

    private static boolean isTotal(Figure r) {
        return r.breakdown().equals(MeasureResult.ALL) || r.breakdown().equals("population");
    }

    private static boolean isRate(String figure) {
        return figure.endsWith(Rates.PER_100) || figure.endsWith(Rates.PER_10000) || figure.endsWith(Rates.PER_100000);
    }

    /** Totals first, then the whole authority before the cohort within it, then the cells of small breakdowns. */
    private static int populationRank(String breakdown, String cell) {
        if (!breakdown.equals("population")) {
            return breakdown.equals(MeasureResult.ALL) ? 0 : 3;
        }
        return cell.equals("authority") ? 1 : 2;
    }

    /** A population's heading row inside the table, naming what the rates under it are per. */
    private Map<String, Object> groupRow(String population, Set<String> bases) {
        String label = cellLabel("population", population);
        String per = bases.isEmpty()
                ? ""
                : bases.stream().map(StatementSection::per).collect(Collectors.joining(" or ", " (rates per ", ")"));
        Map<String, Object> row =
                line(label.substring(0, 1).toUpperCase() + label.substring(1) + per, "", "", "", "", "");
        row.put("group", true);
        return row;
    }

    private static String per(String suffix) {
        return switch (suffix) {
            case Rates.PER_100 -> "100 young people in the cohort";
            case Rates.PER_10000 -> "10,000 aged 10-17";
            default -> "100,000 aged 10-17";
        };
    }

    /** The suffix of the rate published beside a count ({@code _per_100}...), or null where it has none. */
    private String rateBase(String id, List<String> cell) {
        for (String suffix : List.of(Rates.PER_100000, Rates.PER_10000, Rates.PER_100)) {
            String figure = cell.get(0) + suffix;
            if (input.figures().stream()
                    .anyMatch(f -> f.measureId().equals(id)
                            && f.figure().equals(figure)
                            && f.breakdown().equals(cell.get(1))
                            && f.breakdownValue().equals(cell.get(2)))) {
                return suffix;
            }
        }
        return null;
    }

    /** The rate beside a count, from its own published figure (so it is suppressed as that figure is), or blank where it has none. */
    private String rateOf(String id, List<String> cell, Period p) {
        String base = rateBase(id, cell);
        return base == null ? "" : show(find(id, cell.get(0) + base, cell.get(1), cell.get(2), p));
    }

    /**
     * The headline's last eight quarters beside the table: every other quarter labelled (the
     * report's own among them), its unit on the axis, the population in the title, and each gap named.
     */
    private void trend(MeasureDefinition d, Map<String, Object> row) {
        List<Quarter> quarters = ChartText.eightQuarters(q);
        List<Optional<Figure>> points = ChartText.points(input, d, quarters);
        if (points.stream()
                        .filter(p -> p.isPresent() && p.get().number() != null)
                        .count()
                < 2) {
            return;
        }
        List<Map<String, ?>> data = new ArrayList<>();
        for (int i = 0; i < quarters.size(); i++) {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("quarter", new Tick(quarters.get(i).toString(), (quarters.size() - 1 - i) % 2 == 0));
            point.put(
                    "value",
                    points.get(i)
                            .map(Figure::number)
                            .map(BigDecimal::doubleValue)
                            .orElse(null));
            data.add(point);
        }
        Figure any = points.stream().flatMap(Optional::stream).findFirst().orElseThrow();
        String population = any.breakdown().equals("population")
                ? (any.breakdownValue().equals("cohort") ? "TYSS cohort: " : "Whole authority: ")
                : "";
        row.put("trendTitle", population + Headline.label(d.headlineFigure()) + ", " + quarters.get(0) + " to " + q);
        // the axis is short: "people" fits where "young people" is cut
        row.put("trendUnit", any.unit() == MeasureResult.Unit.PEOPLE ? "people" : ChartText.unit(any.unit()));
        row.put("trend", data);
        row.put("trendAlt", ChartText.trend(input, d));
        row.put("trendNote", ChartText.gapRuns(quarters, points));
    }

    /** A quarter on a chart's axis; only every other one is labelled so that the labels fit. */
    public record Tick(String quarter, boolean labelled) implements Comparable<Tick> {
        @Override
        public int compareTo(Tick other) {
            return quarter.compareTo(other.quarter);
        }

        /** "Q2" over "26-27" (the chart's title gives the years in full). */
        @Override
        public String toString() {
            return labelled
                    ? quarter.substring(quarter.length() - 2) + "\n" + quarter.substring(2, quarter.length() - 3)
                    : "";
        }
    }

    /**
     * Events in the 6 and 12 months before allocation against the same span after, with the people
     * it rests on, the mean change per person with its paired 95% interval, and who was left out.
     */
    private List<Map<String, ?>> beforeAfter(MeasureDefinition d) {
        List<Map<String, ?>> rows = new ArrayList<>();
        rows.add(head(
                "Span either side of allocation (left out: a span the data does not cover, or not yet over)",
                "Young people",
                "Events before",
                "Events after",
                "Change",
                "Per person, \u00B1 95% interval"));
        Period now = Period.of(q);
        for (int months : List.of(6, 12)) {
            Optional<Figure> people = find(d.id(), "people_" + months + "m", "before_after", MeasureResult.ALL, now);
            Optional<Figure> before =
                    find(d.id(), "before_" + months + "m_events", "before_after", MeasureResult.ALL, now);
            Optional<Figure> after =
                    find(d.id(), "after_" + months + "m_events", "before_after", MeasureResult.ALL, now);
            if (people.isEmpty() || before.isEmpty() || after.isEmpty()) {
                continue;
            }
            List<String> leftOut = new ArrayList<>();
            find(d.id(), "left_out_" + months + "m_unobserved", "before_after", MeasureResult.ALL, now)
                    .ifPresent(f -> leftOut.add(show(Optional.of(f)) + " not observed"));
            find(d.id(), "left_out_" + months + "m_not_elapsed", "before_after", MeasureResult.ALL, now)
                    .ifPresent(f -> leftOut.add(show(Optional.of(f)) + " not yet over"));
            String label =
                    months + " months" + (leftOut.isEmpty() ? "" : " (left out: " + String.join("; ", leftOut) + ")");
            rows.add(line(
                    label,
                    show(people),
                    show(before),
                    show(after),
                    percent(find(d.id(), "change_" + months + "m_events_pct", "before_after", MeasureResult.ALL, now)),
                    perPerson(d, months, now)));
        }
        return rows.size() == 1 ? null : rows;
    }

    /**
     * The matched comparison's two tables for {@code counterfactual.jrxml}, each a caption, a header
     * row, its rows and an end (the end closes the tagged table); a balance the same as one printed
     * under an earlier measure (the same matching: the same young people over the same months) is
     * referred to rather than printed again.
     */
    private List<List<Map<String, ?>>> counterfactual(String id) {
        Optional<CounterfactualTables.Table> difference = CounterfactualTables.difference(input, id);
        if (difference.isEmpty()) {
            return List.of();
        }
        List<Map<String, ?>> first = new ArrayList<>();
        table(first, "d", difference.get());
        Optional<CounterfactualTables.Table> balance = CounterfactualTables.balance(input, id);
        if (balance.isEmpty()) {
            return List.of(first);
        }
        List<Map<String, ?>> second = new ArrayList<>();
        String same = balanceShown.putIfAbsent(CounterfactualTables.matching(difference.get(), balance.get()), id);
        if (same == null) {
            table(second, "b", balance.get());
        } else {
            second.add(
                    Map.of(
                            "kind",
                            "caption",
                            "c0",
                            id + " balance: the same matching as " + same + " (the same young people over the same "
                                    + "months), whose balance table gives each covariate's standardised difference before and after matching."));
        }
        return List.of(first, second);
    }

    private static void table(List<Map<String, ?>> rows, String kind, CounterfactualTables.Table t) {
        rows.add(Map.of("kind", "caption", "c0", t.caption() + "."));
        rows.add(cells(kind + "head", t.columns()));
        t.rows().forEach(r -> rows.add(cells(kind + "row", r)));
        rows.add(Map.of("kind", "end"));
    }

    private static Map<String, ?> cells(String kind, List<String> values) {
        Map<String, Object> row = new HashMap<>();
        row.put("kind", kind);
        for (int i = 0; i < values.size(); i++) {
            row.put("c" + i, values.get(i));
        }
        return row;
    }

    /** The mean change per young person (after less before) and its paired 95% interval, or the symbol that stands for them. */
    private String perPerson(MeasureDefinition d, int months, Period now) {
        Optional<Figure> mean =
                find(d.id(), "change_" + months + "m_per_person", "before_after", MeasureResult.ALL, now);
        Optional<Figure> low = find(d.id(), "change_" + months + "m_ci95_low", "before_after", MeasureResult.ALL, now);
        Optional<Figure> high =
                find(d.id(), "change_" + months + "m_ci95_high", "before_after", MeasureResult.ALL, now);
        if (mean.isEmpty() || low.isEmpty() || high.isEmpty()) {
            return NO_DATA;
        }
        if (mean.get().number() == null
                || low.get().number() == null
                || high.get().number() == null) {
            return mean.get().value().text();
        }
        // the paired t interval is symmetric about the mean
        return String.format(
                "%+.2f \u00B1 %.2f",
                mean.get().number(), high.get().number().subtract(mean.get().number()));
    }

    /** The change in events as a percentage of those before, to one place, or the symbol that stands for it. */
    private static String percent(Optional<Figure> change) {
        return change.map(f -> f.number() == null ? f.value().text() : String.format("%+.1f%%", f.number()))
                .orElse(NO_DATA);
    }

    /**
     * The comparison (Y08) of every system measure with the named baseline, in one table (no longer
     * repeated under each measure). A statistic resting on a suppressed count is shown as c.
     */
    private List<Map<String, ?>> baselineTable(String comparison) {
        if (input.provenance().baseline() == null) {
            return null;
        }
        List<Map<String, ?>> rows = new ArrayList<>();
        rows.add(head(
                "System measure", "Baseline (a quarter)", "This quarter", "Change", "95% interval", "Measured as"));
        for (MeasureDefinition d : input.logicModel().measures().values()) {
            if (!d.isSystem() || d.comparison()) {
                continue;
            }
            String figure = d.id() + "." + d.headline();
            Optional<Figure> ratio = stat(comparison, figure, "rate_ratio");
            Optional<Figure> points = stat(comparison, figure, "change_points");
            String label = d.id() + " " + Headline.label(d.headline());
            if (stat(comparison, figure, "current").isEmpty()) {
                continue;
            }
            if (stat(comparison, figure, "baseline_per_100").isPresent()) {
                rows.add(line(
                        label,
                        perHundred(stat(comparison, figure, "baseline_per_100")),
                        perHundred(stat(comparison, figure, "current_per_100")),
                        ratio.isPresent() ? "\u00D7 " + show(ratio) : NO_DATA,
                        interval(comparison, figure, ""),
                        "per head"));
            } else if (stat(comparison, figure, "baseline_per_quarter").isPresent()) {
                rows.add(line(
                        label,
                        show(stat(comparison, figure, "baseline_per_quarter")),
                        count(stat(comparison, figure, "current")),
                        ratio.isPresent() ? "\u00D7 " + show(ratio) : NO_DATA,
                        interval(comparison, figure, ""),
                        "rate ratio"));
            } else {
                rows.add(line(
                        label,
                        show(stat(comparison, figure, "baseline")),
                        show(stat(comparison, figure, "current")),
                        points.map(p -> p.number() == null ? p.value().text() : String.format("%+.1f pts", p.number()))
                                .orElse(NO_DATA),
                        interval(comparison, figure, " pts"),
                        "difference"));
            }
        }
        return rows.size() == 1 ? null : rows;
    }

    private static String perHundred(Optional<Figure> rate) {
        return rate.map(r -> r.number() == null ? r.value().text() : r.value().text() + "/100")
                .orElse(NO_DATA);
    }

    private String interval(String comparison, String figure, String unit) {
        Optional<Figure> low = stat(comparison, figure, "ci95_low");
        Optional<Figure> high = stat(comparison, figure, "ci95_high");
        if (low.isEmpty() || high.isEmpty()) {
            return NO_DATA;
        }
        if (low.get().isSuppressed() || high.get().isSuppressed()) {
            return Cell.Reason.SUPPRESSED.symbol;
        }
        if (low.get().number() == null || high.get().number() == null) {
            return NO_DATA;
        }
        return plain(low.get().number()) + " to " + plain(high.get().number()) + unit;
    }

    private static String plain(BigDecimal v) {
        return String.format("%.2f", v).replaceAll("(\\.\\d)0$", "$1");
    }

    private Optional<Figure> stat(String comparison, String figure, String statistic) {
        return find(comparison, figure, "statistic", statistic, Period.of(q));
    }

    private String headlineFigure(MeasureDefinition d) {
        return d.headlineFigure().isEmpty() ? null : d.headlineFigure();
    }

    private Optional<Figure> find(String id, String figure, String breakdown, String cell, Period p) {
        return input.find(id, figure, breakdown, cell, p);
    }

    /** A count carried by a statistic row (unit rate), shown as the whole number it is. */
    private String count(Optional<Figure> r) {
        return r.map(x -> x.number() == null
                        ? x.value().text()
                        : new Cell.Number(x.number(), MeasureResult.Unit.EVENTS).text())
                .orElse(NO_DATA);
    }

    private String show(Optional<Figure> r) {
        return Headline.show(r);
    }

    private static String cellLabel(String breakdown, String cell) {
        if (breakdown.equals("population")) {
            return cell.equals("cohort") ? "TYSS cohort" : cell.equals("authority") ? "whole authority" : cell;
        }
        return cell.replace('_', ' ');
    }

    private static Map<String, ?> head(String label, String v1, String v2, String v3, String v4, String v5) {
        Map<String, Object> row = line(label, v1, v2, v3, v4, v5);
        row.put("head", true);
        return row;
    }

    private static Map<String, Object> line(String label, String v1, String v2, String v3, String v4, String v5) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("head", false);
        row.put("label", label);
        row.put("v1", v1);
        row.put("v2", v2);
        row.put("v3", v3);
        row.put("v4", v4);
        row.put("v5", v5);
        return row;
    }
}
