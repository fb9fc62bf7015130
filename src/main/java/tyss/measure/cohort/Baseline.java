package tyss.measure.cohort;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tyss.measure.Change;
import tyss.measure.LogicModel.MeasureDefinition;
import tyss.measure.Measure;
import tyss.measure.MeasureContext;
import tyss.measure.MeasureResult;
import tyss.measure.MeasureResult.Unit;
import tyss.period.Period;
import tyss.period.Quarter;

/**
 * The statistics of Y08 ({@link Y08BaselineComparison}): every system measure's headline for the
 * reporting quarter against an evaluator's baseline period (a financial year, or one quarter),
 * with the change and a 95% confidence interval. Counts are compared as a rate ratio with a log-normal interval on the two
 * Poisson counts: per young person in the cohort as it stood for the cohort's counts (the cohort
 * grows, so a count alone would rise with it), per quarter otherwise (a year's count divided by
 * four); percentages as a difference in percentage points with Newcombe's hybrid Wilson score
 * interval (method 10).
 */
public final class Baseline {

    private Baseline() {}

    /** "2024-25" is the financial year, "2024-25 Q3" one quarter. */
    public static Period parse(String text) {
        String t = text.strip();
        if (!t.matches("\\d{4}-\\d{2}( ?-?[Qq][1-4])?")) {
            throw new IllegalArgumentException(
                    "--baseline takes a financial year such as 2024-25 or a quarter such as 2024-25 Q3, not '" + text
                            + "'");
        }
        if (t.matches("\\d{4}-\\d{2}")) {
            Quarter q1 = Quarter.parse(t + " Q1");
            return new Period(Period.Kind.BASELINE, "baseline " + t, q1.start(), new Quarter(q1.startYear(), 4).end());
        }
        Quarter q = Quarter.parse(t);
        return new Period(Period.Kind.BASELINE, "baseline " + q, q.start(), q.end());
    }

    /** The comparison's rows, under the id of the measure that makes it ({@link Y08BaselineComparison}). */
    static List<MeasureResult> compare(
            MeasureContext ctx, String id, List<Measure> measures, List<MeasureResult> current, Period baseline) {
        Period quarter = Period.of(ctx.quarter());
        double quarters = quartersIn(baseline);
        List<MeasureResult> rows = new ArrayList<>();
        for (Measure m : measures) {
            MeasureDefinition d = ctx.model().measure(m.id());
            if (!d.isSystem() || d.headlineFigure().isEmpty()) {
                continue;
            }
            Optional<MeasureResult> now = headline(current, d, quarter);
            Optional<MeasureResult> then = pooled(ctx, m, d, baseline);
            if (now.isEmpty()
                    || then.isEmpty()
                    || now.get().value() == null
                    || then.get().value() == null) {
                continue;
            }
            String figure = d.id() + "." + d.headline();
            if (now.get().unit() == Unit.PERCENT) {
                rows.addAll(percent(ctx, id, figure, quarter, now.get(), then.get()));
            } else if (now.get().unit().isCount()) {
                boolean cohort = now.get().breakdown().equals("population");
                double[] people = cohort ? cohortPeople(ctx, measures, current, quarter, baseline) : null;
                if (people == null) {
                    rows.addAll(count(
                            ctx,
                            id,
                            figure,
                            quarter,
                            now.get().value().doubleValue(),
                            then.get().value().doubleValue(),
                            quarters,
                            1,
                            quarters));
                } else {
                    rows.addAll(count(
                            ctx,
                            id,
                            figure,
                            quarter,
                            now.get().value().doubleValue(),
                            then.get().value().doubleValue(),
                            quarters,
                            people[0],
                            people[1]));
                }
            }
        }
        return rows;
    }

    /**
     * A count now ({@code a}, among {@code na}) against the baseline's ({@code b}, among {@code nb}):
     * for the cohort, na is the cohort as it stood this quarter and nb the cohort summed over the
     * baseline's quarters (young-person-quarters), so the ratio compares rates per young person;
     * otherwise na is 1 and nb the baseline's quarters, a rate per quarter.
     */
    private static List<MeasureResult> count(
            MeasureContext ctx,
            String id,
            String figure,
            Period quarter,
            double a,
            double b,
            double quarters,
            double na,
            double nb) {
        double perQuarter = b / quarters;
        double smaller = Math.min(a, b);
        List<MeasureResult> rows = new ArrayList<>();
        rows.add(stat(ctx, id, figure, quarter, "baseline_per_quarter", perQuarter, b, Unit.RATE));
        rows.add(stat(ctx, id, figure, quarter, "current", a, a, Unit.RATE));
        boolean perHead = na != 1 || nb != quarters;
        if (perHead) {
            rows.add(stat(ctx, id, figure, quarter, "baseline_per_100", 100 * b / nb, b, Unit.RATE));
            rows.add(stat(ctx, id, figure, quarter, "current_per_100", 100 * a / na, a, Unit.RATE));
        }
        if (a > 0 && b > 0) {
            Change.Interval ci = Change.rateRatio(a, na, b, nb);
            rows.add(stat(ctx, id, figure, quarter, "rate_ratio", (a / na) / (b / nb), smaller, Unit.RATE));
            rows.add(stat(ctx, id, figure, quarter, "ci95_low", ci.lo(), smaller, Unit.RATE));
            rows.add(stat(ctx, id, figure, quarter, "ci95_high", ci.hi(), smaller, Unit.RATE));
        }
        return rows;
    }

