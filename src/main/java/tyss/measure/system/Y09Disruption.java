package tyss.measure.system;

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
 * Y09 Disruption and conviction data: disruption actions in the period (child abduction warning
 * notices, slavery and trafficking orders, NRM referrals, arrests, charges, convictions) and the
 * young people they protected or concerned, by action; and, from the youth justice service's
 * offences, convictions: court sentences (referral order, fine or discharge, youth rehabilitation
 * order, custody) dated in the period, and the young people convicted, for the authority and the cohort.
 */
@Component
public class Y09Disruption implements BoundedMeasure {

    /** The youth justice outcomes that are convictions (court sentences), as SQL; the before and after counts them too. */
    public static final String CONVICTED = "outcome IN ('referral_order', 'fine_or_discharge', 'yro', 'custody')";

    private static final String CONVICTIONS =
            " FROM ds_yot_offences WHERE outcome_date BETWEEN ? AND ? AND " + CONVICTED;

    @Override
    public String id() {
        return "Y09";
    }

    @Override
    public List<DatasetId> sources() {
        return List.of(DatasetId.of("police/disruption"), DatasetId.of("yot/offences"));
    }

    @Override
    public Set<String> figures() {
        return Set.of(
                "cohort_events",
                "convictions",
                "convictions_per_100",
                "convictions_per_10000",
                "events",
                "events_per_100",
                "events_per_10000",
                "people",
                "people_convicted",
                "people_convicted_per_100",
                "people_convicted_per_10000",
                "people_per_100",
                "people_per_10000");
    }

    @Override
    public List<MeasureResult> calculate(MeasureContext ctx, Period period) {
        List<MeasureResult> results = new ArrayList<>(
                PersonEvents.of(ctx, id(), period, "ds_police_disruption", "action_date", null, "action", "action"));
        for (Population p : Population.BOTH) {
            results.add(ctx.count(
                    id(),
                    "convictions",
                    period,
                    Population.BREAKDOWN,
                    p.cell,
                    Tally.count(ctx, period, "SELECT COUNT(*)" + CONVICTIONS + p.and(period)),
                    Unit.EVENTS));
            results.add(ctx.count(
                    id(),
                    "people_convicted",
                    period,
                    Population.BREAKDOWN,
                    p.cell,
                    Tally.count(ctx, period, "SELECT COUNT(DISTINCT person_id)" + CONVICTIONS + p.and(period)),
                    Unit.PEOPLE));
        }
        return results;
    }
}
