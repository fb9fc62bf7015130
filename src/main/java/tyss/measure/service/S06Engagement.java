package tyss.measure.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
 * S06 YP engagement numbers incl length and type of engagement: young people with at least one
 * contact in the period; contacts and hours by type (detached contacts have no young person); and
 * the median length of engagement, in days from allocation to closure, or to the period's end for
 * cases still open, over cases open at some time in the period.
 */
@Component
class S06Engagement implements BoundedMeasure {

    private static final String FROM = " FROM ds_tyss_contacts WHERE contact_date BETWEEN ? AND ?";

    @Override
    public String id() {
        return "S06";
    }

    @Override
    public List<DatasetId> sources() {
        return List.of(DatasetId.of("tyss/contacts"), DatasetId.of("tyss/referrals"));
    }

    @Override
    public Set<String> figures() {
        return Set.of("contacts", "hours", "median_days_engaged", "young_people_engaged");
    }

    @Override
    public List<MeasureResult> calculate(MeasureContext ctx, Period period) {
        List<MeasureResult> results = new ArrayList<>();
        results.add(ctx.count(
                id(),
                "young_people_engaged",
                period,
                MeasureResult.ALL,
                MeasureResult.ALL,
                Tally.count(ctx, period, "SELECT COUNT(DISTINCT person_id)" + FROM),
                Unit.PEOPLE));
        results.addAll(ctx.byCohortProfile(
                id(),
                "young_people_engaged",
                period,
                ctx.jdbc()
                        .sql("SELECT DISTINCT person_id" + FROM)
                        .params(period.start(), period.end())
                        .query(String.class)
                        .list()));
        results.add(ctx.count(
                id(),
                "contacts",
                period,
                MeasureResult.ALL,
                MeasureResult.ALL,
                Tally.count(ctx, period, "SELECT COUNT(*)" + FROM),
                Unit.EVENTS));
        Tally.byGroup(ctx, period, "SELECT type, COUNT(*)" + FROM + " GROUP BY type")
                .forEach((type, n) -> results.add(ctx.count(id(), "contacts", period, "type", type, n, Unit.EVENTS)));
        BigDecimal minutes = Tally.decimal(ctx, period, "SELECT SUM(minutes)" + FROM);
        BigDecimal hours =
                minutes == null ? BigDecimal.ZERO : minutes.divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP);
        results.add(ctx.figure(
                id(),
                "hours",
                period,
                MeasureResult.ALL,
                MeasureResult.ALL,
                minutes,
                BigDecimal.valueOf(60),
                hours,
                Unit.HOURS));
        ctx.jdbc()
                .sql("SELECT type, SUM(minutes)" + FROM + " GROUP BY type ORDER BY type")
                .params(period.start(), period.end())
                .query((rs, n) -> {
                    BigDecimal byType = rs.getBigDecimal(2) == null ? BigDecimal.ZERO : rs.getBigDecimal(2);
                    return ctx.figure(
                            id(),
                            "hours",
                            period,
                            "type",
                            rs.getString(1) == null ? Tally.NOT_RECORDED : rs.getString(1),
                            byType,
                            BigDecimal.valueOf(60),
                            byType.divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP),
                            Unit.HOURS);
                })
                .list()
                .forEach(results::add);
        results.add(ctx.figure(
                id(),
                "median_days_engaged",
                period,
                MeasureResult.ALL,
                MeasureResult.ALL,
                null,
                null,
                lengthOfEngagement(ctx, period),
                Unit.DAYS));
        return results;
    }

    /** Days are worked out in Java: date arithmetic differs between H2 and PostgreSQL. */
    private static BigDecimal lengthOfEngagement(MeasureContext ctx, Period period) {
        List<Double> days = ctx.jdbc()
                .sql("SELECT allocated_date, closed_date FROM ds_tyss_referrals WHERE allocated_date <= ? "
                        + "AND (closed_date IS NULL OR closed_date >= ?)")
                .params(period.end(), period.start())
                .query((rs, n) -> {
                    var from = rs.getDate(1).toLocalDate();
                    var to =
                            rs.getDate(2) == null || rs.getDate(2).toLocalDate().isAfter(period.end())
                                    ? period.end()
                                    : rs.getDate(2).toLocalDate();
                    return (double) (to.toEpochDay() - from.toEpochDay());
                })
                .list();
        return Tally.medianOf(days);
    }
}
