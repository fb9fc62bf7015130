package tyss.measure.service;

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
 * S14 Activity to create safer spaces / communities: contextual safeguarding assessments of places,
 * spaces, peer groups and schools made in the period, by subject; the share with a plan; and of
 * those assessed again, how many were judged lower risk after than before.
 */
@Component
class S14ContextAssessments implements BoundedMeasure {

    private static final String FROM = " FROM ds_tyss_context_assessments WHERE assessed_date BETWEEN ? AND ?";
    private static final String RANK =
            "CASE %s WHEN 'low' THEN 1 WHEN 'medium' THEN 2 WHEN 'high' THEN 3 WHEN 'very high' THEN 4 END";

    @Override
    public String id() {
        return "S14";
    }

    @Override
    public List<DatasetId> sources() {
        return List.of(DatasetId.of("tyss/context-assessments"));
    }

    @Override
    public Set<String> figures() {
        return Set.of("assessments", "pct_risk_reduced", "pct_with_plan");
    }

    @Override
    public List<MeasureResult> calculate(MeasureContext ctx, Period period) {
        List<MeasureResult> results = new ArrayList<>();
        long assessed = Tally.count(ctx, period, "SELECT COUNT(*)" + FROM);
        results.add(
                ctx.count(id(), "assessments", period, MeasureResult.ALL, MeasureResult.ALL, assessed, Unit.EVENTS));
        Tally.byGroup(ctx, period, "SELECT subject, COUNT(*)" + FROM + " GROUP BY subject")
                .forEach((subject, n) ->
                        results.add(ctx.count(id(), "assessments", period, "subject", subject, n, Unit.EVENTS)));
        results.add(ctx.percent(
                id(),
                "pct_with_plan",
                period,
                MeasureResult.ALL,
                MeasureResult.ALL,
                Tally.count(ctx, period, "SELECT COUNT(*)" + FROM + " AND plan_date IS NOT NULL"),
                assessed));
        long reassessed = Tally.count(
                ctx, period, "SELECT COUNT(*)" + FROM + " AND risk_before IS NOT NULL AND risk_after IS NOT NULL");
        long lower = Tally.count(
                ctx,
                period,
                "SELECT COUNT(*)" + FROM + " AND " + String.format(RANK, "risk_after") + " < "
                        + String.format(RANK, "risk_before"));
        results.add(
                ctx.percent(id(), "pct_risk_reduced", period, MeasureResult.ALL, MeasureResult.ALL, lower, reassessed));
        return results;
    }
}
