package tyss.measure.system;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import tyss.measure.BoundedMeasure;
import tyss.measure.MeasureContext;
import tyss.measure.MeasureResult;
import tyss.measure.MeasureResult.Unit;
import tyss.measure.Period;
import tyss.measure.Tally;

/**
 * Y16 EET / NEET status: cohort members aged 16 or 17 with a post-16 activity record in the
 * period, by their latest recorded activity in it (EET, NEET, not known), and the share NEET or not
 * known (the DfE's combined measure).
 */
@Component
public class Y16EetStatus implements BoundedMeasure {

    @Override
    public String id() {
        return "Y16";
    }

    @Override
    public List<MeasureResult> calculate(MeasureContext ctx, Period period) {
        Map<String, String> latest = new TreeMap<>();
        ctx.jdbc().sql("SELECT person_id, activity FROM ds_schools_post16_activity WHERE activity_month BETWEEN ? AND ? AND " + Tally.inCohort(period)
                        + " ORDER BY person_id, activity_month")
                .params(period.start(), period.end()).query((rs, n) -> latest.put(rs.getString(1), rs.getString(2))).list();
        Map<String, Long> counts = new TreeMap<>(Map.of("EET", 0L, "NEET", 0L, "not_known", 0L));
        latest.values().forEach(a -> counts.merge(a, 1L, Long::sum));
        List<MeasureResult> results = new java.util.ArrayList<>();
        results.add(ctx.count(id(), "young_people", period, MeasureResult.ALL, MeasureResult.ALL, latest.size(), Unit.PEOPLE));
        counts.forEach((activity, n) -> results.add(ctx.count(id(), "young_people", period, "activity", activity, n, Unit.PEOPLE)));
        results.add(ctx.percent(id(), "pct_neet_or_not_known", period, MeasureResult.ALL, MeasureResult.ALL,
                counts.get("NEET") + counts.get("not_known"), latest.size()));
        return results;
    }
}
