package tyss.measure.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import tyss.measure.BoundedMeasure;
import tyss.measure.MeasureContext;
import tyss.measure.MeasureResult;
import tyss.measure.MeasureResult.Unit;
import tyss.measure.Period;

/**
 * S02 Risk level trajectory tracking: young people with a risk review in the period and at least
 * two reviews by its end; their first against their latest level: the shares reduced, the same and
 * increased. Levels rank low < medium < high < very high.
 */
@Component
public class S02RiskTrajectory implements BoundedMeasure {

    private static final List<String> LEVELS = List.of("low", "medium", "high", "very high");

    @Override
    public String id() {
        return "S02";
    }

    @Override
    public List<MeasureResult> calculate(MeasureContext ctx, Period period) {
        Map<String, List<String>> reviews = new LinkedHashMap<>();
        Map<String, Boolean> reviewedInPeriod = new TreeMap<>();
        ctx.jdbc().sql("SELECT person_id, review_date, risk_level FROM ds_tyss_risk_reviews WHERE review_date <= ? AND person_id IS NOT NULL "
                        + "ORDER BY person_id, review_date, row_id")
                .param(period.end()).query((rs, n) -> {
                    String person = rs.getString(1);
                    reviews.computeIfAbsent(person, p -> new ArrayList<>()).add(rs.getString(3));
                    reviewedInPeriod.merge(person, !rs.getDate(2).toLocalDate().isBefore(period.start()), Boolean::logicalOr);
                    return null;
                }).list();
        long tracked = 0;
        long reduced = 0;
        long same = 0;
        long increased = 0;
        for (var e : reviews.entrySet()) {
            if (e.getValue().size() < 2 || !reviewedInPeriod.get(e.getKey())) {
                continue;
            }
            tracked++;
            int change = LEVELS.indexOf(e.getValue().get(e.getValue().size() - 1)) - LEVELS.indexOf(e.getValue().get(0));
            if (change < 0) {
                reduced++;
            } else if (change == 0) {
                same++;
            } else {
                increased++;
            }
        }
        return List.of(
                ctx.count(id(), "young_people_tracked", period, MeasureResult.ALL, MeasureResult.ALL, tracked, Unit.PEOPLE),
                ctx.percent(id(), "pct_reduced", period, MeasureResult.ALL, MeasureResult.ALL, reduced, tracked),
                ctx.percent(id(), "pct_same", period, MeasureResult.ALL, MeasureResult.ALL, same, tracked),
                ctx.percent(id(), "pct_increased", period, MeasureResult.ALL, MeasureResult.ALL, increased, tracked));
    }
}
