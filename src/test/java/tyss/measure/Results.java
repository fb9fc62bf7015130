package tyss.measure;

import java.util.List;

import tyss.period.Period;
import tyss.period.Quarter;

/** Finds one figure in a measure's results, for hand-worked tests. */
public final class Results {

    private Results() {}

    public static MeasureResult find(List<MeasureResult> results, String figure, String breakdown, String cell) {
        return results.stream()
                .filter(r -> r.figure().equals(figure)
                        && r.breakdown().equals(breakdown)
                        && r.breakdownValue().equals(cell))
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("no " + figure + " " + breakdown + "=" + cell + " in " + results));
    }

    /** The value of a figure's total, as plain text. */
    public static String total(List<MeasureResult> results, String figure) {
        return value(results, figure, MeasureResult.ALL, MeasureResult.ALL);
    }

    public static String value(List<MeasureResult> results, String figure, String breakdown, String cell) {
        MeasureResult r = find(results, figure, breakdown, cell);
        return r.value() == null ? null : r.value().stripTrailingZeros().toPlainString();
    }

    /** The measure's results for 2026-27 Q2, each a figure its class declares (or the logic model could name one it never gives). */
    public static List<MeasureResult> q2(Measure measure, MeasureFixture store) {
        List<MeasureResult> results =
                measure.calculate(store.context("2026-27 Q2"), Period.of(Quarter.parse("2026-27 Q2")));
        results.stream()
                .filter(r -> !measure.figures().contains(r.figure()))
                .findFirst()
                .ifPresent(r -> {
                    throw new AssertionError(
                            measure.id() + " gives " + r.figure() + ", which it does not declare among its figures()");
                });
        return results;
    }
}
