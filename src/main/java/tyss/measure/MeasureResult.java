package tyss.measure;

import java.math.BigDecimal;

import tyss.period.Period;

/**
 * One figure of one measure, for one period and one breakdown cell: the unit every report is built from.
 *
 * <p>{@code value} is what is shown; {@code numerator} and {@code denominator} are kept so that any
 * rate can be traced and disclosure control can judge the counts behind it. A plain count has the
 * count as numerator and value, and no denominator.
 *
 * @param figure         the headline figure of the measure, e.g. {@code referrals}, {@code pct_accepted}
 * @param breakdown      the dimension ({@code all} for the total, or e.g. {@code strand}, {@code source})
 * @param breakdownValue the cell of that dimension ({@code all} for the total)
 */
public record MeasureResult(
        String measureId,
        String figure,
        String definitionVersion,
        Period period,
        String breakdown,
        String breakdownValue,
        BigDecimal numerator,
        BigDecimal denominator,
        BigDecimal value,
        Unit unit) {

    public static final String ALL = "all";

    public enum Unit {
        /** Unique people. */
        PEOPLE,
        /** Events (episodes, offences, contacts...). */
        EVENTS,
        /** A proportion shown as a percentage: value = 100 * numerator / denominator. */
        PERCENT,
        /** Events per person or per 10,000: value = numerator / denominator (scaled as the figure says). */
        RATE,
        /** A median or mean, in days. */
        DAYS,
        /** A mean or other average score or amount. */
        MEAN,
        /** Hours of work. */
        HOURS;

        /** Whether the figure is a count of people or events, and so subject to small-number suppression. */
        public boolean isCount() {
            return this == PEOPLE || this == EVENTS;
        }
    }
}
