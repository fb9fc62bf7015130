package tyss.disclose;

import java.math.BigDecimal;

import tyss.measure.MeasureResult;
import tyss.measure.MeasureResult.Unit;
import tyss.period.Period;

/**
 * One published figure: a result as an edition may show it. Its value, numerator and denominator
 * are cells, already suppressed in the commissioners' edition, so a renderer cannot show what
 * disclosure control withheld.
 */
public record Figure(
        String measureId,
        String figure,
        String definitionVersion,
        Period period,
        String breakdown,
        String breakdownValue,
        Unit unit,
        Cell value,
        Cell numerator,
        Cell denominator) {

    static Figure shown(MeasureResult r) {
        return new Figure(
                r.measureId(),
                r.figure(),
                r.definitionVersion(),
                r.period(),
                r.breakdown(),
                r.breakdownValue(),
                r.unit(),
                Cell.of(r.value(), r.unit()),
                part(r.numerator()),
                part(r.denominator()));
    }

    static Figure suppressed(MeasureResult r) {
        Cell c = new Cell.Symbol(Cell.Reason.SUPPRESSED);
        return new Figure(
                r.measureId(),
                r.figure(),
                r.definitionVersion(),
                r.period(),
                r.breakdown(),
                r.breakdownValue(),
                r.unit(),
                c,
                r.numerator() == null ? part(null) : c,
                r.denominator() == null ? part(null) : c);
    }

    /** A result whose sources were not received for its period: shown as "not received", never as its (zero) value. */
    static Figure notReceived(MeasureResult r) {
        Cell c = new Cell.Symbol(Cell.Reason.NOT_RECEIVED);
        return new Figure(
                r.measureId(),
                r.figure(),
                r.definitionVersion(),
                r.period(),
                r.breakdown(),
                r.breakdownValue(),
                r.unit(),
                c,
                c,
                c);
    }

    private static Cell part(BigDecimal n) {
        return n == null ? new Cell.Symbol(Cell.Reason.NOT_APPLICABLE) : new Cell.Number(n, Unit.EVENTS);
    }

    public boolean isSuppressed() {
        return value.isSuppressed();
    }

    /** The value when shown, else null. */
    public BigDecimal number() {
        return value.number();
    }

    /** The total of its measure's figure, or for figures reported by population, the cohort's. */
    public boolean isHeadlineCell() {
        return breakdown.equals(MeasureResult.ALL) || breakdown.equals("population") && breakdownValue.equals("cohort");
    }
}
