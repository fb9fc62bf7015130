package tyss.measure.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import tyss.contract.DatasetId;
import tyss.measure.BoundedMeasure;
import tyss.measure.CohortProfile;
import tyss.measure.MeasureContext;
import tyss.measure.MeasureResult;
import tyss.measure.Tally;
import tyss.period.Period;

/**
 * S01 Identification, assessment and allocation numbers (incl referrals and sources).
 *
 * <p>From {@code tyss/referrals}: referrals received in the period (by referral date), by source
 * and by strand; decisions made in the period and the percentage of them that accepted the young
 * person; allocations made in the period (by allocation date); and the open caseload at the end
 * of the period (allocated on or before it, not closed by it), with the young people open per worker
 * named on their open referrals (the proposal: 24 to 28 individuals per team). Referrals are broken down by source,
 * strand, sex, ethnicity, locality, risk level and age band at referral, and a quarter's by what had been decided by its end. Referrals are events: a
 * young person referred twice from two localities counts once in each. No national definition: local.
 */
@Component
public class S01IdentificationAndAllocation implements BoundedMeasure {

    static final String ID = "S01";

    /** The decision cell of a referral still waiting for one at the end of the period. */
    public static final String NOT_YET_DECIDED = "not yet decided";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<DatasetId> sources() {
        // the coverage of the at-risk cohort is Y01's, which reads the screenings, so S01 needs only the referrals
        return List.of(DatasetId.of("tyss/referrals"));
    }

    @Override
    public Set<String> figures() {
        return Set.of(
                "allocations",
                "caseload_per_worker",
                "cohort_size",
                "decisions",
                "open_caseload",
                "pct_accepted",
                "referrals");
    }

    @Override
    public List<MeasureResult> calculate(MeasureContext ctx, Period period) {
        List<MeasureResult> results = new ArrayList<>();
        results.add(ctx.count(
                ID,
                "referrals",
                period,
                MeasureResult.ALL,
                MeasureResult.ALL,
                count(ctx, "referral_date BETWEEN ? AND ?", period),
                MeasureResult.Unit.EVENTS));
        for (String dimension :
                List.of("referral_source", "strand", "sex", "ethnicity", "locality", "risk_at_referral")) {
            String name = switch (dimension) {
                case "referral_source" -> "source";
                case "risk_at_referral" -> "risk_level";
                default -> dimension;
            };
            breakdown(ctx, dimension, period)
                    .forEach((cell, n) ->
                            results.add(ctx.count(ID, "referrals", period, name, cell, n, MeasureResult.Unit.EVENTS)));
        }
        ageBands(ctx, period)
                .forEach((band, n) -> results.add(
                        ctx.count(ID, "referrals", period, "age_band", band, n, MeasureResult.Unit.EVENTS)));
        // a quarter only: a span's decisions stand at its own end, so its cells would not be the sum of its quarters'
        // (which a reader assumes)
        if (period.kind() == Period.Kind.QUARTER) {
            decisionsOfReferrals(ctx, period)
                    .forEach((decision, n) -> results.add(
                            ctx.count(ID, "referrals", period, "decision", decision, n, MeasureResult.Unit.EVENTS)));
        }
        long decided = count(ctx, "decision IS NOT NULL AND decision_date BETWEEN ? AND ?", period);
        long accepted = count(ctx, "decision = 'accepted' AND decision_date BETWEEN ? AND ?", period);
        results.add(ctx.count(
                ID, "decisions", period, MeasureResult.ALL, MeasureResult.ALL, decided, MeasureResult.Unit.EVENTS));
        results.add(ctx.percent(ID, "pct_accepted", period, MeasureResult.ALL, MeasureResult.ALL, accepted, decided));
        results.add(ctx.count(
                ID,
                "allocations",
                period,
                MeasureResult.ALL,
                MeasureResult.ALL,
                count(ctx, "allocated_date BETWEEN ? AND ?", period),
                MeasureResult.Unit.EVENTS));
        long open = ctx.jdbc()
                .sql("SELECT COUNT(DISTINCT person_id) FROM ds_tyss_referrals WHERE allocated_date <= ? "
                        + "AND (closed_date IS NULL OR closed_date > ?)")
                .params(period.end(), period.end())
                .query(Long.class)
                .single();
        results.add(ctx.count(
                ID, "open_caseload", period, MeasureResult.ALL, MeasureResult.ALL, open, MeasureResult.Unit.PEOPLE));
        // a young person open on two referrals to two workers is on both caseloads, as a worker sees it
        List<long[]> caseload = ctx.jdbc()
                .sql(
                        "SELECT COUNT(DISTINCT person_id), COUNT(DISTINCT worker_id) FROM ds_tyss_referrals "
                                + "WHERE allocated_date <= ? AND (closed_date IS NULL OR closed_date > ?) AND worker_id IS NOT NULL AND worker_id <> ''")
                .params(period.end(), period.end())
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list();
        long withWorker = caseload.get(0)[0];
        long workers = caseload.get(0)[1];
        results.add(ctx.figure(
                ID,
                "caseload_per_worker",
                period,
                MeasureResult.ALL,
                MeasureResult.ALL,
                BigDecimal.valueOf(withWorker),
                BigDecimal.valueOf(workers),
                workers == 0
                        ? null
                        : BigDecimal.valueOf(withWorker).divide(BigDecimal.valueOf(workers), 1, RoundingMode.HALF_UP),
                MeasureResult.Unit.RATE));
        long cohort = ctx.jdbc()
                .sql("SELECT COUNT(*) FROM cohort_member WHERE first_referral <= ?")
                .param(period.end())
                .query(Long.class)
                .single();
        results.add(ctx.count(
                ID, "cohort_size", period, MeasureResult.ALL, MeasureResult.ALL, cohort, MeasureResult.Unit.PEOPLE));
        return results;
    }

