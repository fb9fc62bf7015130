package tyss.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

import tyss.disclose.Cell;
import tyss.disclose.Figure;
import tyss.disclose.ReportModel;
import tyss.measure.LogicModel;
import tyss.measure.LogicModel.MeasureDefinition;
import tyss.measure.MeasureResult;
import tyss.measure.Period;
import tyss.measure.Quarter;
import tyss.measure.cohort.MatchedComparison;

/**
 * The detail of each impact statement, as rows for {@code statement-section.jrxml}: one row per
 * measure of the statement, with its figures over the report's periods, its eight-quarter trend,
 * its headline by the most telling breakdown, the cohort before and after allocation, and the
 * figure against the evaluator's baseline. A measure that evidences several statements is shown
 * in full under the first and referred to under the others.
 */
final class StatementSection {

    /** Breakdowns drawn as bars, in order of preference: the ones commissioners ask about first. */
    private static final List<String> BAR_PREFERENCE = List.of("source", "tier", "locality", "strand", "type", "line", "category");
    /** Breakdowns that are not cells of a bar chart: totals, the cohort/authority split and the cohort statistics. */
    private static final Set<String> NOT_BARS = Set.of(MeasureResult.ALL, "population", "before_after", MatchedComparison.BREAKDOWN, "statistic");
    private static final int MAX_BARS = 10;
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
            for (ReportModel.MeasurePart m : part.measures()) {
                MeasureDefinition d = m.definition();
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("statementNumber", s.number());
                row.put("statement", s.number() + ". " + s.title());
                row.put("impact", s.impact());
                row.put("outcomes", s.outcomes().stream().map(o -> "\u2022 " + o).collect(Collectors.joining("\n")));
                row.put("measureId", d.id());
                row.put("measureName", d.name());
                row.put("kind", d.isSystem() ? "System measure" : "Service-level measure");
                Integer earlier = shownUnder.putIfAbsent(d.id(), s.number());
                if (earlier != null) {
                    row.put("seeAlso", "Also evidences this statement: shown in full under impact statement " + earlier + ".");
                } else {
                    measure(d, row);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private void measure(MeasureDefinition d, Map<String, Object> row) {
        row.put("definition", d.definition() + (d.provisional() == null ? "" : " Provisional for the latest quarter (p): " + d.provisional() + "."));
        if (d.id().equals("Y08")) {
            row.put("figures", baselineTable(null));
            if (row.get("figures") == null) {
                row.put("seeAlso", "No baseline was named for this run, so there is nothing to compare. An evaluator names one with "
                        + "--baseline (a financial year such as 2024-25, or a quarter).");
            }
            return;
        }
        row.put("figures", figures(d));
        String headline = headlineFigure(d);
        JRMapCollectionDataSource trend = headline == null ? null : PdfReport.trend(input, d);
        if (trend != null) {
            row.put("trendTitle", Headline.label(headline) + ", last eight quarters");
            row.put("trend", trend);
            row.put("trendAlt", ChartText.trend(input, d));
        }
        bars(d, headline, row);
        JRMapCollectionDataSource cohort = beforeAfter(d);
        if (cohort != null) {
            row.put("cohortTitle", "The cohort before and after allocation to a TYSS worker: each young person's events in the months before "
                    + "against the same span after, for those whose span after has fully elapsed by " + Headline.day(q.end())
                    + " and whose two spans lie wholly inside the months this measure's data was received for (months nobody observed are "
                    + "never counted as no events).");
            row.put("cohort", cohort);
        }
        List<List<Map<String, ?>>> matched = counterfactual(d.id());
        if (!matched.isEmpty()) {
            // two subreports, each kept whole on a page: together they can be taller than one
            row.put("counterfactual", new JRMapCollectionDataSource(matched.get(0)));
            row.put("counterfactualBalance", matched.size() > 1 ? new JRMapCollectionDataSource(matched.get(1)) : null);
            row.put("counterfactualReport", Templates.get("counterfactual.jrxml"));
        }
        JRMapCollectionDataSource baseline = baselineTable(d);
        if (baseline != null) {
            row.put("baselineTitle", "Against the evaluator's " + input.provenance().baseline() + " (Annex A, Y08, gives the method).");
            row.put("baseline", baseline);
        }
        if (row.get("figures") == null && trend == null && row.get("bars") == null) {
            row.put("seeAlso", "No figures for this quarter: the data it needs (" + String.join(", ", d.sources()) + ") was not received.");
        }
    }

    /** The measure's totals (and its cohort and whole-authority figures) over the report's periods. */
    private JRMapCollectionDataSource figures(MeasureDefinition d) {
        List<Period> periods = List.of(Period.of(q), Period.of(q.previous()), Period.of(q.sameQuarterLastYear()), Period.yearToDate(q),
                Period.rolling12Months(q));
        List<Map<String, ?>> rows = new ArrayList<>();
        rows.add(head("Figure", "This quarter", "Last quarter", "A year ago", "Year to date", "12 months"));
        String headline = headlineFigure(d);
        Set<List<String>> cells = new LinkedHashSet<>();
        List<Figure> own = input.figures().stream().filter(r -> r.measureId().equals(d.id()))
                .sorted(Comparator.comparing((Figure r) -> !r.figure().equals(headline))).toList();
        Set<String> withTotal = own.stream().filter(r -> r.breakdown().equals(MeasureResult.ALL) || r.breakdown().equals("population"))
                .map(Figure::figure).collect(Collectors.toSet());
        for (Figure r : own) {
            boolean total = r.breakdown().equals(MeasureResult.ALL) || r.breakdown().equals("population");
            boolean smallTable = !withTotal.contains(r.figure()) && !NOT_BARS.contains(r.breakdown()) && cellsOf(r).size() <= 4;
            if (total || smallTable) {
                cells.add(List.of(r.figure(), r.breakdown(), r.breakdownValue()));
            }
        }
        for (List<String> c : cells) {
            List<String> values = periods.stream().map(p -> show(find(d.id(), c.get(0), c.get(1), c.get(2), p))).toList();
            if (values.stream().allMatch(NO_DATA::equals)) {
                continue;
            }
            String label = Headline.label(c.get(0)) + (c.get(1).equals(MeasureResult.ALL) ? "" : ", " + cellLabel(c.get(1), c.get(2)));
            rows.add(line(label, values.get(0), values.get(1), values.get(2), values.get(3), values.get(4)));
        }
        return rows.size() == 1 ? null : new JRMapCollectionDataSource(rows);
    }

    private Set<String> cellsOf(Figure r) {
        return input.figures().stream().filter(x -> x.measureId().equals(r.measureId()) && x.figure().equals(r.figure())
                && x.breakdown().equals(r.breakdown())).map(Figure::breakdownValue).collect(Collectors.toSet());
    }

    /** The headline (or, failing that, the first figure with one) by its most telling breakdown, this quarter; suppressed cells are not drawn. */
    private void bars(MeasureDefinition d, String headline, Map<String, Object> row) {
        Period now = Period.of(q);
        List<Figure> candidates = input.figures().stream()
                .filter(r -> r.measureId().equals(d.id()) && r.period().label().equals(now.label()) && !NOT_BARS.contains(r.breakdown()))
                .toList();
        Optional<Figure> pick = candidates.stream().min(Comparator
                .comparing((Figure r) -> !r.figure().equals(headline))
                .thenComparing(r -> BAR_PREFERENCE.contains(r.breakdown()) ? BAR_PREFERENCE.indexOf(r.breakdown()) : BAR_PREFERENCE.size())
                .thenComparing(Figure::figure).thenComparing(Figure::breakdown));
        if (pick.isEmpty()) {
            return;
        }
        String figure = pick.get().figure();
        String breakdown = pick.get().breakdown();
        List<Figure> cells = candidates.stream().filter(r -> r.figure().equals(figure) && r.breakdown().equals(breakdown)).toList();
        long suppressed = cells.stream().filter(Figure::isSuppressed).count();
        List<Figure> drawn = cells.stream().filter(r -> r.number() != null)
                .sorted(Comparator.comparing(Figure::number).reversed().thenComparing(Figure::breakdownValue)).toList();
        if (drawn.size() < 2) {
            return;
        }
        List<Map<String, ?>> points = new ArrayList<>();
        for (Figure r : drawn.subList(0, Math.min(MAX_BARS, drawn.size()))) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("category", cellLabel(breakdown, r.breakdownValue()));
            p.put("value", r.number().doubleValue());
            points.add(p);
        }
        // a figure reported for the authority and the cohort is broken down for the cohort only
        boolean cohortOnly = input.figures().stream().anyMatch(r -> r.measureId().equals(d.id()) && r.figure().equals(figure) && r.breakdown().equals("population"));
        boolean authority = breakdown.startsWith("authority_");
        row.put("barsTitle", (authority ? "Whole authority, " : cohortOnly ? "TYSS cohort, " : "") + Headline.label(figure) + " by "
                + breakdown.replaceFirst("^authority_", "").replace('_', ' ') + ", " + q);
        row.put("bars", new JRMapCollectionDataSource(points));
        List<String> notes = new ArrayList<>();
        if (suppressed > 0) {
            notes.add(suppressed + (suppressed == 1 ? " cell" : " cells") + " suppressed (c), not drawn");
        }
        if (drawn.size() > MAX_BARS) {
            notes.add("the " + MAX_BARS + " largest of " + drawn.size() + " shown");
        }
        row.put("barsNote", notes.isEmpty() ? null : String.join("; ", notes) + ". All cells are in the workbook.");
        List<Figure> shown = drawn.subList(0, Math.min(MAX_BARS, drawn.size()));
        row.put("barsAlt", ChartText.bars((String) row.get("barsTitle"), shown.stream().map(r -> cellLabel(breakdown, r.breakdownValue())).toList(),
                shown.stream().map(r -> r.value().text()).toList(), (String) row.get("barsNote")));
    }

    /**
     * Events in the 6 and 12 months before allocation against the same span after, with the people
     * it rests on, the mean change per person with its paired 95% interval, and who was left out.
     */
    private JRMapCollectionDataSource beforeAfter(MeasureDefinition d) {
        List<Map<String, ?>> rows = new ArrayList<>();
        rows.add(head("Span either side of allocation", "Young people", "Events before", "Events after", "Change", "Per person, \u00B1 95% interval"));
        Period now = Period.of(q);
        List<Map<String, ?>> leftOut = new ArrayList<>();
        for (int months : List.of(6, 12)) {
            Optional<Figure> people = find(d.id(), "people_" + months + "m", "before_after", MeasureResult.ALL, now);
            Optional<Figure> before = find(d.id(), "before_" + months + "m_events", "before_after", MeasureResult.ALL, now);
            Optional<Figure> after = find(d.id(), "after_" + months + "m_events", "before_after", MeasureResult.ALL, now);
            if (people.isEmpty() || before.isEmpty() || after.isEmpty()) {
                continue;
            }
            rows.add(line(months + " months", show(people), show(before), show(after),
                    percent(find(d.id(), "change_" + months + "m_events_pct", "before_after", MeasureResult.ALL, now)), perPerson(d, months, now)));
            Optional<Figure> unobserved = find(d.id(), "left_out_" + months + "m_unobserved", "before_after", MeasureResult.ALL, now);
            Optional<Figure> notElapsed = find(d.id(), "left_out_" + months + "m_not_elapsed", "before_after", MeasureResult.ALL, now);
            if (unobserved.isPresent()) {
                leftOut.add(line("  left out (" + months + " months): a span outside the data received", show(unobserved), "", "", "", ""));
            }
            if (notElapsed.isPresent()) {
                leftOut.add(line("  left out (" + months + " months): span after not yet over", show(notElapsed), "", "", "", ""));
            }
        }
        rows.addAll(leftOut);
        return rows.size() == 1 ? null : new JRMapCollectionDataSource(rows);
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
            second.add(Map.of("kind", "caption", "c0", id + " balance: the same matching as " + same + " (the same young people over the same "
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
        Optional<Figure> mean = find(d.id(), "change_" + months + "m_per_person", "before_after", MeasureResult.ALL, now);
        Optional<Figure> low = find(d.id(), "change_" + months + "m_ci95_low", "before_after", MeasureResult.ALL, now);
        Optional<Figure> high = find(d.id(), "change_" + months + "m_ci95_high", "before_after", MeasureResult.ALL, now);
        if (mean.isEmpty() || low.isEmpty() || high.isEmpty()) {
            return NO_DATA;
        }
        if (mean.get().number() == null || low.get().number() == null || high.get().number() == null) {
            return mean.get().value().text();
        }
        // the paired t interval is symmetric about the mean
        return String.format("%+.2f \u00B1 %.2f", mean.get().number(), high.get().number().subtract(mean.get().number()));
    }

    /** The change in events as a percentage of those before, to one place, or the symbol that stands for it. */
    private static String percent(Optional<Figure> change) {
        return change.map(f -> f.number() == null ? f.value().text() : String.format("%+.1f%%", f.number())).orElse(NO_DATA);
    }

    /**
     * The Y08 comparison of system measures with the named baseline: one measure's row (or every
     * system measure's, for Y08 itself). A statistic resting on a suppressed count is shown as c.
     */
    private JRMapCollectionDataSource baselineTable(MeasureDefinition only) {
        if (input.provenance().baseline() == null) {
            return null;
        }
        List<Map<String, ?>> rows = new ArrayList<>();
        rows.add(head(only == null ? "System measure" : "Figure", "Baseline (a quarter)", "This quarter", "Change", "95% interval", "Measured as"));
        for (MeasureDefinition d : input.logicModel().measures().values()) {
            if (!d.isSystem() || only != null && !only.id().equals(d.id())) {
                continue;
            }
            String figure = d.id() + "." + d.headline();
            Optional<Figure> ratio = stat(figure, "rate_ratio");
            Optional<Figure> points = stat(figure, "change_points");
            String label = only == null ? d.id() + " " + Headline.label(d.headline()) : Headline.label(d.headline());
            if (stat(figure, "current").isEmpty()) {
                continue;
            }
            if (stat(figure, "baseline_per_100").isPresent()) {
                rows.add(line(label, perHundred(stat(figure, "baseline_per_100")), perHundred(stat(figure, "current_per_100")),
                        ratio.isPresent() ? "\u00D7 " + show(ratio) : NO_DATA, interval(figure, ""), "per head"));
            } else if (stat(figure, "baseline_per_quarter").isPresent()) {
                rows.add(line(label, show(stat(figure, "baseline_per_quarter")), count(stat(figure, "current")),
                        ratio.isPresent() ? "\u00D7 " + show(ratio) : NO_DATA, interval(figure, ""), "rate ratio"));
            } else {
                rows.add(line(label, show(stat(figure, "baseline")), show(stat(figure, "current")),
                        points.map(p -> p.number() == null ? p.value().text() : String.format("%+.1f pts", p.number())).orElse(NO_DATA),
                        interval(figure, " pts"), "difference"));
            }
        }
        return rows.size() == 1 ? null : new JRMapCollectionDataSource(rows);
    }

    private static String perHundred(Optional<Figure> rate) {
        return rate.map(r -> r.number() == null ? r.value().text() : r.value().text() + "/100").orElse(NO_DATA);
    }

    private String interval(String figure, String unit) {
        Optional<Figure> low = stat(figure, "ci95_low");
        Optional<Figure> high = stat(figure, "ci95_high");
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

    private Optional<Figure> stat(String figure, String statistic) {
        return find("Y08", figure, "statistic", statistic, Period.of(q));
    }

    private String headlineFigure(MeasureDefinition d) {
        return d.headlineFigure().isEmpty() ? null : d.headlineFigure();
    }

    private Optional<Figure> find(String id, String figure, String breakdown, String cell, Period p) {
        return input.find(id, figure, breakdown, cell, p);
    }

    /** A count carried by a statistic row (unit rate), shown as the whole number it is. */
    private String count(Optional<Figure> r) {
        return r.map(x -> x.number() == null ? x.value().text() : new Cell.Number(x.number(), MeasureResult.Unit.EVENTS).text()).orElse(NO_DATA);
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
