package tyss.measure.cohort;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.math3.distribution.TDistribution;
import org.springframework.jdbc.core.simple.JdbcClient;

import tyss.measure.Coverage;
import tyss.measure.MeasureContext;
import tyss.measure.MeasureResult;
import tyss.measure.MeasureResult.Unit;
import tyss.measure.system.Y09Disruption;
import tyss.measure.system.Y10SocialCareFactors;
import tyss.period.Period;

/**
 * Before and after, for the cohort: each young person's events in the 6 and 12 months before
 * their allocation to a TYSS worker against the same span after it, counting only people whose
 * after-span has fully elapsed by the end of the reporting quarter and whose two spans lie wholly
 * inside the months every source of the measure was observed over; with the number of people
 * each comparison rests on, how many were left out and why, and the mean change per person with
 * its paired 95% interval. Reported under each system measure that has person events.
 */
public final class BeforeAfter {

    /** The breakdown its results are stored under, apart from the measures' own. */
    public static final String BREAKDOWN = "before_after";

    /**
     * The counts a statistic of a span rests on ({@code change_6m_per_person} on {@code people_6m}
     * and the events before and after): with the mean and two of them a reader has the third, so
     * disclosure control withholds the span's statistics with any of them.
     */
    public static List<String> countsBehind(String statistic) {
        Matcher m = Pattern.compile("change_(\\d+m)_.*").matcher(statistic);
        if (!m.matches()) {
            return List.of();
        }
        String s = m.group(1);
        return List.of("people_" + s, "before_" + s + "_events", "after_" + s + "_events");
    }

    /**
     * Each system measure's person events: SQL returning (person_id, event date). Y07's figure is a
     * state (an intervention open in the period), and an order made before referral runs on after it
     * whatever the TYSS does, so its events are the interventions started; Y09's are disruption
     * actions and convictions (dated by the sentence), Y10's the assessments with CCE or CSE as a factor.
     */
    static final Map<String, String> EVENTS = events();

    private BeforeAfter() {}