    private static long count(MeasureContext ctx, String where, Period period) {
        return ctx.jdbc()
                .sql("SELECT COUNT(*) FROM ds_tyss_referrals WHERE " + where)
                .params(period.start(), period.end())
                .query(Long.class)
                .single();
    }

    /** Age at referral from the month of birth (the day is not kept): 10-13, 14-15, 16-17, 18+, and under 10. */
    private static Map<String, Long> ageBands(MeasureContext ctx, Period period) {
        Map<String, Long> bands = new TreeMap<>();
        ctx.jdbc()
                .sql("SELECT birth_month, referral_date FROM ds_tyss_referrals WHERE referral_date BETWEEN ? AND ?")
                .params(period.start(), period.end())
                .query((rs, n) -> {
                    LocalDate born = rs.getObject(1, LocalDate.class);
                    bands.merge(
                            born == null
                                    ? Tally.NOT_RECORDED
                                    : CohortProfile.ageBand(
                                            java.time.Period.between(born, rs.getObject(2, LocalDate.class))
                                                    .getYears()),
                            1L,
                            Long::sum);
                    return null;
                })
                .list();
        return bands;
    }

    /**
     * The period's referrals by what had been decided by its end: accepted, declined, signposted, or
     * not yet decided (no decision, or one dated after the period). A decision with no date is taken as made.
     */
    private static Map<String, Long> decisionsOfReferrals(MeasureContext ctx, Period period) {
        Map<String, Long> cells = new TreeMap<>();
        String decided =
                " FROM ds_tyss_referrals WHERE referral_date BETWEEN ? AND ? AND decision IS NOT NULL AND (decision_date IS NULL OR decision_date <= ?)";
        ctx.jdbc()
                .sql("SELECT decision, COUNT(*)" + decided + " GROUP BY decision")
                .params(period.start(), period.end(), period.end())
                .query((rs, n) -> cells.put(rs.getString(1), rs.getLong(2)))
                .list();
        long waiting = ctx.jdbc()
                .sql(
                        "SELECT COUNT(*) FROM ds_tyss_referrals WHERE referral_date BETWEEN ? AND ? AND NOT (decision IS NOT NULL "
                                + "AND (decision_date IS NULL OR decision_date <= ?))")
                .params(period.start(), period.end(), period.end())
                .query(Long.class)
                .single();
        if (waiting > 0) {
            cells.put(NOT_YET_DECIDED, waiting);
        }
        return cells;
    }

    private static Map<String, Long> breakdown(MeasureContext ctx, String column, Period period) {
        Map<String, Long> cells = new TreeMap<>();
        ctx.jdbc()
                .sql("SELECT " + column
                        + ", COUNT(*) FROM ds_tyss_referrals WHERE referral_date BETWEEN ? AND ? GROUP BY " + column)
                .params(period.start(), period.end())
                .query((rs, n) -> cells.put(rs.getString(1) == null ? "not recorded" : rs.getString(1), rs.getLong(2)))
                .list();
        return cells;
    }
}
