package tyss.disclose;

import java.time.LocalDate;

import tyss.measure.MeasureResult.Unit;
import tyss.period.Period;

/**
 * A figure as a reader of the commissioners' workbook sees it: where it sits, and its value,
 * numerator and denominator where shown (null where withheld or where there is none). What both
 * the suppression and the intruder's audit reason about.
 */
record Published(
        String measureId,
        String figure,
        Period.Kind kind,
        String period,
        LocalDate start,
        LocalDate end,
        String breakdown,
        String cell,
        Unit unit,
        Double value,
        Double numerator,
        Double denominator,
        boolean suppressed) {

    public String key() {
        return measureId + " " + figure + ", " + period + ", "
                + (breakdown.equals("all") ? "total" : breakdown + " " + cell);
    }

    /** No figure at all (not withheld: nothing to show). */
    boolean noData() {
        return !suppressed && value == null;
    }
}
