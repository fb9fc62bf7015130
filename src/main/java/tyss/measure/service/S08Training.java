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
 * S08 Workforce training figures and longitudinal feedback on impact: sessions and attendees in
 * the period by audience, and mean self-rated confidence (0-10) before, straight after and at
 * follow-up, each over the sessions that recorded it.
 */
@Component
class S08Training implements BoundedMeasure {

    private static final String FROM = " FROM ds_tyss_training WHERE event_date BETWEEN ? AND ?";

    @Override
    public String id() {
        return "S08";
    }

    @Override
    public List<DatasetId> sources() {
        return List.of(DatasetId.of("tyss/training"));
    }

    @Override
    public Set<String> figures() {
        return Set.of(
                "attendees",
                "mean_change_before_to_after",
                "mean_change_before_to_followup",
                "mean_confidence_after",
                "mean_confidence_before",
                "mean_confidence_followup",
                "sessions");
    }

    @Override
    public List<MeasureResult> calculate(MeasureContext ctx, Period period) {
        List<MeasureResult> results = new ArrayList<>();
        results.add(ctx.count(
                id(),
                "sessions",
                period,
                MeasureResult.ALL,
                MeasureResult.ALL,
                Tally.count(ctx, period, "SELECT COUNT(*)" + FROM),
                Unit.EVENTS));
        results.add(ctx.count(
                id(),
                "attendees",
                period,
                MeasureResult.ALL,
                MeasureResult.ALL,
                Tally.count(ctx, period, "SELECT COALESCE(SUM(attendees), 0)" + FROM),
                Unit.PEOPLE));
        Tally.byGroup(ctx, period, "SELECT audience, SUM(attendees)" + FROM + " GROUP BY audience")
                .forEach((audience, n) ->
                        results.add(ctx.count(id(), "attendees", period, "audience", audience, n, Unit.PEOPLE)));
        Tally.byGroup(ctx, period, "SELECT audience, COUNT(*)" + FROM + " GROUP BY audience")
                .forEach((audience, n) ->
                        results.add(ctx.count(id(), "sessions", period, "audience", audience, n, Unit.EVENTS)));
        // paired: each session's change from before, over the sessions that recorded both
        for (String stage : List.of("after", "followup")) {
            String pair = " AND confidence_before IS NOT NULL AND confidence_" + stage + " IS NOT NULL";
            results.add(Tally.mean(
                    ctx,
                    id(),
                    "mean_change_before_to_" + stage,
                    period,
                    MeasureResult.ALL,
                    MeasureResult.ALL,
                    Tally.decimal(
                            ctx, period, "SELECT SUM(confidence_" + stage + " - confidence_before)" + FROM + pair),
                    Tally.count(ctx, period, "SELECT COUNT(*)" + FROM + pair)));
        }
        for (String stage : List.of("before", "after", "followup")) {
            String column = "confidence_" + stage;
            results.add(Tally.mean(
                    ctx,
                    id(),
                    "mean_confidence_" + stage,
                    period,
                    MeasureResult.ALL,
                    MeasureResult.ALL,
                    Tally.decimal(ctx, period, "SELECT SUM(" + column + ")" + FROM),
                    Tally.count(ctx, period, "SELECT COUNT(" + column + ")" + FROM)));
        }
        return results;
    }
}
