package tyss.measure.cohort;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tyss.measure.MeasureContext;
import tyss.measure.MeasureResult;
import tyss.measure.MeasureResult.Unit;
import tyss.measure.Period;

/**
 * Before and after, for the cohort: each young person's events in the 6 and 12 months before
 * their allocation to a TYSS worker against the same span after it, counting only people whose
 * after-span has fully elapsed by the end of the reporting quarter, with the number of people each
 * comparison rests on. Reported under each system measure that has person events.
 */
public final class BeforeAfter {

    /** The breakdown its results are stored under, apart from the measures' own. */
    public static final String BREAKDOWN = "before_after";

    /** Each system measure's person events: SQL returning (person_id, event date). */
    static final Map<String, String> EVENTS = events();

    private BeforeAfter() {
    }

    private static Map<String, String> events() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Y02", "SELECT person_id, CAST(reported_at AS DATE) FROM ds_police_missing_reports "
                + "UNION ALL SELECT person_id, mis_start FROM ds_social_care_cla_missing WHERE missing = 'M'");
        m.put("Y03", "SELECT person_id, offence_date FROM ds_yot_offences");
        m.put("Y04", "SELECT person_id, occurrence_date FROM ds_police_crimes WHERE role IN ('suspect', 'offender') AND "
                + "(crime_type = 'Violence and sexual offences' OR pwits = 'Y' OR knife = 'Y' OR crime_type = 'Possession of weapons')");
        m.put("Y05", "SELECT person_id, identified_date FROM ds_police_county_lines");
        m.put("Y06", "SELECT person_id, incident_date FROM ds_police_asb");
        m.put("Y12", "SELECT person_id, occurrence_date FROM ds_police_crimes WHERE exploitation = 'Y'");
        m.put("Y13", "SELECT person_id, startdate FROM ds_schools_exclusions WHERE category IN ('SUSP', 'PERM')");
        return m;
    }

    public static List<MeasureResult> compute(MeasureContext ctx) {
        Period quarter = Period.of(ctx.quarter());
        Map<String, LocalDate> allocated = new HashMap<>();
        ctx.jdbc().sql("SELECT person_id, MIN(allocated_date) FROM ds_tyss_referrals WHERE person_id IS NOT NULL AND allocated_date IS NOT NULL "
                + "GROUP BY person_id").query((rs, n) -> allocated.put(rs.getString(1), rs.getObject(2, LocalDate.class))).list();
        List<MeasureResult> results = new ArrayList<>();
        for (var source : EVENTS.entrySet()) {
            Map<String, List<LocalDate>> events = new HashMap<>();
            ctx.jdbc().sql("SELECT e.* FROM (" + source.getValue() + ") e").query((rs, n) -> {
                String person = rs.getString(1);
                if (person != null && allocated.containsKey(person)) {
                    events.computeIfAbsent(person, p -> new ArrayList<>()).add(rs.getObject(2, LocalDate.class));
                }
                return null;
            }).list();
            for (int months : List.of(6, 12)) {
                long people = 0;
                long before = 0;
                long after = 0;
                for (var a : allocated.entrySet()) {
                    LocalDate start = a.getValue();
                    if (start.plusMonths(months).isAfter(quarter.end())) {
                        continue; // the after-span has not fully elapsed
                    }
                    people++;
                    for (LocalDate d : events.getOrDefault(a.getKey(), List.of())) {
                        if (!d.isBefore(start.minusMonths(months)) && d.isBefore(start)) {
                            before++;
                        } else if (!d.isBefore(start) && d.isBefore(start.plusMonths(months))) {
                            after++;
                        }
                    }
                }
                results.add(ctx.count(source.getKey(), "people_" + months + "m", quarter, BREAKDOWN, MeasureResult.ALL, people, Unit.PEOPLE));
                results.add(ctx.count(source.getKey(), "before_" + months + "m_events", quarter, BREAKDOWN, MeasureResult.ALL, before, Unit.EVENTS));
                results.add(ctx.count(source.getKey(), "after_" + months + "m_events", quarter, BREAKDOWN, MeasureResult.ALL, after, Unit.EVENTS));
            }
        }
        return results;
    }
}
