package tyss.measure.system;

import java.time.LocalDate;
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
 * Y10 Social care interventions where CCE/CSE is a contributing factor: children in need
 * assessments starting in the period with CIN census factor 11A (child sexual exploitation) or 24A
 * (child criminal exploitation), and the children; also 10A (going missing), 12A (trafficking) and
 * 13A (gangs) shown on their own. DfE CIN census: 24A exists from the 2021-22 return, so for a
 * period starting earlier the figures resting on it have no value (a break in series, never a
 * zero). Legacy codes of earlier returns (18A, 19A) are accepted at ingest.
 */
@Component
public class Y10SocialCareFactors implements BoundedMeasure {

    /** The CIN census collects 24A from its 2021-22 return (REFERENCE-DEFINITIONS 3.1): assessments from 1 April 2021. */
    static final LocalDate FIRST_DAY_OF_24A = LocalDate.of(2021, 4, 1);

    private static final String FROM = " FROM ds_social_care_assessments WHERE assessment_start BETWEEN ? AND ?";
    /** An assessment with CCE or CSE as a factor, as SQL; the before and after counts them too. */
    public static final String CCE_OR_CSE_FACTOR = "(" + has("11A") + " OR " + has("24A") + ")";

    private static final String CCE_OR_CSE = " AND " + CCE_OR_CSE_FACTOR;

    @Override
    public String id() {
        return "Y10";
    }

    @Override
    public List<DatasetId> sources() {
        return List.of(DatasetId.of("social-care/assessments"));
    }

    @Override
    public Set<String> figures() {
        return Set.of(
                "assessments",
                "assessments_cce_cse",
                "assessments_cce_cse_per_100",
                "assessments_cce_cse_per_10000",
                "children_cce_cse",
                "children_cce_cse_per_100",
                "children_cce_cse_per_10000");
    }

    @Override
    public List<MeasureResult> calculate(MeasureContext ctx, Period period) {
        List<MeasureResult> results = new ArrayList<>();
        boolean before24A = period.start().isBefore(FIRST_DAY_OF_24A);
        for (Population p : Population.BOTH) {
            results.add(count(
                    ctx,
                    "assessments_cce_cse",
                    period,
                    Population.BREAKDOWN,
                    p.cell,
                    before24A ? null : Tally.count(ctx, period, "SELECT COUNT(*)" + FROM + CCE_OR_CSE + p.and(period)),
                    Unit.EVENTS));
            results.add(count(
                    ctx,
                    "children_cce_cse",
                    period,
                    Population.BREAKDOWN,
                    p.cell,
                    before24A
                            ? null
                            : Tally.count(
                                    ctx,
                                    period,
                                    "SELECT COUNT(DISTINCT person_id)" + FROM + CCE_OR_CSE + p.and(period)),
                    Unit.PEOPLE));
        }
        for (String factor : List.of("10A", "11A", "12A", "13A", "24A")) {
            results.add(count(
                    ctx,
                    "assessments",
                    period,
                    "factor",
                    factor,
                    factor.equals("24A") && before24A
                            ? null
                            : Tally.count(ctx, period, "SELECT COUNT(*)" + FROM + " AND " + has(factor)),
                    Unit.EVENTS));
        }
        return results;
    }

    /** A count, or no value where the period starts before 24A was collected: a break in series, never a zero. */
    private MeasureResult count(
            MeasureContext ctx, String figure, Period period, String breakdown, String cell, Long n, Unit unit) {
        return n == null
                ? ctx.figure(id(), figure, period, breakdown, cell, null, null, null, unit)
                : ctx.count(id(), figure, period, breakdown, cell, n, unit);
    }

    /** Factors are stored comma-joined; wrapping in commas matches whole codes only. */
    private static String has(String factor) {
        return "(',' || factors || ',') LIKE '%," + factor + ",%'";
    }
}
