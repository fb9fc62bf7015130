package tyss.measure.service;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import tyss.measure.BoundedMeasure;
import tyss.measure.MeasureContext;
import tyss.measure.MeasureResult;
import tyss.measure.MeasureResult.Unit;
import tyss.measure.Period;
import tyss.measure.Tally;

/**
 * S04 Response timescales: median days from referral to decision (decisions made in the period) and
 * to allocation (allocations made in the period); and return home interviews after returns in the
 * period: offered within 72 hours of the return (DfE statutory guidance on children who run away
 * or go missing, 2014: an interview within 72 hours of return), completed, and declined.
 */
@Component
public class S04ResponseTimescales implements BoundedMeasure {

    static final Duration SEVENTY_TWO_HOURS = Duration.ofHours(72);

    @Override
    public String id() {
        return "S04";
    }

    @Override
    public List<MeasureResult> calculate(MeasureContext ctx, Period period) {
        List<MeasureResult> results = new ArrayList<>();
        results.add(ctx.figure(id(), "median_days_to_decision", period, MeasureResult.ALL, MeasureResult.ALL, null, null,
                days(ctx, period, "decision_date"), Unit.DAYS));
        results.add(ctx.figure(id(), "median_days_to_allocation", period, MeasureResult.ALL, MeasureResult.ALL, null, null,
                days(ctx, period, "allocated_date"), Unit.DAYS));
        long returns = 0;
        long within = 0;
        for (Object[] rhi : ctx.jdbc().sql("SELECT returned_at, offered_at FROM ds_tyss_return_interviews WHERE returned_at >= ? AND returned_at < ?")
                .params(period.start().atStartOfDay(), period.end().plusDays(1).atStartOfDay())
                .query((rs, n) -> new Object[] {rs.getTimestamp(1).toLocalDateTime(), rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toLocalDateTime()})
                .list()) {
            returns++;
            if (rhi[1] != null && Duration.between((java.time.LocalDateTime) rhi[0], (java.time.LocalDateTime) rhi[1]).compareTo(SEVENTY_TWO_HOURS) <= 0) {
                within++;
            }
        }
        results.add(ctx.count(id(), "returns", period, MeasureResult.ALL, MeasureResult.ALL, returns, Unit.EVENTS));
        results.add(ctx.percent(id(), "pct_rhi_offered_within_72h", period, MeasureResult.ALL, MeasureResult.ALL, within, returns));
        for (String result : List.of("completed", "declined")) {
            results.add(ctx.count(id(), "rhi_" + result, period, MeasureResult.ALL, MeasureResult.ALL,
                    ctx.jdbc().sql("SELECT COUNT(*) FROM ds_tyss_return_interviews WHERE returned_at >= ? AND returned_at < ? AND result = ?")
                            .params(period.start().atStartOfDay(), period.end().plusDays(1).atStartOfDay(), result).query(Long.class).single(),
                    Unit.EVENTS));
        }
        return results;
    }

    private static BigDecimal days(MeasureContext ctx, Period period, String column) {
        List<Double> days = ctx.jdbc().sql("SELECT referral_date, " + column + " FROM ds_tyss_referrals WHERE " + column + " BETWEEN ? AND ?")
                .params(period.start(), period.end())
                .query((rs, n) -> (double) (rs.getObject(2, LocalDate.class).toEpochDay() - rs.getObject(1, LocalDate.class).toEpochDay()))
                .list();
        return Tally.medianOf(days);
    }
}
