package tyss.period;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A span of days a figure is computed for, both ends inclusive.
 *
 * @param kind  what the span is relative to the reporting quarter
 * @param label how the reports name it, e.g. {@code 2025-26 Q1}, {@code 2025-26 YTD to Q2}
 */
public record Period(Kind kind, String label, LocalDate start, LocalDate end) {

    public enum Kind {
        QUARTER,
        YEAR_TO_DATE,
        ROLLING_12_MONTHS,
        BASELINE
    }

    public static Period of(Quarter q) {
        return new Period(Kind.QUARTER, q.toString(), q.start(), q.end());
    }

    public static Period yearToDate(Quarter q) {
        return new Period(
                Kind.YEAR_TO_DATE,
                q.financialYear() + " YTD to Q" + q.number(),
                new Quarter(q.startYear(), 1).start(),
                q.end());
    }

    public static Period rolling12Months(Quarter q) {
        return new Period(
                Kind.ROLLING_12_MONTHS, "12 months to " + q, q.end().plusDays(1).minusYears(1), q.end());
    }

    public boolean contains(LocalDate date) {
        return date != null && !date.isBefore(start) && !date.isAfter(end);
    }

    /**
     * The periods a quarterly run computes: the last eight quarters (trend, which includes the
     * previous quarter and the same quarter last year), then year to date and rolling 12 months.
     */
    public static List<Period> forReport(Quarter q) {
        List<Period> periods = new ArrayList<>();
        Quarter first = q;
        for (int i = 0; i < 7; i++) {
            first = first.previous();
        }
        for (Quarter each = first; each.compareTo(q) <= 0; each = each.next()) {
            periods.add(of(each));
        }
        periods.add(yearToDate(q));
        periods.add(rolling12Months(q));
        return periods;
    }
}
