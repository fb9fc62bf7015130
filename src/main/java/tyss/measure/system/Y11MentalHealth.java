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
 * Y11 CYPMH interventions where CCE/CSE is a contributing factor: referrals to children and young
 * people's mental health services made in the period with exploitation recorded as a contributing
 * factor; how many were accepted; and how many of those have been seen (a first contact recorded).
 */
@Component
class Y11MentalHealth implements BoundedMeasure {

    private static final String FROM =
            " FROM ds_health_cypmh WHERE referral_date BETWEEN ? AND ? AND exploitation_factor = 'Y'";

    @Override
    public String id() {
        return "Y11";
    }

    @Override
    public List<DatasetId> sources() {
        return List.of(DatasetId.of("health/cypmh"));
    }

    @Override
    public Set<String> figures() {
        return Set.of(
                "accepted",
                "accepted_per_100",
                "accepted_per_10000",
                "referrals",
                "referrals_per_100",
                "referrals_per_10000",
                "seen",
                "seen_per_100",
                "seen_per_10000");
    }

    @Override
    public List<MeasureResult> calculate(MeasureContext ctx, Period period) {
        List<MeasureResult> results = new ArrayList<>();
        for (Population p : Population.BOTH) {
            results.add(ctx.count(
                    id(),
                    "referrals",
                    period,
                    Population.BREAKDOWN,
                    p.cell,
                    Tally.count(ctx, period, "SELECT COUNT(*)" + FROM + p.and(period)),
                    Unit.EVENTS));
            results.add(ctx.count(
                    id(),
                    "accepted",
                    period,
                    Population.BREAKDOWN,
                    p.cell,
                    Tally.count(ctx, period, "SELECT COUNT(*)" + FROM + " AND accepted = 'Y'" + p.and(period)),
                    Unit.EVENTS));
            results.add(ctx.count(
                    id(),
                    "seen",
                    period,
                    Population.BREAKDOWN,
                    p.cell,
                    Tally.count(
                            ctx,
                            period,
                            "SELECT COUNT(*)" + FROM + " AND accepted = 'Y' AND first_contact_date IS NOT NULL"
                                    + p.and(period)),
                    Unit.EVENTS));
        }
        return results;
    }
}
