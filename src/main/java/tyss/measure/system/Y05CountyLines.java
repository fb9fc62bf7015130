package tyss.measure.system;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
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
 * Y05 County lines data for the cohort: identifications of young people as linked to a county line
 * in the period (events), the people, for the authority and the cohort, and the cohort's
 * identifications by line and as new (the young person's first identification on record) or
 * repeat; and the distinct lines young people of the authority were linked to in the period.
 * Seed baseline: about 80 lines into the county.
 */
@Component
class Y05CountyLines implements BoundedMeasure {

    private static final String FROM = " FROM ds_police_county_lines c WHERE c.identified_date BETWEEN ? AND ?";

    @Override
    public String id() {
        return "Y05";
    }

    @Override
    public List<DatasetId> sources() {
        return List.of(DatasetId.of("police/county-lines"));
    }

    @Override
    public Set<String> figures() {
        return Set.of(
                "cohort_events",
                "events",
                "events_per_100",
                "events_per_10000",
                "lines",
                "people",
                "people_per_100",
                "people_per_10000");
    }

    @Override
    public List<MeasureResult> calculate(MeasureContext ctx, Period period) {
        List<MeasureResult> results = new ArrayList<>(PersonEvents.of(
                ctx, id(), period, "ds_police_county_lines", "identified_date", null, "line_ref", "line"));
        long[] newAndRepeat = newAndRepeat(ctx, period);
        results.add(ctx.count(id(), "events", period, "identification", "new", newAndRepeat[0], Unit.EVENTS));
        results.add(ctx.count(id(), "events", period, "identification", "repeat", newAndRepeat[1], Unit.EVENTS));
        results.add(ctx.count(
                id(),
                "lines",
                period,
                MeasureResult.ALL,
                MeasureResult.ALL,
                Tally.count(
                        ctx,
                        period,
                        "SELECT COUNT(DISTINCT c.line_ref)" + FROM
                                + " AND c.line_ref IS NOT NULL AND c.line_ref <> ''"),
                Unit.EVENTS));
        return results;
    }

    /**
     * The cohort's identifications in the period that are the young person's first on record (an earlier day, or
     * earlier in the file on the same day, makes one a repeat), and the rest. Each person's first is found in one pass
     * over the table: as a correlated EXISTS per identification it read the table again for each (no person index, V7),
     * which grew with the square of the data.
     */
    private static long[] newAndRepeat(MeasureContext ctx, Period period) {
        Map<String, long[]> first = new HashMap<>(); // person -> {day, row} of their first identification
        ctx.jdbc()
                .sql("SELECT person_id, identified_date, row_id FROM ds_police_county_lines "
                        + "WHERE person_id IS NOT NULL AND identified_date IS NOT NULL")
                .query(rs -> {
                    long[] at = {rs.getObject(2, LocalDate.class).toEpochDay(), rs.getLong(3)};
                    first.merge(rs.getString(1), at, (a, b) -> Arrays.compare(a, b) <= 0 ? a : b);
                });
        long[] counts = new long[2];
        ctx.jdbc()
                .sql("SELECT c.person_id, c.identified_date, c.row_id" + FROM + " AND c." + Tally.inCohort(period))
                .params(period.start(), period.end())
                .query(rs -> {
                    long[] at = {rs.getObject(2, LocalDate.class).toEpochDay(), rs.getLong(3)};
                    counts[Arrays.equals(first.get(rs.getString(1)), at) ? 0 : 1]++;
                });
        return counts;
    }
}
