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
 * S03 Activity reporting incl referrals for additional third party / council support: onward
 * referrals made in the period, by kind (third party or council) and service, and the share with
 * an outcome that were accepted (accepted / (accepted + declined); waiting is not yet an outcome); and by
 * outcome (accepted, declined, waiting, not recorded), whose accepted and declined cells are that share's
 * numerator and denominator, as {@code tyss.disclose.LinkedTables} tells the suppression.
 */
@Component
class S03OnwardReferrals implements BoundedMeasure {

    private static final String FROM = " FROM ds_tyss_onward_referrals WHERE event_date BETWEEN ? AND ?";

    @Override
    public String id() {
        return "S03";
    }

    @Override
    public List<DatasetId> sources() {
        return List.of(DatasetId.of("tyss/onward-referrals"));
    }

    @Override
    public Set<String> figures() {
        return Set.of("onward_referrals", "pct_accepted");
    }

    @Override
    public List<MeasureResult> calculate(MeasureContext ctx, Period period) {
        List<MeasureResult> results = new ArrayList<>();
        results.add(ctx.count(
                id(),
                "onward_referrals",
                period,
                MeasureResult.ALL,
                MeasureResult.ALL,
                Tally.count(ctx, period, "SELECT COUNT(*)" + FROM),
                Unit.EVENTS));
        Tally.byGroup(ctx, period, "SELECT kind, COUNT(*)" + FROM + " GROUP BY kind")
                .forEach((kind, n) ->
                        results.add(ctx.count(id(), "onward_referrals", period, "kind", kind, n, Unit.EVENTS)));
        Tally.byGroup(ctx, period, "SELECT service, COUNT(*)" + FROM + " GROUP BY service")
                .forEach((service, n) ->
                        results.add(ctx.count(id(), "onward_referrals", period, "service", service, n, Unit.EVENTS)));
        Tally.byGroup(ctx, period, "SELECT outcome, COUNT(*)" + FROM + " GROUP BY outcome")
                .forEach((outcome, n) ->
                        results.add(ctx.count(id(), "onward_referrals", period, "outcome", outcome, n, Unit.EVENTS)));
        long accepted = Tally.count(ctx, period, "SELECT COUNT(*)" + FROM + " AND outcome = 'accepted'");
        long decided = Tally.count(ctx, period, "SELECT COUNT(*)" + FROM + " AND outcome IN ('accepted', 'declined')");
        results.add(ctx.percent(id(), "pct_accepted", period, MeasureResult.ALL, MeasureResult.ALL, accepted, decided));
        return results;
    }
}
