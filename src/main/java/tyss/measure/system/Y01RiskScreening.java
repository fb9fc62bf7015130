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
 * the young people screened, for the authority and the cohort, by tier and by type (CCE, CSE,
 * both). Seed baseline: about 70 screening requests a month.
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
        Tally.byGroup(ctx, period, "SELECT tier, COUNT(*)" + FROM + " GROUP BY tier")
                .forEach((tier, n) -> results.add(ctx.count(id(), "screenings", period, "tier", tier, n, Unit.EVENTS)));
        Tally.byGroup(ctx, period, "SELECT type, COUNT(*)" + FROM + " GROUP BY type")
                .forEach((type, n) -> results.add(ctx.count(id(), "screenings", period, "type", type, n, Unit.EVENTS)));
        return results;
    }
}
