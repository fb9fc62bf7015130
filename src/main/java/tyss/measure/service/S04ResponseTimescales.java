package tyss.measure.service;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import tyss.contract.DatasetId;
import tyss.measure.BoundedMeasure;
import tyss.measure.MeasureContext;
import tyss.measure.MeasureResult;
import tyss.measure.MeasureResult.Unit;
import tyss.measure.Tally;
import tyss.period.Period;

/**
 * S04 Response timescales: median days from referral to decision (decisions made in the period), to
 * allocation (allocations made in the period) and to first contact (a referral's first contact on
 * or after it, made in the period); and return home interviews after returns in the period:
 * offered within 72 hours of the return, completed within 72 hours (DfE statutory guidance on
 * children who run away or go missing, 2014: an interview within 72 hours of return), completed
 * at all, and declined.
 */
@Component
class S04ResponseTimescales implements BoundedMeasure {

    static final Duration SEVENTY_TWO_HOURS = Duration.ofHours(72);

    @Override
    public String id() {
        return "S04";
    }

    @Override
    public List<DatasetId> sources() {
        return List.of(
                DatasetId.of("tyss/referrals"), DatasetId.of("tyss/contacts"), DatasetId.of("tyss/return-interviews"));
    }

    @Override
    public Set<String> figures() {
        return Set.of(
                "median_days_to_allocation",
                "median_days_to_decision",
                "median_days_to_first_contact",
                "pct_rhi_completed_within_72h",
                "pct_rhi_offered_within_72h",
                "returns",
                "rhi_completed",
                "rhi_declined");
    }

    @Override
    public List<MeasureResult> calculate(MeasureContext ctx, Period period) {
        List<MeasureResult> results = new ArrayList<>();
        results.add(ctx.figure(
                id(),
                "median_days_to_decision",
                period,
                MeasureResult.ALL,
                MeasureResult.ALL,
                null,
                null,
                days(ctx, period, "decision_date"),
                Unit.DAYS));
        results.add(ctx.figure(
                id(),
                "median_days_to_allocation",
                period,
                MeasureResult.ALL,
                MeasureResult.ALL,
                null,
                null,
                days(ctx, period, "allocated_date"),
                Unit.DAYS));
        results.add(ctx.figure(
                id(),
                "median_days_to_first_contact",
                period,
                MeasureResult.ALL,
                MeasureResult.ALL,
                null,
                null,
                Tally.medianOf(ctx.jdbc()
                        .sql(
                                "SELECT r.referral_date, MIN(c.contact_date) FROM ds_tyss_referrals r JOIN ds_tyss_contacts c "
                                        + "ON c.person_id = r.person_id AND c.contact_date >= r.referral_date AND c.contact_date <= ? "
                                        + "GROUP BY r.row_id, r.referral_date HAVING MIN(c.contact_date) >= ?")
                        .params(period.end(), period.start())
                        .query((rs, n) ->
                                (double) (rs.getObject(2, LocalDate.class).toEpochDay()
                                        - rs.getObject(1, LocalDate.class).toEpochDay()))
                        .list()),
                Unit.DAYS));
        long returns = 0;
        long offered = 0;
        long completed = 0;
        for (LocalDateTime[] rhi : ctx.jdbc()
                .sql("SELECT returned_at, offered_at, completed_at FROM ds_tyss_return_interviews "
                        + "WHERE returned_at >= ? AND returned_at < ?")
                .params(period.start().atStartOfDay(), period.end().plusDays(1).atStartOfDay())
                .query((rs, n) -> new LocalDateTime[] {
                    rs.getObject(1, LocalDateTime.class),
                    rs.getObject(2, LocalDateTime.class),
                    rs.getObject(3, LocalDateTime.class)
                })
                .list()) {
            returns++;
            offered += within72Hours(rhi[0], rhi[1]) ? 1 : 0;
            completed += within72Hours(rhi[0], rhi[2]) ? 1 : 0;
        }
        results.add(ctx.count(id(), "returns", period, MeasureResult.ALL, MeasureResult.ALL, returns, Unit.EVENTS));
        results.add(ctx.percent(
                id(), "pct_rhi_offered_within_72h", period, MeasureResult.ALL, MeasureResult.ALL, offered, returns));
        results.add(ctx.percent(
                id(),
                "pct_rhi_completed_within_72h",
                period,
                MeasureResult.ALL,
                MeasureResult.ALL,
                completed,
                returns));
        for (String result : List.of("completed", "declined")) {
            results.add(ctx.count(
                    id(),
                    "rhi_" + result,
                    period,
                    MeasureResult.ALL,
                    MeasureResult.ALL,
                    ctx.jdbc()
                            .sql(
                                    "SELECT COUNT(*) FROM ds_tyss_return_interviews WHERE returned_at >= ? AND returned_at < ? AND result = ?")
                            .params(
                                    period.start().atStartOfDay(),
                                    period.end().plusDays(1).atStartOfDay(),
                                    result)
                            .query(Long.class)
                            .single(),
                    Unit.EVENTS));
        }
        return results;
    }

    private static boolean within72Hours(LocalDateTime returned, LocalDateTime then) {
        return then != null && Duration.between(returned, then).compareTo(SEVENTY_TWO_HOURS) <= 0;
    }

    private static BigDecimal days(MeasureContext ctx, Period period, String column) {
        List<Double> days = ctx.jdbc()
                .sql("SELECT referral_date, " + column + " FROM ds_tyss_referrals WHERE " + column + " BETWEEN ? AND ?")
                .params(period.start(), period.end())
                .query((rs, n) -> (double) (rs.getObject(2, LocalDate.class).toEpochDay()
                        - rs.getObject(1, LocalDate.class).toEpochDay()))
                .list();
        return Tally.medianOf(days);
    }
}
