package tyss.measure.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import tyss.contract.DatasetId;
import tyss.measure.BoundedMeasure;
import tyss.measure.MeasureContext;
import tyss.measure.MeasureResult;
import tyss.measure.MeasureResult.Unit;
import tyss.measure.Tally;
import tyss.period.Period;

/**
 * Y17 Area context (contextual safeguarding): data.police.uk street-level crimes in the period in
 * the authority's LSOAs (reference/localities), never linked to a person. The headline is the
 * seed's four kinds (violence and sexual offences, drugs, possession of weapons, anti-social
 * behaviour); every other type of the 14 is counted apart, so each crime is in exactly one figure
 * and each table adds up. Filtered by LSOA, not by reporting force: the rows outside the area, and
 * those with no location at all (data.police.uk leaves the LSOA blank), are counted as not counted.
 */
@Component
class Y17AreaContext implements BoundedMeasure {

    /** data.police.uk's crime types; the first four are the seed's area context. */
    static final List<String> CONTEXT_TYPES =
            List.of("Violence and sexual offences", "Drugs", "Possession of weapons", "Anti-social behaviour");

    static final List<String> OTHER_TYPES = List.of(
            "Bicycle theft",
            "Burglary",
            "Criminal damage and arson",
            "Other crime",
            "Other theft",
            "Public order",
            "Robbery",
            "Shoplifting",
            "Theft from the person",
            "Vehicle crime");

    private static final String IN_AREA =
            " FROM ds_police_street_crime c JOIN ds_reference_localities l ON l.lsoa_code = c.lsoa_code "
                    + "WHERE c.crime_month BETWEEN ? AND ?";
    private static final String CONTEXT = " AND c.crime_type IN (" + quoted(CONTEXT_TYPES) + ")";
    private static final String OTHER =
            " AND (c.crime_type IS NULL OR c.crime_type NOT IN (" + quoted(CONTEXT_TYPES) + "))";

    @Override
    public String id() {
        return "Y17";
    }

    @Override
    public List<DatasetId> sources() {
        return List.of(DatasetId.of("police/street-crime"), DatasetId.of("reference/localities"));
    }

    @Override
    public Set<String> figures() {
        return Set.of("area_context_crimes", "other_street_crimes", "street_crimes_not_counted");
    }

    @Override
    public List<MeasureResult> calculate(MeasureContext ctx, Period period) {
        List<MeasureResult> results = new ArrayList<>();
        figure(ctx, period, "area_context_crimes", CONTEXT, CONTEXT_TYPES, results);
        figure(ctx, period, "other_street_crimes", OTHER, OTHER_TYPES, results);
        long noLocation = Tally.count(
                ctx,
                period,
                "SELECT COUNT(*) FROM ds_police_street_crime WHERE crime_month BETWEEN ? AND ? "
                        + "AND (lsoa_code IS NULL OR lsoa_code = '')");
        long outside = Tally.count(
                ctx,
                period,
                "SELECT COUNT(*) FROM ds_police_street_crime c WHERE c.crime_month BETWEEN ? AND ? "
                        + "AND c.lsoa_code <> '' AND NOT EXISTS (SELECT 1 FROM ds_reference_localities l WHERE l.lsoa_code = c.lsoa_code)");
        results.add(ctx.count(
                id(),
                "street_crimes_not_counted",
                period,
                MeasureResult.ALL,
                MeasureResult.ALL,
                noLocation + outside,
                Unit.EVENTS));
        results.add(
                ctx.count(id(), "street_crimes_not_counted", period, "reason", "no location", noLocation, Unit.EVENTS));
        results.add(ctx.count(
                id(), "street_crimes_not_counted", period, "reason", "outside the area", outside, Unit.EVENTS));
        return results;
    }

    /** One figure's total, each of its types (0 where none was recorded, so every type shows) and its localities. */
    private void figure(
            MeasureContext ctx,
            Period period,
            String figure,
            String kinds,
            List<String> types,
            List<MeasureResult> results) {
        results.add(ctx.count(
                id(),
                figure,
                period,
                MeasureResult.ALL,
                MeasureResult.ALL,
                Tally.count(ctx, period, "SELECT COUNT(*)" + IN_AREA + kinds),
                Unit.EVENTS));
        Map<String, Long> byType = new TreeMap<>();
        types.forEach(t -> byType.put(t, 0L));
        byType.putAll(Tally.byGroup(
                ctx, period, "SELECT c.crime_type, COUNT(*)" + IN_AREA + kinds + " GROUP BY c.crime_type"));
        byType.forEach((type, n) -> results.add(ctx.count(id(), figure, period, "type", type, n, Unit.EVENTS)));
        Tally.byGroup(ctx, period, "SELECT l.locality, COUNT(*)" + IN_AREA + kinds + " GROUP BY l.locality")
                .forEach((locality, n) ->
                        results.add(ctx.count(id(), figure, period, "locality", locality, n, Unit.EVENTS)));
    }

    private static String quoted(List<String> values) {
        return String.join(", ", values.stream().map(v -> "'" + v + "'").toList());
    }
}