    private static Map<String, String> events() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(
                "Y02",
                "SELECT person_id, CAST(reported_at AS DATE) FROM ds_police_missing_reports "
                        + "UNION ALL SELECT person_id, mis_start FROM ds_social_care_cla_missing WHERE missing = 'M'");
        m.put("Y03", "SELECT person_id, offence_date FROM ds_yot_offences");
        m.put(
                "Y04",
                "SELECT person_id, occurrence_date FROM ds_police_crimes WHERE role IN ('suspect', 'offender') AND "
                        + "(crime_type = 'Violence and sexual offences' OR pwits = 'Y' OR knife = 'Y' OR crime_type = 'Possession of weapons')");
        m.put("Y05", "SELECT person_id, identified_date FROM ds_police_county_lines");
        m.put("Y06", "SELECT person_id, incident_date FROM ds_police_asb");
        m.put("Y07", "SELECT person_id, start_date FROM ds_yot_interventions");
        m.put(
                "Y09",
                "SELECT person_id, action_date FROM ds_police_disruption "
                        + "UNION ALL SELECT person_id, outcome_date FROM ds_yot_offences WHERE "
                        + Y09Disruption.CONVICTED);
        m.put(
                "Y10",
                "SELECT person_id, assessment_start FROM ds_social_care_assessments WHERE "
                        + Y10SocialCareFactors.CCE_OR_CSE_FACTOR);
        m.put("Y12", "SELECT person_id, occurrence_date FROM ds_police_crimes WHERE exploitation = 'Y'");
        m.put("Y13", "SELECT person_id, startdate FROM ds_schools_exclusions WHERE category IN ('SUSP', 'PERM')");
        return m;
    }

    public static List<MeasureResult> compute(MeasureContext ctx, Coverage coverage) {
        Period quarter = Period.of(ctx.quarter());
        Map<String, LocalDate> allocated = allocations(ctx.jdbc());
        List<MeasureResult> results = new ArrayList<>();
        for (var source : EVENTS.entrySet()) {
            String id = source.getKey();
            Map<String, List<LocalDate>> events = events(ctx.jdbc(), source.getValue(), allocated);
            Optional<LocalDate[]> observed = observed(ctx, coverage, id);
            for (int months : List.of(6, 12)) {
                long before = 0;
                long after = 0;
                long notElapsed = 0;
                long unobserved = 0;
                List<Double> differences = new ArrayList<>();
                for (var a : allocated.entrySet()) {
                    LocalDate start = a.getValue();
                    switch (window(start, months, quarter, observed)) {
                        case NOT_ELAPSED -> notElapsed++;
                        case UNOBSERVED -> unobserved++;
                        case IN -> {
                            long[] c = count(events.getOrDefault(a.getKey(), List.of()), start, months);
                            before += c[0];
                            after += c[1];
                            differences.add((double) (c[1] - c[0]));
                        }
                    }
                }
                long people = differences.size();
                results.add(ctx.count(
                        id, "people_" + months + "m", quarter, BREAKDOWN, MeasureResult.ALL, people, Unit.PEOPLE));
                results.add(ctx.count(
                        id,
                        "before_" + months + "m_events",
                        quarter,
                        BREAKDOWN,
                        MeasureResult.ALL,
                        before,
                        Unit.EVENTS));
                results.add(ctx.count(
                        id, "after_" + months + "m_events", quarter, BREAKDOWN, MeasureResult.ALL, after, Unit.EVENTS));
                if (before > 0) {
                    // published, not worked out by each edition, so every figure the PDF prints is one the workbook
                    // holds (the intruder's audit)
                    results.add(ctx.figure(
                            id,
                            "change_" + months + "m_events_pct",
                            quarter,
                            BREAKDOWN,
                            MeasureResult.ALL,
                            BigDecimal.valueOf(after),
                            BigDecimal.valueOf(before),
                            BigDecimal.valueOf(100.0 * (after - before) / before)
                                    .setScale(1, RoundingMode.HALF_UP),
                            Unit.PERCENT));
                }
                results.add(ctx.count(
                        id,
                        "left_out_" + months + "m_unobserved",
                        quarter,
                        BREAKDOWN,
                        MeasureResult.ALL,
                        unobserved,
                        Unit.PEOPLE));
                results.add(ctx.count(
                        id,
                        "left_out_" + months + "m_not_elapsed",
                        quarter,
                        BREAKDOWN,
                        MeasureResult.ALL,
                        notElapsed,
                        Unit.PEOPLE));
                results.addAll(pairedChange(ctx, id, months, quarter, differences));
            }
        }
        return results;
    }

    /** Whether a young person's spans either side of allocation can be compared. */
    enum Window {
        IN,
        NOT_ELAPSED,
        UNOBSERVED
    }

    /**
     * IN when both spans lie wholly inside what every source was observed over and the span after
     * has elapsed by the quarter's end; months nobody observed are never counted as no events.
     */
    static Window window(LocalDate allocated, int months, Period quarter, Optional<LocalDate[]> observed) {
        LocalDate afterEnds = allocated.plusMonths(months);
        if (afterEnds.isAfter(quarter.end())) {
            return Window.NOT_ELAPSED;
        }
        if (observed.isEmpty()
                || allocated.minusMonths(months).isBefore(observed.get()[0])
                || afterEnds.minusDays(1).isAfter(observed.get()[1])) {
            return Window.UNOBSERVED;
        }
        return Window.IN;
    }

    /** The span every source of the measure was observed over, to the quarter's end. */
    static Optional<LocalDate[]> observed(MeasureContext ctx, Coverage coverage, String measureId) {
        return coverage.observed(ctx.model().measure(measureId).sources(), ctx.quarter());
    }

    /**
     * The mean change per young person (after less before) with its paired 95% interval,
     * mean +- t(n-1) x sd / sqrt(n); none for fewer than two people.
     */
    private static List<MeasureResult> pairedChange(
            MeasureContext ctx, String id, int months, Period quarter, List<Double> differences) {
        int n = differences.size();
        if (n < 2) {
            return List.of();
        }
        double sum = differences.stream().mapToDouble(Double::doubleValue).sum();
        double mean = sum / n;
        double var =
                differences.stream().mapToDouble(d -> (d - mean) * (d - mean)).sum() / (n - 1);
        double half = new TDistribution(n - 1).inverseCumulativeProbability(0.975) * Math.sqrt(var / n);
        BigDecimal total = BigDecimal.valueOf(sum).setScale(0, RoundingMode.HALF_UP);
        BigDecimal people = BigDecimal.valueOf(n);
        List<MeasureResult> results = new ArrayList<>();
        for (var f : List.of(
                List.of("change_" + months + "m_per_person", mean),
                List.of("change_" + months + "m_ci95_low", mean - half),
                List.of("change_" + months + "m_ci95_high", mean + half))) {
            results.add(ctx.figure(
                    id,
                    (String) f.get(0),
                    quarter,
                    BREAKDOWN,
                    MeasureResult.ALL,
                    total,
                    people,
                    BigDecimal.valueOf((Double) f.get(1)).setScale(3, RoundingMode.HALF_UP),
                    Unit.MEAN));
        }
        return results;
    }

    static Map<String, LocalDate> allocations(JdbcClient jdbc) {
        Map<String, LocalDate> allocated = new HashMap<>();
        jdbc.sql(
                        "SELECT person_id, MIN(allocated_date) FROM ds_tyss_referrals WHERE person_id IS NOT NULL AND allocated_date IS NOT NULL "
                                + "GROUP BY person_id")
                .query((rs, n) -> allocated.put(rs.getString(1), rs.getObject(2, LocalDate.class)))
                .list();
        return allocated;
    }

    /** Each listed person's event dates. */
    static Map<String, List<LocalDate>> events(JdbcClient jdbc, String sql, Map<String, LocalDate> people) {
        Map<String, List<LocalDate>> events = new HashMap<>();
        jdbc.sql("SELECT e.* FROM (" + sql + ") e")
                .query((rs, n) -> {
                    String person = rs.getString(1);
                    LocalDate day = rs.getObject(2, LocalDate.class);
                    if (person != null && day != null && people.containsKey(person)) {
                        events.computeIfAbsent(person, p -> new ArrayList<>()).add(day);
                    }
                    return null;
                })
                .list();
        return events;
    }

    /** A person's events in the span before allocation and the span after it. */
    static long[] count(List<LocalDate> events, LocalDate start, int months) {
        long[] c = new long[2];
        for (LocalDate d : events) {
            if (!d.isBefore(start.minusMonths(months)) && d.isBefore(start)) {
                c[0]++;
            } else if (!d.isBefore(start) && d.isBefore(start.plusMonths(months))) {
                c[1]++;
            }
        }
        return c;
    }
}
