package tyss.measure.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
        // three reads of the period's rows, where each figure was a query of its own over the same rows
        long[] authority = ctx.jdbc()
                .sql("SELECT COUNT(*), COUNT(DISTINCT person_id)" + from + Population.AUTHORITY.and(period))
                .params(period.start(), period.end())
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        // the cohort's rows all have a person (the cohort test is on person_id), so by person they give all three
        Map<String, Long> byPerson = new TreeMap<>();
        ctx.jdbc()
                .sql("SELECT person_id, COUNT(*)" + from + Population.COHORT.and(period) + " GROUP BY person_id")
                .params(period.start(), period.end())
                .query(rs -> {
                    byPerson.put(rs.getString(1), rs.getLong(2));
                });
        long cohortEvents =
                byPerson.values().stream().mapToLong(Long::longValue).sum();
        for (Population p : Population.BOTH) {
            boolean cohort = p == Population.COHORT;
            results.add(ctx.count(
                    id,
                    "events",
                    period,
                    Population.BREAKDOWN,
                    p.cell,
                    cohort ? cohortEvents : authority[0],
                    Unit.EVENTS));
            results.add(ctx.count(
                    id,
                    "people",
                    period,
                    Population.BREAKDOWN,
                    p.cell,
                    cohort ? byPerson.size() : authority[1],
                    Unit.PEOPLE));
        }
        results.addAll(ctx.byCohortProfile(id, "people", period, new ArrayList<>(byPerson.keySet())));
        if (byColumn != null) {
            Map<String, long[]> groups = new TreeMap<>(); // cell -> {events, people}
            ctx.jdbc()
                    .sql("SELECT " + byColumn + ", COUNT(*), COUNT(DISTINCT person_id)" + from
                            + Population.COHORT.and(period) + " GROUP BY " + byColumn)
                    .params(period.start(), period.end())
                    .query(rs -> {
                        long[] g = groups.computeIfAbsent(
                                rs.getString(1) == null ? Tally.NOT_RECORDED : rs.getString(1), k -> new long[2]);
                        g[0] += rs.getLong(2);
                        g[1] += rs.getLong(3);
                    });
            groups.forEach(
                    (cell, n) -> results.add(ctx.count(id, "cohort_events", period, byName, cell, n[0], Unit.EVENTS)));
            if (peopleBy) {
                groups.forEach((cell, n) ->
                        results.add(ctx.count(id, "cohort_people", period, byName, cell, n[1], Unit.PEOPLE)));
            }
        }
        return results;
    }
}
