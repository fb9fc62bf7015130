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
 * Y17 Area context (contextual safeguarding): data.police.uk street-level crimes in the period in
 * the authority's LSOAs (reference/localities), never linked to a person: violence, drugs, weapons
 * and anti-social behaviour, by type and by locality. Filtered by LSOA, not by reporting force.
 */
@Component
public class Y17AreaContext implements BoundedMeasure {

    private static final String FROM = " FROM ds_police_street_crime c JOIN ds_reference_localities l ON l.lsoa_code = c.lsoa_code "
            + "WHERE c.crime_month BETWEEN ? AND ? AND c.crime_type IN ('Violence and sexual offences', 'Drugs', 'Possession of weapons', "
            + "'Anti-social behaviour', 'Robbery')";

    @Override
    public String id() {
        return "Y17";
    }

    @Override
    public List<MeasureResult> calculate(MeasureContext ctx, Period period) {
        List<MeasureResult> results = new ArrayList<>();
        results.add(ctx.count(id(), "street_crimes", period, MeasureResult.ALL, MeasureResult.ALL, Tally.count(ctx, period, "SELECT COUNT(*)" + FROM),
                Unit.EVENTS));
        Tally.byGroup(ctx, period, "SELECT c.crime_type, COUNT(*)" + FROM + " GROUP BY c.crime_type")
                .forEach((type, n) -> results.add(ctx.count(id(), "street_crimes", period, "type", type, n, Unit.EVENTS)));
        Tally.byGroup(ctx, period, "SELECT l.locality, COUNT(*)" + FROM + " GROUP BY l.locality")
                .forEach((locality, n) -> results.add(ctx.count(id(), "street_crimes", period, "locality", locality, n, Unit.EVENTS)));
        return results;
    }
}
