package tyss.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import tyss.disclose.Cell;
import tyss.disclose.Figure;
import tyss.disclose.ReportModel;
import tyss.measure.Change;
import tyss.measure.LogicModel.Direction;
import tyss.measure.LogicModel.MeasureDefinition;
import tyss.measure.MeasureResult;
import tyss.measure.Rates;
import tyss.period.Period;
import tyss.period.Quarter;

/**
 * One row of the dashboard: a measure's headline figure this quarter, last quarter and a year ago,
 * the direction of travel and RAG against target. Everything is text, formatted once, here.
 */
public record Headline(
        String statement,
        String measureId,
        String measureName,
        String figure,
        String current,
        String previous,
        String lastYear,
        String direction,
        String rag,
        Rag status) {

    /** Against target: in words and a symbol, and a colour (GOV.UK's green, a dark amber, and red, each 4.5:1 or more on white). */
    enum Rag {
        ON("\u25CF on target", "#00703C"),
        NEAR("\u25D0 near target", "#8A4B00"),
        OFF("\u25CB off target", "#B10E1E"),
        NONE("", "#000000");

        final String words;
        final String colour;

        Rag(String words, String colour) {
            this.words = words;
            this.colour = colour;
        }
    }

    static final String NO_DATA = Cell.Reason.NO_DATA.symbol;

    static Headline of(String statement, MeasureDefinition d, ReportModel model) {
        String figure = d.headlineFigure();
        Quarter q = model.quarter();
        Optional<Figure> now = model.headline(d.id(), figure, Period.of(q));
        Optional<Figure> before = model.headline(d.id(), figure, Period.of(q.previous()));
        Optional<Figure> yearAgo = model.headline(d.id(), figure, Period.of(q.sameQuarterLastYear()));
        Optional<Double> target = model.target(d);
        Rag status = status(d, now, target);
        String current = withRate(now, model)
                + (d.provisional() == null || now.isEmpty() || now.get().number() == null ? "" : " p");
        return new Headline(
                statement,
                d.id(),
                d.name(),
                label(figure),
                current,
                withRate(before, model),
                withRate(yearAgo, model),
                direction(d.direction(), now, yearAgo, model),
                rag(status, now, target),
                status);
    }

    /**
     * The young people in the cohort as it stood at the end of the figure's period (S01), when the
     * figure is a count for the cohort and that size is shown: what a rate per head rests on.
     */
    static Optional<BigDecimal> cohortSize(Optional<Figure> f, ReportModel model) {
        if (f.isEmpty()
                || !f.get().unit().isCount()
                || !f.get().breakdown().equals("population")
                || f.get().number() == null) {
            return Optional.empty();
        }
        return model.headline("S01", "cohort_size", f.get().period())
                .map(Figure::number)
                .filter(n -> n.signum() > 0);
    }

    static String day(LocalDate date) {
        return date.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));
    }

    static String show(Optional<Figure> f) {
        return f.map(x -> x.value().text()).orElse(NO_DATA);
    }

    /** A count for the cohort with its rate per 100 young people in the cohort as it stood beside it (when published). */
    static String withRate(Optional<Figure> f, ReportModel model) {
        Optional<Figure> rate = f.filter(x -> x.breakdown().equals("population"))
                .flatMap(x -> model.find(
                        x.measureId(), x.figure() + Rates.PER_100, x.breakdown(), x.breakdownValue(), x.period()))
                .filter(x -> x.number() != null);
        return show(f) + rate.map(r -> "\n" + r.value().text() + "/100").orElse("");
    }

    /**
     * In words and a symbol, never colour alone: on the same quarter last year, up or down only when
     * the 95% interval of the change excludes no change (Change), else "no clear change". A count
     * for the cohort is compared per young person in the cohort as it stood, since the cohort grows.
     */
    private static String direction(Direction good, Optional<Figure> now, Optional<Figure> then, ReportModel model) {
        if (now.isEmpty()
                || then.isEmpty()
                || now.get().number() == null
                || then.get().number() == null) {
            return NO_DATA;
        }
        Figure a = now.get();
        Figure b = then.get();
        Change.Call call;
        if (a.unit().isCount()) {
            Optional<BigDecimal> na = cohortSize(now, model);
            Optional<BigDecimal> nb = cohortSize(then, model);
            boolean perHead = na.isPresent() && nb.isPresent();
            call = Change.counts(
                    a.number().doubleValue(),
                    perHead ? na.get().doubleValue() : 1,
                    b.number().doubleValue(),
                    perHead ? nb.get().doubleValue() : 1);
        } else if (a.unit() == MeasureResult.Unit.PERCENT
                && a.numerator().number() != null
                && a.denominator().number() != null
                && b.numerator().number() != null
                && b.denominator().number() != null
                && a.denominator().number().signum() > 0
                && b.denominator().number().signum() > 0) {
            call = Change.shareDifference(
                            a.numerator().number().doubleValue(),
                            a.denominator().number().doubleValue(),
                            b.numerator().number().doubleValue(),
                            b.denominator().number().doubleValue())
                    .call(0);
        } else {
            return "not tested";
        }
        if (call == Change.Call.NO_CLEAR_CHANGE) {
            return "\u25B6 no clear change";
        }
        String arrow = call == Change.Call.UP ? "\u25B2 up" : "\u25BC down";
        if (good == Direction.NONE) {
            return arrow;
        }
        boolean better = good == Direction.UP ? call == Change.Call.UP : call == Change.Call.DOWN;
        return arrow + (better ? " (better)" : " (worse)");
    }

    /**
     * Against its target (reference/targets for the year, else the logic model's), where there is
     * one and a direction of good: on target, near it (within the measure's tolerance, 10% of the
     * target unless it says otherwise), or off it.
     */
    static Rag status(MeasureDefinition d, Optional<Figure> now, Optional<Double> target) {
        if (target.isEmpty()
                || d.direction() == Direction.NONE
                || now.isEmpty()
                || now.get().number() == null) {
            return Rag.NONE;
        }
        double value = now.get().number().doubleValue();
        double t = target.get();
        boolean met = d.direction() == Direction.UP ? value >= t : value <= t;
        boolean near = Math.abs(value - t) <= Math.abs(t) * d.tolerance();
        return met ? Rag.ON : near ? Rag.NEAR : Rag.OFF;
    }

    /** The status in words with the target's value; a target with no direction of good is printed without a status. */
    private static String rag(Rag status, Optional<Figure> now, Optional<Double> target) {
        if (target.isEmpty()) {
            return "";
        }
        boolean percent = now.map(f -> f.unit() == MeasureResult.Unit.PERCENT).orElse(false);
        String of = percent ? String.format("%.0f%%", target.get()) : String.format("%,.0f", target.get());
        return status == Rag.NONE ? "target " + of : status.words + " (target " + of + ")";
    }

    /** A figure's name for readers: its own words where report/words.yml gives them, else the name made readable. */
    static String label(String figure) {
        String own = Words.get().labels.get(figure);
        if (own != null) {
            return own;
        }
        return figure.replace(Rates.PER_100000, " per 100,000 aged 10-17")
                .replace(Rates.PER_10000, " per 10,000 aged 10-17")
                .replace(Rates.PER_100, " per 100 young people")
                .replace('_', ' ')
                .replace("pct ", "% ");
    }
}
