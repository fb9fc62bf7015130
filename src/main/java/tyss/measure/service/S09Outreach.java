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
 * S09 Community outreach and initiatives: detached youth work contacts, individuals and new
 * individuals in the period, as the sessions recorded them (a young person met in two sessions is
 * two individuals: the sessions' own counts are summed), by locality. Proposal: about 750 contacts
 * and 450 individuals a quarter.
 */
@Component
class S09Outreach implements BoundedMeasure {

    private static final String FROM = " FROM ds_tyss_outreach WHERE event_date BETWEEN ? AND ?";

    @Override
    public String id() {
        return "S09";
    }

    @Override
    public List<DatasetId> sources() {
        return List.of(DatasetId.of("tyss/outreach"));
    }

    @Override
    public Set<String> figures() {
        return Set.of("contacts", "individuals", "new_individuals");
    }

    @Override
    public List<MeasureResult> calculate(MeasureContext ctx, Period period) {
        List<MeasureResult> results = new ArrayList<>();
        for (String column : List.of("contacts", "individuals", "new_individuals")) {
            Unit unit = column.equals("contacts") ? Unit.EVENTS : Unit.PEOPLE;
            results.add(ctx.count(
                    id(),
                    column,
                    period,
                    MeasureResult.ALL,
                    MeasureResult.ALL,
                    Tally.count(ctx, period, "SELECT COALESCE(SUM(" + column + "), 0)" + FROM),
                    unit));
            Tally.byGroup(ctx, period, "SELECT locality, SUM(" + column + ")" + FROM + " GROUP BY locality")
                    .forEach((locality, n) ->
                            results.add(ctx.count(id(), column, period, "locality", locality, n, unit)));
        }
        return results;
    }
}
