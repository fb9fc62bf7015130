package tyss.measure.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * S02 Risk level trajectory tracking: young people with a risk review in the period and at least
 * two reviews by its end; their first against their latest level: the shares reduced, the same and
 * increased. Levels rank low < medium < high < very high. And the level at closure: young people
 * whose case closed in the period, by their latest review on or before the day it closed.
 */
@Component
class S02RiskTrajectory implements BoundedMeasure {

    private static final List<String> LEVELS = List.of("low", "medium", "high", "very high");
    private static final String NO_REVIEW = "no review";

    @Override
    public String id() {
        return "S02";
    }

    @Override
    public List<DatasetId> sources() {
        return List.of(DatasetId.of("tyss/risk-reviews"), DatasetId.of("tyss/referrals"));
    }

    @Override
    public Set<String> figures() {
        return Set.of("pct_increased", "pct_reduced", "pct_same", "young_people_closed", "young_people_tracked");
    }

    @Override
    public List<MeasureResult> calculate(MeasureContext ctx, Period period) {
        // each person's first and latest review by the period's end (Tally.byEnd: read as a scan, then tested)
        long startDay = period.start().toEpochDay();
        Map<String, Reviews> reviews = new HashMap<>();
        ctx.jdbc()
                .sql(
                        "SELECT person_id, review_date, row_id, risk_level FROM ds_tyss_risk_reviews WHERE person_id IS NOT NULL")
                .query(rs -> {
                    LocalDate day = rs.getObject(2, LocalDate.class);
                    if (Tally.byEnd(period, day)) {
                        reviews.computeIfAbsent(rs.getString(1), p -> new Reviews())
                                .add(day.toEpochDay(), rs.getLong(3), rs.getString(4), startDay);
                    }
                });
        long tracked = 0;
        long reduced = 0;
        long same = 0;
        long increased = 0;
        for (Reviews r : reviews.values()) {
            if (r.count < 2 || !r.inPeriod) {
                continue;
            }
            tracked++;
            int change = LEVELS.indexOf(r.latestLevel) - LEVELS.indexOf(r.firstLevel);
            if (change < 0) {
                reduced++;
            } else if (change == 0) {
                same++;
            } else {
                increased++;
            }
        }
        List<MeasureResult> results = new ArrayList<>(List.of(
                ctx.count(
                        id(),
                        "young_people_tracked",
                        period,
                        MeasureResult.ALL,
                        MeasureResult.ALL,
                        tracked,
                        Unit.PEOPLE),
                ctx.percent(id(), "pct_reduced", period, MeasureResult.ALL, MeasureResult.ALL, reduced, tracked),
                ctx.percent(id(), "pct_same", period, MeasureResult.ALL, MeasureResult.ALL, same, tracked),
                ctx.percent(id(), "pct_increased", period, MeasureResult.ALL, MeasureResult.ALL, increased, tracked)));
        results.addAll(levelAtClosure(ctx, period));
        return results;
    }

    private List<MeasureResult> levelAtClosure(MeasureContext ctx, Period period) {
        Map<String, Long> byLevel = new LinkedHashMap<>();
        LEVELS.forEach(l -> byLevel.put(l, 0L));
        byLevel.put(NO_REVIEW, 0L);
        List<String> levels = ctx.jdbc()
                .sql("SELECT (SELECT v.risk_level FROM ds_tyss_risk_reviews v WHERE v.person_id = c.person_id "
                        + "AND v.review_date <= c.closed ORDER BY v.review_date DESC, v.row_id DESC FETCH FIRST 1 ROWS ONLY) "
                        + "FROM (SELECT person_id, MAX(closed_date) AS closed FROM ds_tyss_referrals WHERE closed_date BETWEEN ? AND ? "
                        + "AND person_id IS NOT NULL GROUP BY person_id) c")
                .params(period.start(), period.end())
                .query(String.class)
                .list();
        levels.forEach(l -> byLevel.merge(l == null || !LEVELS.contains(l) ? NO_REVIEW : l, 1L, Long::sum));
        List<MeasureResult> results = new ArrayList<>();
        results.add(ctx.count(
                id(), "young_people_closed", period, MeasureResult.ALL, MeasureResult.ALL, levels.size(), Unit.PEOPLE));
        byLevel.forEach((level, n) ->
                results.add(ctx.count(id(), "young_people_closed", period, "level_at_closure", level, n, Unit.PEOPLE)));
        return results;
    }

    /** A person's reviews by the period's end: the first and the latest by day, then by row, as ORDER BY day, row_id. */
    private static final class Reviews {
        long firstDay = Long.MAX_VALUE;
        long firstRow;
        String firstLevel;
        long latestDay = Long.MIN_VALUE;
        long latestRow;
        String latestLevel;
        int count;
        boolean inPeriod;

        void add(long day, long row, String level, long periodStart) {
            count++;
            inPeriod |= day >= periodStart;
            if (day < firstDay || day == firstDay && row < firstRow) {
                firstDay = day;
                firstRow = row;
                firstLevel = level;
            }
            if (day > latestDay || day == latestDay && row > latestRow) {
                latestDay = day;
                latestRow = row;
                latestLevel = level;
            }
        }
    }
}
