package tyss.measure.system;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import tyss.measure.BoundedMeasure;
import tyss.measure.MeasureContext;
import tyss.measure.MeasureResult;
import tyss.measure.Period;
import tyss.measure.Tally;

/**
 * Y02 Missing episodes (incl looked-after children's unauthorised absences).
 *
 * <p>An episode counts in the period it starts in: police missing reports by {@code reported_at},
 * and SSDA903 Missing episodes by {@code MIS_START}, where {@code MISSING = M} is missing and
 * {@code A} is away from placement without authorisation (DfE SSDA903 guidance). People are
 * unique linked persons with at least one missing episode starting in the period; the cohort is
 * everyone referred to the TYSS by the end of the period. An episode with no end is still open and is counted.
 */
@Component
public class Y02MissingEpisodes implements BoundedMeasure {

    static final String ID = "Y02";
    /** Episodes starting in the period (each branch filtered on its own indexed date): four parameters, start and day after, twice. */
    private static final String EPISODES = "SELECT person_id, reported_at AS started, 'M' AS kind FROM ds_police_missing_reports "
            + "WHERE reported_at >= ? AND reported_at < ? "
            + "UNION ALL SELECT person_id, mis_start, missing FROM ds_social_care_cla_missing WHERE mis_start >= ? AND mis_start < ?";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<MeasureResult> calculate(MeasureContext ctx, Period period) {
        List<MeasureResult> results = new ArrayList<>();
        for (String population : List.of("authority", "cohort")) {
            String inCohort = population.equals("cohort")
                    ? " AND e." + Tally.inCohort(period) : "";
            long episodes = scalar(ctx, "SELECT COUNT(*) FROM (" + EPISODES + ") e WHERE e.kind = 'M'" + inCohort, period);
            long away = scalar(ctx, "SELECT COUNT(*) FROM (" + EPISODES + ") e WHERE e.kind = 'A'" + inCohort, period);
            long people = scalar(ctx, "SELECT COUNT(DISTINCT e.person_id) FROM (" + EPISODES + ") e WHERE e.kind = 'M'" + inCohort, period);
            results.add(ctx.count(ID, "episodes", period, "population", population, episodes, MeasureResult.Unit.EVENTS));
            results.add(ctx.count(ID, "away_episodes", period, "population", population, away, MeasureResult.Unit.EVENTS));
            results.add(ctx.count(ID, "people_missing", period, "population", population, people, MeasureResult.Unit.PEOPLE));
            if (population.equals("cohort")) {
                results.addAll(ctx.byCohortProfile(ID, "people_missing", period, ctx.jdbc().sql("SELECT DISTINCT e.person_id FROM (" + EPISODES
                        + ") e WHERE e.kind = 'M'" + inCohort).params(bounds(period)).query(String.class).list()));
            }
            results.add(ctx.figure(ID, "episodes_per_person", period, "population", population, java.math.BigDecimal.valueOf(episodes),
                    java.math.BigDecimal.valueOf(people), people == 0 ? null
                            : java.math.BigDecimal.valueOf(episodes).divide(java.math.BigDecimal.valueOf(people), 2, java.math.RoundingMode.HALF_UP),
                    MeasureResult.Unit.RATE));
        }
        return results;
    }

    /** Episodes start on a day; the end of the period is inclusive, so compare with the day after it. */
    private static long scalar(MeasureContext ctx, String sql, Period period) {
        return ctx.jdbc().sql(sql).params(bounds(period)).query(Long.class).single();
    }

    private static Object[] bounds(Period period) {
        Object start = period.start().atStartOfDay();
        Object dayAfter = period.end().plusDays(1).atStartOfDay();
        return new Object[] {start, dayAfter, start, dayAfter};
    }
}
