package tyss.measure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import tyss.period.Period;

/**
 * The counting most measures share: a count, counts by a group, and a median, from portable SQL
 * with the period's first and last day as the first two parameters.
 */
public final class Tally {

    /** The cell of a group whose value is missing. */
    public static final String NOT_RECORDED = "not recorded";

    /**
     * Rows of the cohort as it stood at the end of the period: people referred to the TYSS by then
     * (kept with their first referral in {@code cohort_member} by the link stage). A later referral
     * never changes an earlier period's figures.
     */
    public static String inCohort(Period period) {
        return "person_id IN (SELECT person_id FROM cohort_member WHERE first_referral <= DATE '" + period.end() + "')";
    }

    /** The people of {@link #inCohort} as a set, for a measure that tests membership in Java. */
    public static Set<String> cohortAt(MeasureContext ctx, Period period) {
        return new HashSet<>(ctx.jdbc()
                .sql("SELECT person_id FROM cohort_member WHERE first_referral <= ?")
                .param(period.end())
                .query(String.class)
                .list());
    }

    private Tally() {}

    /**
     * Whether a row's date is on or before the period's end, for a measure that reads everything up to that end as a
     * scan and tests the date itself: such a range is most of a table, which H2 would read through the date index,
     * fetching each row by its key (--scale 100: S02, S04, S11 and Y03 a quarter of the measures stage that way).
     */
    public static boolean byEnd(Period period, LocalDate date) {
        return date != null && !date.isAfter(period.end());
    }

    public static long count(MeasureContext ctx, Period period, String sql, Object... more) {
        return ctx.jdbc()
                .sql(sql)
                .params(params(period, more))
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    public static BigDecimal decimal(MeasureContext ctx, Period period, String sql, Object... more) {
        return ctx.jdbc()
                .sql(sql)
                .params(params(period, more))
                .query(BigDecimal.class)
                .optional()
                .orElse(null);
    }

    /** SQL returning (group, count) rows; groups sorted, a missing group shown as "not recorded". */
    public static Map<String, Long> byGroup(MeasureContext ctx, Period period, String sql, Object... more) {
        Map<String, Long> groups = new TreeMap<>();
        ctx.jdbc()
                .sql(sql)
                .params(params(period, more))
                .query((rs, n) -> groups.merge(
                        rs.getString(1) == null ? NOT_RECORDED : rs.getString(1), rs.getLong(2), Long::sum))
                .list();
        return groups;
    }

    /** The median of SQL returning one number per row, to one decimal place; null when there are none. */
    public static BigDecimal median(MeasureContext ctx, Period period, String sql, Object... more) {
        return medianOf(ctx.jdbc()
                .sql(sql)
                .params(params(period, more))
                .query(Double.class)
                .list());
    }

    /** The median of some numbers, to one decimal place; null when there are none. */
    public static BigDecimal medianOf(List<Double> numbers) {
        List<Double> values = new ArrayList<>(numbers);
        if (values.isEmpty()) {
            return null;
        }
        values.sort(Double::compare);
        int n = values.size();
        double median = n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
        return BigDecimal.valueOf(median).setScale(1, RoundingMode.HALF_UP);
    }

    /** A mean to one decimal place, resting on a numerator (the sum) and a denominator (how many). */
    public static MeasureResult mean(
            MeasureContext ctx,
            String id,
            String figure,
            Period period,
            String breakdown,
            String cell,
            BigDecimal sum,
            long n) {
        BigDecimal value = n == 0 || sum == null ? null : sum.divide(BigDecimal.valueOf(n), 1, RoundingMode.HALF_UP);
        return ctx.figure(
                id, figure, period, breakdown, cell, sum, BigDecimal.valueOf(n), value, MeasureResult.Unit.MEAN);
    }

    private static Object[] params(Period period, Object... more) {
        Object[] all = new Object[2 + more.length];
        all[0] = period.start();
        all[1] = period.end();
        System.arraycopy(more, 0, all, 2, more.length);
        return all;
    }
}
