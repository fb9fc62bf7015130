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

/** S10 YP and stakeholder feedback: responses in the period by respondent, the mean score (1-5) and the share scoring 4 or 5. */
@Component
class S10Feedback implements BoundedMeasure {

    private static final String FROM = " FROM ds_tyss_feedback WHERE event_date BETWEEN ? AND ?";

    @Override
    public String id() {
        return "S10";
    }

    @Override
    public List<DatasetId> sources() {
        return List.of(DatasetId.of("tyss/feedback"));
    }

    @Override
    public Set<String> figures() {
        return Set.of("mean_score", "pct_4_or_5", "responses");
    }

    @Override
    public List<MeasureResult> calculate(MeasureContext ctx, Period period) {
        List<MeasureResult> results = new ArrayList<>();
        long responses = Tally.count(ctx, period, "SELECT COUNT(*)" + FROM);
        results.add(ctx.count(id(), "responses", period, MeasureResult.ALL, MeasureResult.ALL, responses, Unit.EVENTS));
        Tally.byGroup(ctx, period, "SELECT respondent, COUNT(*)" + FROM + " GROUP BY respondent")
                .forEach((who, n) ->
                        results.add(ctx.count(id(), "responses", period, "respondent", who, n, Unit.EVENTS)));
        results.add(Tally.mean(
                ctx,
                id(),
                "mean_score",
                period,
                MeasureResult.ALL,
                MeasureResult.ALL,
                Tally.decimal(ctx, period, "SELECT SUM(score)" + FROM),
                responses));
        results.add(ctx.percent(
                id(),
                "pct_4_or_5",
                period,
                MeasureResult.ALL,
                MeasureResult.ALL,
                Tally.count(ctx, period, "SELECT COUNT(*)" + FROM + " AND score >= 4"),
                responses));
        ctx.jdbc()
                .sql("SELECT respondent, COUNT(*), SUM(score), SUM(CASE WHEN score >= 4 THEN 1 ELSE 0 END)" + FROM
                        + " AND respondent IS NOT NULL GROUP BY respondent ORDER BY respondent")
                .params(period.start(), period.end())
                .query((rs, n) -> {
                    results.add(Tally.mean(
                            ctx,
                            id(),
                            "mean_score",
                            period,
                            "respondent",
                            rs.getString(1),
                            rs.getBigDecimal(3),
                            rs.getLong(2)));
                    results.add(ctx.percent(
                            id(), "pct_4_or_5", period, "respondent", rs.getString(1), rs.getLong(4), rs.getLong(2)));
                    return null;
                })
                .list();
        return results;
    }
}
