package tyss.report;

import java.util.Optional;

import tyss.disclose.Cell;
import tyss.disclose.Figure;
import tyss.disclose.ReportModel;
import tyss.measure.LogicModel.Direction;
import tyss.measure.LogicModel.MeasureDefinition;
import tyss.measure.Period;
import tyss.measure.Quarter;

/**
 * One row of the dashboard: a measure's headline figure this quarter, last quarter and a year ago,
 * the direction of travel and RAG against target. Everything is text, formatted once, here.
 */
public record Headline(String statement, String measureId, String measureName, String figure, String current, String previous,
                       String lastYear, String direction, String rag) {

    static final String NO_DATA = Cell.Reason.NO_DATA.symbol;

    static Headline of(String statement, MeasureDefinition d, ReportModel model) {
        String figure = d.headlineFigure();
        Quarter q = model.quarter();
        Optional<Figure> now = model.headline(d.id(), figure, Period.of(q));
        Optional<Figure> before = model.headline(d.id(), figure, Period.of(q.previous()));
        Optional<Figure> yearAgo = model.headline(d.id(), figure, Period.of(q.sameQuarterLastYear()));
        return new Headline(statement, d.id(), d.name(), label(figure), show(now), show(before), show(yearAgo),
                direction(d.direction(), now, yearAgo), rag(d, now));
    }

    static String day(java.time.LocalDate date) {
        return date.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK));
    }

    static String show(Optional<Figure> f) {
        return f.map(x -> x.value().text()).orElse(NO_DATA);
    }

    /** In words and a symbol, never colour alone: better, worse or no change, on the same quarter last year. */
    private static String direction(Direction good, Optional<Figure> now, Optional<Figure> then) {
        if (now.isEmpty() || then.isEmpty() || now.get().number() == null || then.get().number() == null) {
            return NO_DATA;
        }
        int cmp = now.get().number().compareTo(then.get().number());
        String arrow = cmp > 0 ? "\u25B2 up" : cmp < 0 ? "\u25BC down" : "\u25B6 same";
        if (good == Direction.NONE || cmp == 0) {
            return arrow;
        }
        boolean better = good == Direction.UP ? cmp > 0 : cmp < 0;
        return arrow + (better ? " (better)" : " (worse)");
    }

    /** Against target, where the logic model gives one: on target, near it (within 10%), or off it. */
    private static String rag(MeasureDefinition d, Optional<Figure> now) {
        if (d.target().isEmpty() || d.direction() == Direction.NONE || now.isEmpty() || now.get().number() == null) {
            return "";
        }
        double value = now.get().number().doubleValue();
        double target = d.target().get();
        boolean met = d.direction() == Direction.UP ? value >= target : value <= target;
        boolean near = Math.abs(value - target) <= Math.abs(target) * 0.1;
        return met ? "\u25CF on target" : near ? "\u25D0 near target" : "\u25CB off target";
    }

    static String label(String figure) {
        return figure.replace('_', ' ').replace("pct ", "% ");
    }
}
