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
 * Y13 School inclusion data: suspensions and permanent exclusions starting in the period (school
 * census categories; legacy FIXD is loaded as SUSP), for the authority and the cohort; and
 * persistent absence (missing 10% or more of possible sessions) and severe absence (50% or more),
 * DfE definitions, over pupils whose attendance record ends in the period.
 */
@Component
class Y13SchoolInclusion implements BoundedMeasure {

    private static final String EXCLUSIONS = " FROM ds_schools_exclusions WHERE startdate BETWEEN ? AND ?";
    private static final String ATTENDANCE =
            " FROM ds_schools_attendance WHERE period_end BETWEEN ? AND ? AND sessions_possible > 0";
    private static final String ABSENT = "(sessions_authorised + sessions_unauthorised) * 100 >= sessions_possible * ";

    @Override
    public String id() {
        return "Y13";
    }

    @Override
    public List<DatasetId> sources() {
        return List.of(DatasetId.of("schools/exclusions"), DatasetId.of("schools/attendance"));
    }

    @Override
    public Set<String> figures() {
        return Set.of(
                "pct_persistent_absence",
                "pct_severe_absence",
                "permanent_exclusions",
                "permanent_exclusions_per_100",
                "permanent_exclusions_per_10000",
                "suspensions",
                "suspensions_per_100",
                "suspensions_per_10000");
    }

    @Override
    public List<MeasureResult> calculate(MeasureContext ctx, Period period) {
        List<MeasureResult> results = new ArrayList<>();
        for (Population p : Population.BOTH) {
            results.add(ctx.count(
                    id(),
                    "suspensions",
                    period,
                    Population.BREAKDOWN,
                    p.cell,
                    Tally.count(ctx, period, "SELECT COUNT(*)" + EXCLUSIONS + " AND category = 'SUSP'" + p.and(period)),
                    Unit.EVENTS));
            results.add(ctx.count(
                    id(),
                    "permanent_exclusions",
                    period,
                    Population.BREAKDOWN,
                    p.cell,
                    Tally.count(ctx, period, "SELECT COUNT(*)" + EXCLUSIONS + " AND category = 'PERM'" + p.and(period)),
                    Unit.EVENTS));
            long pupils = Tally.count(ctx, period, "SELECT COUNT(DISTINCT person_id)" + ATTENDANCE + p.and(period));
            results.add(ctx.percent(
                    id(),
                    "pct_persistent_absence",
                    period,
                    Population.BREAKDOWN,
                    p.cell,
                    Tally.count(
                            ctx,
                            period,
                            "SELECT COUNT(DISTINCT person_id)" + ATTENDANCE + " AND " + ABSENT + "10" + p.and(period)),
                    pupils));
            results.add(ctx.percent(
                    id(),
                    "pct_severe_absence",
                    period,
                    Population.BREAKDOWN,
                    p.cell,
                    Tally.count(
                            ctx,
                            period,
                            "SELECT COUNT(DISTINCT person_id)" + ATTENDANCE + " AND " + ABSENT + "50" + p.and(period)),
                    pupils));
        }
        return results;
    }
}
