package tyss.measure.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import tyss.contract.DatasetId;
import tyss.measure.BoundedMeasure;
import tyss.measure.MeasureContext;
import tyss.measure.MeasureResult;
import tyss.measure.MeasureResult.Unit;
import tyss.measure.Tally;
import tyss.period.Period;

/** S05 Joint working records: joint working with partners in the period, by partner, and young people it concerned. */
@Component
class S05JointWorking implements BoundedMeasure {

    private static final int RARE = 5;
    private static final String OTHER = "other (each written fewer than 6 times)";
    private static final String FROM = " FROM ds_tyss_joint_working WHERE event_date BETWEEN ? AND ?";

    @Override
    public String id() {
        return "S05";
    }

    @Override
    public List<DatasetId> sources() {
        return List.of(DatasetId.of("tyss/joint-working"));
    }

    @Override
    public Set<String> figures() {
        return Set.of("joint_working", "young_people");
    }

    @Override
    public List<MeasureResult> calculate(MeasureContext ctx, Period period) {
        List<MeasureResult> results = new ArrayList<>();
        results.add(ctx.count(
                id(),
                "joint_working",
                period,
                MeasureResult.ALL,
                MeasureResult.ALL,
                Tally.count(ctx, period, "SELECT COUNT(*)" + FROM),
                Unit.EVENTS));
        Tally.byGroup(ctx, period, "SELECT partner, COUNT(*)" + FROM + " GROUP BY partner")
                .forEach((partner, n) ->
                        results.add(ctx.count(id(), "joint_working", period, "partner", partner, n, Unit.EVENTS)));
        for (String column : List.of("activity", "outcome")) {
            // free text: a value written fewer than 6 times may be anything (a name), so it is not published as a label
            Map<String, Long> cells = new TreeMap<>();
            Tally.byGroup(ctx, period, "SELECT " + column + ", COUNT(*)" + FROM + " GROUP BY " + column)
                    .forEach((cell, n) -> cells.merge(n <= RARE ? OTHER : cell, n, Long::sum));
            cells.forEach(
                    (cell, n) -> results.add(ctx.count(id(), "joint_working", period, column, cell, n, Unit.EVENTS)));
        }
        results.add(ctx.count(
                id(),
                "young_people",
                period,
                MeasureResult.ALL,
                MeasureResult.ALL,
                Tally.count(ctx, period, "SELECT COUNT(DISTINCT person_id)" + FROM),
                Unit.PEOPLE));
        return results;
    }
}
