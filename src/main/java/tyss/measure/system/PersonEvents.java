package tyss.measure.system;

import java.util.ArrayList;
import java.util.List;

import tyss.measure.MeasureContext;
import tyss.measure.MeasureResult;
import tyss.measure.MeasureResult.Unit;
import tyss.measure.Tally;
import tyss.period.Period;

/** The common shape of a system measure: events and people in the period, for the authority and the cohort, optionally by a column. */
final class PersonEvents {

    private PersonEvents() {}

    static List<MeasureResult> of(
            MeasureContext ctx,
            String id,
            Period period,
            String table,
            String dateColumn,
            String where,
            String byColumn,
            String byName) {
        return of(ctx, id, period, table, dateColumn, where, byColumn, byName, false);
    }

    /** As above, and with {@code peopleBy} the cohort's people by the column too (a person may be in several cells). */
    static List<MeasureResult> of(
            MeasureContext ctx,
            String id,
            Period period,
            String table,
            String dateColumn,
            String where,
            String byColumn,
            String byName,
            boolean peopleBy) {
        String from =
                " FROM " + table + " WHERE " + dateColumn + " BETWEEN ? AND ?" + (where == null ? "" : " AND " + where);
        List<MeasureResult> results = new ArrayList<>();
        for (Population p : Population.BOTH) {
            results.add(ctx.count(
                    id,
                    "events",
                    period,
                    Population.BREAKDOWN,
                    p.cell,
                    Tally.count(ctx, period, "SELECT COUNT(*)" + from + p.and(period)),
                    Unit.EVENTS));
            results.add(ctx.count(
                    id,
                    "people",
                    period,
                    Population.BREAKDOWN,
                    p.cell,
                    Tally.count(ctx, period, "SELECT COUNT(DISTINCT person_id)" + from + p.and(period)),
                    Unit.PEOPLE));
        }
        results.addAll(ctx.byCohortProfile(
                id,
                "people",
                period,
                ctx.jdbc()
                        .sql("SELECT DISTINCT person_id" + from + Population.COHORT.and(period))
                        .params(period.start(), period.end())
                        .query(String.class)
                        .list()));
        if (byColumn != null) {
            Tally.byGroup(
                            ctx,
                            period,
                            "SELECT " + byColumn + ", COUNT(*)" + from + Population.COHORT.and(period) + " GROUP BY "
                                    + byColumn)
                    .forEach((cell, n) ->
                            results.add(ctx.count(id, "cohort_events", period, byName, cell, n, Unit.EVENTS)));
            if (peopleBy) {
                Tally.byGroup(
                                ctx,
                                period,
                                "SELECT " + byColumn + ", COUNT(DISTINCT person_id)" + from
                                        + Population.COHORT.and(period) + " GROUP BY " + byColumn)
                        .forEach((cell, n) ->
                                results.add(ctx.count(id, "cohort_people", period, byName, cell, n, Unit.PEOPLE)));
            }
        }
        return results;
    }
}
