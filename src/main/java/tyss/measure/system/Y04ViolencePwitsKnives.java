package tyss.measure.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * Y04 Violence, PWITS and knife carrying for the cohort: police occurrences in the period where a
 * cohort member was suspect or offender, of violence ("Violence and sexual offences"), possession
 * with intent to supply (flagged PWITS) or knife and weapon (flagged knife, or "Possession of
 * weapons"), and the people involved. An occurrence can count under more than one heading. The
 * same from the youth justice service's offences (by offence date): violence, drugs supply
 * (PWITS) and weapons (or flagged knife or weapon), with the people.
 */
@Component
class Y04ViolencePwitsKnives implements BoundedMeasure {

    private static final String FROM =
            " FROM ds_police_crimes WHERE occurrence_date BETWEEN ? AND ? AND role IN ('suspect', 'offender') AND ";
    private static final Map<String, String> KINDS = Map.of(
            "violence", "crime_type = 'Violence and sexual offences'",
            "pwits", "pwits = 'Y'",
            "knife_or_weapon", "(knife = 'Y' OR crime_type = 'Possession of weapons')");
    private static final String YOT = " FROM ds_yot_offences WHERE offence_date BETWEEN ? AND ? AND ";
    private static final Map<String, String> YOT_KINDS = Map.of(
            "violence", "offence_category = 'violence'",
            "pwits", "offence_category = 'drugs_supply'",
            "knife_or_weapon", "(knife_or_weapon = 'Y' OR offence_category = 'weapons')");

    @Override
    public String id() {
        return "Y04";
    }

    @Override
    public List<DatasetId> sources() {
        return List.of(DatasetId.of("police/crimes"), DatasetId.of("yot/offences"));
    }

    @Override
    public Set<String> figures() {
        return Set.of("occurrences", "people", "yot_offences", "yot_people");
    }

    @Override
    public List<MeasureResult> calculate(MeasureContext ctx, Period period) {
        List<MeasureResult> results = new ArrayList<>();
        headings(ctx, period, FROM + Tally.inCohort(period), KINDS, "occurrences", "people", results);
        headings(ctx, period, YOT + Tally.inCohort(period), YOT_KINDS, "yot_offences", "yot_people", results);
        return results;
    }

    /** One source's events under any heading and the people, then its events under each heading. */
    private void headings(
            MeasureContext ctx,
            Period period,
            String from,
            Map<String, String> kinds,
            String events,
            String people,
            List<MeasureResult> results) {
        String any = String.join(" OR ", kinds.values());
        List<String> order = List.of("violence", "pwits", "knife_or_weapon");
        // all five in one read of the period's rows: each was a query of its own over the same rows
        StringBuilder sql = new StringBuilder("SELECT COUNT(*), COUNT(DISTINCT person_id)");
        order.forEach(
                kind -> sql.append(", COUNT(CASE WHEN ").append(kinds.get(kind)).append(" THEN 1 END)"));
        sql.append(from).append(" AND (").append(any).append(")");
        long[] n = ctx.jdbc()
                .sql(sql.toString())
                .params(period.start(), period.end())
                .query((rs, row) ->
                        new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)})
                .single();
        results.add(ctx.count(id(), events, period, MeasureResult.ALL, MeasureResult.ALL, n[0], Unit.EVENTS));
        results.add(ctx.count(id(), people, period, MeasureResult.ALL, MeasureResult.ALL, n[1], Unit.PEOPLE));
        for (int k = 0; k < order.size(); k++) {
            results.add(ctx.count(id(), events, period, "type", order.get(k), n[2 + k], Unit.EVENTS));
        }
    }
}
