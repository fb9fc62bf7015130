package tyss.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import tyss.disclose.Cell;
import tyss.disclose.Figure;
import tyss.disclose.ReportModel;
import tyss.measure.LogicModel.MeasureDefinition;
import tyss.measure.MeasureResult;
import tyss.period.Period;
import tyss.period.Quarter;

/**
 * A chart's text alternative, the same in the PDF (its figure's alternative text) and the HTML
 * edition: what it shows, for whom, over which quarters, its first, last, highest and lowest
 * figures, and its gaps (a withheld or missing quarter is a gap, never a zero).
 */
final class ChartText {

    private ChartText() {}

    /** The last eight quarters to the report's, oldest first. */
    static List<Quarter> eightQuarters(Quarter q) {
        Quarter first = q;
        for (int i = 0; i < 7; i++) {
            first = first.previous();
        }
        List<Quarter> quarters = new ArrayList<>();
        for (Quarter each = first; each.compareTo(q) <= 0; each = each.next()) {
            quarters.add(each);
        }
        return quarters;
    }

    static List<Optional<Figure>> points(ReportModel input, MeasureDefinition d, List<Quarter> quarters) {
        return quarters.stream()
                .map(each -> input.headline(d.id(), d.headlineFigure(), Period.of(each)))
                .toList();
    }

    /** What the trend of a measure's headline shows, e.g. "TYSS cohort, S01 referrals (number), 2024-25 Q3 to 2026-27 Q2". */
    static String trendTitle(MeasureDefinition d, List<Quarter> quarters, List<Optional<Figure>> points) {
        Figure any = points.stream().flatMap(Optional::stream).findFirst().orElse(null);
        String population = any != null && any.breakdown().equals("population") ? "TYSS cohort, " : "";
        return population + d.id() + " " + Headline.label(d.headlineFigure())
                + (any == null ? "" : " (" + unit(any.unit()) + ")") + ", " + quarters.get(0) + " to "
                + quarters.get(quarters.size() - 1);
    }

    /** The whole text alternative of a measure's trend chart. */
    static String trend(ReportModel input, MeasureDefinition d) {
        List<Quarter> quarters = eightQuarters(input.quarter());
        List<Optional<Figure>> points = points(input, d, quarters);
        return "Line chart of " + trendTitle(d, quarters, points) + ". " + summary(quarters, points)
                + gaps(quarters, points);
    }

    /** The quarters with no figure, each with its symbol and why, or "" when there are none. */
    static String gaps(List<Quarter> quarters, List<Optional<Figure>> points) {
        List<String> gaps = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i).isEmpty() || points.get(i).get().number() == null) {
                gaps.add(quarters.get(i) + " " + text(points.get(i)) + " (" + reason(points.get(i)) + ")");
            }
        }
        return gaps.isEmpty() ? "" : " Gaps in the line, not zeros: " + String.join("; ", gaps) + ".";
    }

    /**
     * The gaps under a chart, runs of quarters with the same symbol joined: "Not drawn: 2025-26 Q1 to
     * 2026-27 Q2 c (suppressed)". Null when every quarter is drawn.
     */
    static String gapRuns(List<Quarter> quarters, List<Optional<Figure>> points) {
        List<String> runs = new ArrayList<>();
        int i = 0;
        while (i < points.size()) {
            if (points.get(i).isPresent() && points.get(i).get().number() != null) {
                i++;
                continue;
            }
            String why = text(points.get(i)) + " (" + reason(points.get(i)) + ")";
            int j = i;
            while (j + 1 < points.size()
                    && (points.get(j + 1).isEmpty() || points.get(j + 1).get().number() == null)
                    && (text(points.get(j + 1)) + " (" + reason(points.get(j + 1)) + ")").equals(why)) {
                j++;
            }
            runs.add(quarters.get(i) + (j > i ? " to " + quarters.get(j) : "") + " " + why);
            i = j + 1;
        }
        return runs.isEmpty() ? null : "Not drawn: " + String.join("; ", runs) + ".";
    }

    /** First and last figure shown, the highest and the lowest. */
    static String summary(List<Quarter> quarters, List<Optional<Figure>> points) {
        int lo = -1;
        int hi = -1;
        int first = -1;
        int last = -1;
        for (int i = 0; i < points.size(); i++) {
            BigDecimal v = points.get(i).map(Figure::number).orElse(null);
            if (v == null) {
                continue;
            }
            first = first < 0 ? i : first;
            last = i;
            lo = lo < 0 || v.compareTo(points.get(lo).get().number()) < 0 ? i : lo;
            hi = hi < 0 || v.compareTo(points.get(hi).get().number()) > 0 ? i : hi;
        }
        if (first < 0) {
            return "No quarter has a figure.";
        }
        return "From " + text(points.get(first)) + " in " + quarters.get(first) + " to " + text(points.get(last))
                + " in " + quarters.get(last) + "; highest " + text(points.get(hi)) + " in " + quarters.get(hi)
                + ", lowest " + text(points.get(lo)) + " in " + quarters.get(lo) + ".";
    }

    /** A bar chart's text alternative: its title and each bar with its figure, in the order drawn. */
    static String bars(String title, List<String> labels, List<String> values, String note) {
        List<String> bars = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            bars.add(labels.get(i) + " " + values.get(i));
        }
        return "Bar chart of " + title + ": " + String.join("; ", bars) + "." + (note == null ? "" : " " + note);
    }

    static String text(Optional<Figure> f) {
        return f.map(x -> x.value().text()).orElse(Headline.NO_DATA);
    }

    static String reason(Optional<Figure> f) {
        if (f.isEmpty()) {
            return "no data";
        }
        return f.get().value() instanceof Cell.Symbol s
                ? switch (s.reason()) {
                    case SUPPRESSED -> "suppressed";
                    case NOT_RECEIVED -> "data not received";
                    case NOT_APPLICABLE -> "not applicable";
                    case NO_DATA -> "no data";
                }
                : "shown";
    }

    static String unit(MeasureResult.Unit unit) {
        return switch (unit) {
            case PEOPLE -> "young people";
            case EVENTS -> "number";
            case PERCENT -> "per cent";
            case RATE -> "rate";
            case DAYS -> "days";
            default -> unit.name().toLowerCase(Locale.ROOT);
        };
    }
}
