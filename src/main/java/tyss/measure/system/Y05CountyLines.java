package tyss.measure.system;

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
 * Y05 County lines data for the cohort: identifications of young people as linked to a county line
 * in the period (events), the people, for the authority and the cohort, and the cohort's
 * identifications by line and as new (the young person's first identification on record) or
 * repeat; and the distinct lines young people of the authority were linked to in the period.
 * Seed baseline: about 80 lines into the county.
 */
@Component
class Y05CountyLines implements BoundedMeasure {

    private static final String FROM = " FROM ds_police_county_lines c WHERE c.identified_date BETWEEN ? AND ?";
    /** An identification with an earlier one of the same young person (on an earlier day, or earlier in the file on the same day). */
    private static final String EARLIER =
            "EXISTS (SELECT 1 FROM ds_police_county_lines e WHERE e.person_id = c.person_id "
                    + "AND (e.identified_date < c.identified_date OR e.identified_date = c.identified_date AND e.row_id < c.row_id))";

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
        String cohort = " AND c." + Tally.inCohort(period);
        results.add(ctx.count(
                id(),
                "events",
                period,
                "identification",
                "new",
                Tally.count(ctx, period, "SELECT COUNT(*)" + FROM + cohort + " AND NOT " + EARLIER),
                Unit.EVENTS));
        results.add(ctx.count(
                id(),
                "events",
                period,
                "identification",
                "repeat",
                Tally.count(ctx, period, "SELECT COUNT(*)" + FROM + cohort + " AND " + EARLIER),
                Unit.EVENTS));
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
}
