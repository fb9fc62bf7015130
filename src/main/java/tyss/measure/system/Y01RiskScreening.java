package tyss.measure.system;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import tyss.measure.BoundedMeasure;
import tyss.measure.MeasureContext;
import tyss.measure.MeasureResult;
import tyss.measure.MeasureResult.Unit;
import tyss.measure.Period;
import tyss.measure.Tally;

/**
 * Y01 Risk screening numbers and tiers: exploitation risk screenings completed in the period and
 * the young people screened, for the authority and the cohort, each by tier and by type (CCE, CSE,
 * both). As for every system measure, the breakdowns {@code tier} and {@code type} are the
 * cohort's; the whole authority's are {@code authority_tier} and {@code authority_type}. Seed
 * baseline: about 70 screening requests a month.
 */
@Component
public class Y01RiskScreening implements BoundedMeasure {

    private static final String FROM = " FROM ds_social_care_exploitation_screenings WHERE screening_date BETWEEN ? AND ?";

    @Override
    public String id() {
        return "Y01";
    }

    @Override
    public List<MeasureResult> calculate(MeasureContext ctx, Period period) {
        List<MeasureResult> results = new ArrayList<>();
        for (Population p : Population.BOTH) {
            results.add(ctx.count(id(), "screenings", period, Population.BREAKDOWN, p.cell,
                    Tally.count(ctx, period, "SELECT COUNT(*)" + FROM + p.and(period)), Unit.EVENTS));
            results.add(ctx.count(id(), "people_screened", period, Population.BREAKDOWN, p.cell,
                    Tally.count(ctx, period, "SELECT COUNT(DISTINCT person_id)" + FROM + p.and(period)), Unit.PEOPLE));
        }
        for (Population p : Population.BOTH) {
            String prefix = p == Population.AUTHORITY ? Population.AUTHORITY.cell + "_" : "";
            for (String column : List.of("tier", "type")) {
                Tally.byGroup(ctx, period, "SELECT " + column + ", COUNT(*)" + FROM + p.and(period) + " GROUP BY " + column)
                        .forEach((cell, n) -> results.add(ctx.count(id(), "screenings", period, prefix + column, cell, n, Unit.EVENTS)));
            }
        }
        return results;
    }
}
