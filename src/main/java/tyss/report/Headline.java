package tyss.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import tyss.measure.LogicModel.Direction;
import tyss.measure.LogicModel.MeasureDefinition;
import tyss.measure.MeasureResult;
import tyss.measure.Period;
import tyss.measure.Quarter;

/**
 * One row of the dashboard: a measure's headline figure this quarter, last quarter and a year ago,
 * the direction of travel and RAG against target. Everything is text, formatted once, here.
 */
public record Headline(String statement, String measureId, String measureName, String figure, String current, String previous,
                       String lastYear, String direction, String rag) {

    static final String NO_DATA = "\u2013";

    static Headline of(String statement, MeasureDefinition d, List<MeasureResult> results, Quarter q, Set<MeasureResult> hidden) {
        String figure = d.headlineFigure();
        Optional<MeasureResult> now = find(results, d.id(), figure, Period.of(q).label());
        Optional<MeasureResult> before = find(results, d.id(), figure, Period.of(q.previous()).label());
        Optional<MeasureResult> yearAgo = find(results, d.id(), figure, Period.of(q.sameQuarterLastYear()).label());
        return new Headline(statement, d.id(), d.name(), label(figure), now.map(r -> show(r, hidden)).orElse(NO_DATA),
                before.map(r -> show(r, hidden)).orElse(NO_DATA), yearAgo.map(r -> show(r, hidden)).orElse(NO_DATA),
                direction(d.direction(), now, yearAgo, hidden), rag(d, now, hidden));
    }

    /** The headline cell: the total, or for measures reported by population, the cohort. */
    static Optional<MeasureResult> find(List<MeasureResult> results, String id, String figure, String period) {
        return results.stream().filter(r -> r.measureId().equals(id) && r.figure().equals(figure) && r.period().label().equals(period))
                .filter(r -> r.breakdown().equals(MeasureResult.ALL) || r.breakdown().equals("population") && r.breakdownValue().equals("cohort"))
                .findFirst();
    }

    static String day(java.time.LocalDate date) {
        return date.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK));
    }

    static String show(MeasureResult r, Set<MeasureResult> hidden) {
        if (hidden.contains(r)) {
            return tyss.disclose.SmallNumberSuppression.SYMBOL;
        }
        return format(r.value(), r.unit());
    }

    static String format(BigDecimal value, MeasureResult.Unit unit) {
        if (value == null) {
            return NO_DATA;
        }
        return switch (unit) {
            case PERCENT -> String.format("%,.1f%%", value);
            case RATE, MEAN, DAYS, HOURS -> String.format("%,.1f", value);
            default -> String.format("%,d", value.setScale(0, RoundingMode.HALF_UP).longValue());
        };
    }

    /** In words and a symbol, never colour alone: better, worse or no change, on the same quarter last year. */
    private static String direction(Direction good, Optional<MeasureResult> now, Optional<MeasureResult> then, Set<MeasureResult> hidden) {
        if (now.isEmpty() || then.isEmpty() || now.get().value() == null || then.get().value() == null
                || hidden.contains(now.get()) || hidden.contains(then.get())) {
            return NO_DATA;
        }
        int cmp = now.get().value().compareTo(then.get().value());
        String arrow = cmp > 0 ? "\u25B2 up" : cmp < 0 ? "\u25BC down" : "\u25B6 same";
        if (good == Direction.NONE || cmp == 0) {
            return arrow;
        }
        boolean better = good == Direction.UP ? cmp > 0 : cmp < 0;
        return arrow + (better ? " (better)" : " (worse)");
    }

    /** Against target, where the logic model gives one: on target, near it (within 10%), or off it. */
    private static String rag(MeasureDefinition d, Optional<MeasureResult> now, Set<MeasureResult> hidden) {
        if (d.target().isEmpty() || d.direction() == Direction.NONE || now.isEmpty() || now.get().value() == null || hidden.contains(now.get())) {
            return "";
        }
        double value = now.get().value().doubleValue();
        double target = d.target().get();
        boolean met = d.direction() == Direction.UP ? value >= target : value <= target;
        boolean near = Math.abs(value - target) <= Math.abs(target) * 0.1;
        return met ? "\u25CF on target" : near ? "\u25D0 near target" : "\u25CB off target";
    }

    static String label(String figure) {
        return figure.replace('_', ' ').replace("pct ", "% ");
    }
}
