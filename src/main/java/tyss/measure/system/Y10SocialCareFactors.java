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
 * Y10 Social care interventions where CCE/CSE is a contributing factor: children in need
 * assessments starting in the period with CIN census factor 11A (child sexual exploitation) or 24A
 * (child criminal exploitation), and the children; also 10A (going missing), 12A (trafficking) and
 * 13A (gangs) shown on their own. DfE CIN census: 24A exists from the 2021-22 return, so earlier
 * counts are a break in series, never a zero.
 */
@Component
public class Y10SocialCareFactors implements BoundedMeasure {

    private static final String FROM = " FROM ds_social_care_assessments WHERE assessment_start BETWEEN ? AND ?";
    private static final String CCE_OR_CSE = " AND (" + has("11A") + " OR " + has("24A") + ")";

    @Override
    public String id() {
        return "Y10";
    }

    @Override
    public List<MeasureResult> calculate(MeasureContext ctx, Period period) {
        List<MeasureResult> results = new ArrayList<>();
        for (Population p : Population.BOTH) {
            results.add(ctx.count(id(), "assessments_cce_cse", period, Population.BREAKDOWN, p.cell,
                    Tally.count(ctx, period, "SELECT COUNT(*)" + FROM + CCE_OR_CSE + p.and(period)), Unit.EVENTS));
            results.add(ctx.count(id(), "children_cce_cse", period, Population.BREAKDOWN, p.cell,
                    Tally.count(ctx, period, "SELECT COUNT(DISTINCT person_id)" + FROM + CCE_OR_CSE + p.and(period)), Unit.PEOPLE));
        }
        for (String factor : List.of("10A", "11A", "12A", "13A", "24A")) {
            results.add(ctx.count(id(), "assessments", period, "factor", factor,
                    Tally.count(ctx, period, "SELECT COUNT(*)" + FROM + " AND " + has(factor)), Unit.EVENTS));
        }
        return results;
    }

    /** Factors are stored comma-joined; wrapping in commas matches whole codes only. */
    private static String has(String factor) {
        return "(',' || factors || ',') LIKE '%," + factor + ",%'";
    }
}
