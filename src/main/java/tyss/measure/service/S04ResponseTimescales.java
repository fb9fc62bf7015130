package tyss.measure.service;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
                daysToFirstContact(ctx, period),
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

    /**
     * The median days from each referral to the young person's first contact on or after it, over the referrals whose
     * first contact by the period's end falls in the period. One pass over each table, in memory: as a join on person
     * it read every contact up to the period's end for each referral (contacts have no person index, V7), which grew
     * with the square of the data (--scale 100: most of the measures stage).
     */
    private static BigDecimal daysToFirstContact(MeasureContext ctx, Period period) {
        Map<String, List<long[]>> referrals =
                new HashMap<>(); // person -> {referral day, first contact day} per referral
        ctx.jdbc()
                .sql(
                        "SELECT person_id, referral_date FROM ds_tyss_referrals WHERE person_id IS NOT NULL AND referral_date <= ?")
                .param(period.end())
                .query(rs -> {
                    referrals
                            .computeIfAbsent(rs.getString(1), k -> new ArrayList<>(1))
                            .add(new long[] {rs.getObject(2, LocalDate.class).toEpochDay(), Long.MAX_VALUE});
                });
        // every contact by the period's end (Tally.byEnd: read as a scan, then tested)
        ctx.jdbc()
                .sql("SELECT person_id, contact_date FROM ds_tyss_contacts WHERE person_id IS NOT NULL")
                .query(rs -> {
                    List<long[]> of = referrals.get(rs.getString(1));
                    LocalDate contact = rs.getObject(2, LocalDate.class);
                    if (of != null && Tally.byEnd(period, contact)) {
                        long day = contact.toEpochDay();
                        for (long[] r : of) {
                            if (day >= r[0] && day < r[1]) {
                                r[1] = day;
                            }
                        }
                    }
                });
        long start = period.start().toEpochDay();
        List<Double> days = new ArrayList<>();
        for (List<long[]> of : referrals.values()) {
            for (long[] r : of) {
                if (r[1] != Long.MAX_VALUE && r[1] >= start) {
                    days.add((double) (r[1] - r[0]));
                }
            }
        }
        return Tally.medianOf(days);
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
