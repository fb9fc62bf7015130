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
 * Y07 YOT involvement for the cohort: cohort members with a youth justice intervention open at any
 * time in the period (started by its end, not ended before its start), by type of intervention.
 */
@Component
class Y07YouthJusticeInvolvement implements BoundedMeasure {

    private static final String OPEN =
            " FROM ds_yot_interventions WHERE start_date <= ? AND (end_date IS NULL OR end_date >= ?) AND ";

    @Override
    public String id() {
        return "Y07";
    }

    @Override
    public List<DatasetId> sources() {
        return List.of(DatasetId.of("yot/interventions"));
    }

    @Override
    public Set<String> figures() {
        return Set.of("people_with_intervention");
    }

    @Override
    public List<MeasureResult> calculate(MeasureContext ctx, Period period) {
        List<MeasureResult> results = new ArrayList<>();
        String open = OPEN + Tally.inCohort(period);
        results.add(ctx.count(
                id(),
                "people_with_intervention",
                period,
                MeasureResult.ALL,
                MeasureResult.ALL,
                ctx.jdbc()
                        .sql("SELECT COUNT(DISTINCT person_id)" + open)
                        .params(period.end(), period.start())
                        .query(Long.class)
                        .single(),
                Unit.PEOPLE));
        ctx.jdbc()
                .sql("SELECT type, COUNT(DISTINCT person_id)" + open + " GROUP BY type ORDER BY type")
                .params(period.end(), period.start())
                .query((rs, n) -> results.add(ctx.count(
                        id(), "people_with_intervention", period, "type", rs.getString(1), rs.getLong(2), Unit.PEOPLE)))
                .list();
        results.addAll(ctx.byCohortProfile(
                id(),
                "people_with_intervention",
                period,
                ctx.jdbc()
                        .sql("SELECT DISTINCT person_id" + open)
                        .params(period.end(), period.start())
                        .query(String.class)
                        .list()));
        return results;
    }
}
