package tyss.measure.service;

import java.util.ArrayList;
import java.util.List;

import tyss.measure.MeasureContext;
import tyss.measure.MeasureResult;
import tyss.measure.MeasureResult.Unit;
import tyss.measure.Tally;
import tyss.period.Period;

/** What S15-S18 share: activities of some kinds in the period, by outcome, and the young people taking part. */
final class Activities {

    private Activities() {}

    static List<MeasureResult> of(MeasureContext ctx, String id, Period period, String kinds) {
        String from = " FROM ds_tyss_activities WHERE event_date BETWEEN ? AND ? AND kind IN (" + kinds + ")";
        List<MeasureResult> results = new ArrayList<>();
        results.add(ctx.count(
                id,
                "activities",
                period,
                MeasureResult.ALL,
                MeasureResult.ALL,
                Tally.count(ctx, period, "SELECT COUNT(*)" + from),
                Unit.EVENTS));
        Tally.byGroup(ctx, period, "SELECT outcome, COUNT(*)" + from + " GROUP BY outcome")
                .forEach((outcome, n) ->
                        results.add(ctx.count(id, "activities", period, "outcome", outcome, n, Unit.EVENTS)));
        results.add(ctx.count(
                id,
                "young_people",
                period,
                MeasureResult.ALL,
                MeasureResult.ALL,
                Tally.count(ctx, period, "SELECT COUNT(DISTINCT person_id)" + from),
                Unit.PEOPLE));
        return results;
    }
}