    private static List<MeasureResult> percent(
            MeasureContext ctx, String id, String figure, Period quarter, MeasureResult now, MeasureResult then) {
        double x1 = now.numerator().doubleValue();
        double n1 = now.denominator().doubleValue();
        double x0 = then.numerator().doubleValue();
        double n0 = then.denominator().doubleValue();
        double smaller = Math.min(x0, x1);
        List<MeasureResult> rows = new ArrayList<>();
        rows.add(stat(ctx, id, figure, quarter, "baseline", 100 * x0 / n0, x0, Unit.PERCENT));
        rows.add(stat(ctx, id, figure, quarter, "current", 100 * x1 / n1, x1, Unit.PERCENT));
        Change.Interval ci = Change.shareDifference(x1, n1, x0, n0);
        rows.add(stat(ctx, id, figure, quarter, "change_points", 100 * (x1 / n1 - x0 / n0), smaller, Unit.PERCENT));
        rows.add(stat(ctx, id, figure, quarter, "ci95_low", 100 * ci.lo(), smaller, Unit.PERCENT));
        rows.add(stat(ctx, id, figure, quarter, "ci95_high", 100 * ci.hi(), smaller, Unit.PERCENT));
        return rows;
    }

    /**
     * One statistic of a comparison. Its numerator is the smaller of the counts it rests on, so that
     * disclosure control suppresses every statistic from which a count of 1 to 5 could be worked out.
     */
    private static MeasureResult stat(
            MeasureContext ctx,
            String id,
            String figure,
            Period quarter,
            String statistic,
            double value,
            double restsOn,
            Unit unit) {
        BigDecimal v = BigDecimal.valueOf(value).setScale(unit == Unit.PERCENT ? 1 : 3, RoundingMode.HALF_UP);
        return ctx.figure(
                id, figure, quarter, "statistic", statistic, BigDecimal.valueOf(Math.round(restsOn)), null, v, unit);
    }

    /**
     * The cohort as it stood this quarter and summed over the baseline's quarters (S01's
     * cohort_size), or null when either is missing or zero.
     */
    private static double[] cohortPeople(
            MeasureContext ctx, List<Measure> measures, List<MeasureResult> current, Period quarter, Period baseline) {
        Optional<Measure> s01 =
                measures.stream().filter(m -> m.id().equals("S01")).findFirst();
        Optional<MeasureResult> now = current.stream()
                .filter(r -> r.measureId().equals("S01")
                        && r.figure().equals("cohort_size")
                        && r.period().label().equals(quarter.label()))
                .findFirst();
        if (s01.isEmpty()
                || now.isEmpty()
                || now.get().value() == null
                || now.get().value().signum() == 0) {
            return null;
        }
        double summed = 0;
        for (Quarter q : quarters(baseline)) {
            Period p = Period.of(q);
            Optional<MeasureResult> size = s01.get().calculate(ctx, p).stream()
                    .filter(r -> r.figure().equals("cohort_size"))
                    .findFirst();
            if (size.isEmpty() || size.get().value() == null) {
                return null;
            }
            summed += size.get().value().doubleValue();
        }
        return summed == 0 ? null : new double[] {now.get().value().doubleValue(), summed};
    }

    private static Optional<MeasureResult> headline(List<MeasureResult> results, MeasureDefinition d, Period period) {
        return results.stream()
                .filter(r -> r.measureId().equals(d.id())
                        && r.figure().equals(d.headline())
                        && r.period().label().equals(period.label()))
                .filter(r -> r.breakdown().equals(MeasureResult.ALL)
                        || r.breakdown().equals("population")
                                && r.breakdownValue().equals("cohort"))
                .findFirst();
    }

    private static double quartersIn(Period p) {
        return quarters(p).size();
    }

    private static List<Quarter> quarters(Period p) {
        List<Quarter> quarters = new ArrayList<>();
        for (Quarter q = Quarter.containing(p.start()); !q.start().isAfter(p.end()); q = q.next()) {
            quarters.add(q);
        }
        return quarters;
    }

    /**
     * The baseline's headline, quarter by quarter and added up: unique people are counted per
     * quarter, as the reporting quarter's are, and percentages pool their numerators and denominators.
     */
    private static Optional<MeasureResult> pooled(MeasureContext ctx, Measure m, MeasureDefinition d, Period baseline) {
        BigDecimal numerator = BigDecimal.ZERO;
        BigDecimal denominator = BigDecimal.ZERO;
        MeasureResult last = null;
        for (Quarter q : quarters(baseline)) {
            Period p = Period.of(q);
            Optional<MeasureResult> r = headline(m.calculate(ctx, p), d, p);
            if (r.isEmpty() || r.get().numerator() == null) {
                return Optional.empty();
            }
            last = r.get();
            numerator = numerator.add(r.get().numerator());
            denominator = r.get().denominator() == null
                    ? null
                    : denominator.add(r.get().denominator());
        }
        if (last == null) {
            return Optional.empty();
        }
        BigDecimal value = last.unit() == Unit.PERCENT
                ? (denominator == null || denominator.signum() == 0
                        ? null
                        : numerator.multiply(BigDecimal.valueOf(100)).divide(denominator, 1, RoundingMode.HALF_UP))
                : numerator;
        return Optional.of(new MeasureResult(
                d.id(),
                d.headline(),
                last.definitionVersion(),
                baseline,
                last.breakdown(),
                last.breakdownValue(),
                numerator,
                denominator,
                value,
                last.unit()));
    }
}
