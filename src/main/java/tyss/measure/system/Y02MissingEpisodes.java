package tyss.measure.system;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import tyss.contract.DatasetId;
import tyss.measure.BoundedMeasure;
import tyss.measure.MeasureContext;
import tyss.measure.MeasureResult;
import tyss.measure.Tally;
import tyss.period.Period;

/**
 * Y02 Missing episodes (incl looked-after children's unauthorised absences).
 *
 * <p>An episode counts in the period it starts in: police missing reports by {@code reported_at},
 * and SSDA903 Missing episodes by {@code MIS_START}, where {@code MISSING = M} is missing and
 * {@code A} is away from placement without authorisation (DfE SSDA903 guidance), counted apart.
 * People are unique linked persons with at least one episode of the kind starting in the period:
 * missing, away, and missing or away (a child only ever away is in the last two). The cohort is
 * everyone referred to the TYSS by the end of the period. An episode with no end is still open and is counted.
 */
@Component
public class Y02MissingEpisodes implements BoundedMeasure {

    static final String ID = "Y02";
    /** Episodes starting in the period (each branch filtered on its own indexed date): four parameters, start and day after, twice. */
    private static final String EPISODES =
            "SELECT person_id, reported_at AS started, 'M' AS kind FROM ds_police_missing_reports "
                    + "WHERE reported_at >= ? AND reported_at < ? "
                    + "UNION ALL SELECT person_id, mis_start, missing FROM ds_social_care_cla_missing WHERE mis_start >= ? AND mis_start < ?";

    private static final String MISSING = " AND e.kind = 'M'";
    private static final String AWAY = " AND e.kind = 'A'";
    private static final String EITHER = " AND e.kind IN ('M', 'A')";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<DatasetId> sources() {
        return List.of(DatasetId.of("police/missing-reports"), DatasetId.of("social-care/cla-missing"));
    }

    @Override
    public Set<String> figures() {
        return Set.of(
                "away_episodes",
                "away_episodes_per_100",
                "away_episodes_per_10000",
                "missing_episodes",
                "missing_episodes_per_100",
                "missing_episodes_per_10000",
                "missing_episodes_per_person",
                "people_away",
                "people_away_per_100",
                "people_away_per_10000",
                "people_missing",
                "people_missing_or_away",
                "people_missing_or_away_per_100",
                "people_missing_or_away_per_10000",
                "people_missing_per_100",
                "people_missing_per_10000");
    }

    @Override
    public List<MeasureResult> calculate(MeasureContext ctx, Period period) {
        List<MeasureResult> results = new ArrayList<>();
        for (Population population : Population.BOTH) {
            String where = " WHERE 1 = 1" + (population == Population.COHORT ? " AND e." + Tally.inCohort(period) : "");
            // a query per figure on purpose: the five as conditional counts in one query made H2 look the union up once
            // per cohort member (--scale 10: over six minutes against seconds)
            long missing = scalar(ctx, "SELECT COUNT(*) FROM (" + EPISODES + ") e" + where + MISSING, period);
            long peopleMissing = scalar(
                    ctx, "SELECT COUNT(DISTINCT e.person_id) FROM (" + EPISODES + ") e" + where + MISSING, period);
            results.add(count(ctx, "missing_episodes", period, population, missing, MeasureResult.Unit.EVENTS));
            results.add(count(
                    ctx,
                    "away_episodes",
                    period,
                    population,
                    scalar(ctx, "SELECT COUNT(*) FROM (" + EPISODES + ") e" + where + AWAY, period),
                    MeasureResult.Unit.EVENTS));
            results.add(count(ctx, "people_missing", period, population, peopleMissing, MeasureResult.Unit.PEOPLE));
            results.add(count(
                    ctx,
                    "people_away",
                    period,
                    population,
                    scalar(ctx, "SELECT COUNT(DISTINCT e.person_id) FROM (" + EPISODES + ") e" + where + AWAY, period),
                    MeasureResult.Unit.PEOPLE));
            results.add(count(
                    ctx,
                    "people_missing_or_away",
                    period,
                    population,
                    scalar(
                            ctx,
                            "SELECT COUNT(DISTINCT e.person_id) FROM (" + EPISODES + ") e" + where + EITHER,
                            period),
                    MeasureResult.Unit.PEOPLE));
            if (population == Population.COHORT) {
                results.addAll(ctx.byCohortProfile(
                        ID,
                        "people_missing",
                        period,
                        ctx.jdbc()
                                .sql("SELECT DISTINCT e.person_id FROM (" + EPISODES + ") e" + where + MISSING)
                                .params(bounds(period))
                                .query(String.class)
                                .list()));
            }
            results.add(ctx.figure(
                    ID,
                    "missing_episodes_per_person",
                    period,
                    Population.BREAKDOWN,
                    population.cell,
                    BigDecimal.valueOf(missing),
                    BigDecimal.valueOf(peopleMissing),
                    peopleMissing == 0
                            ? null
                            : BigDecimal.valueOf(missing)
                                    .divide(BigDecimal.valueOf(peopleMissing), 2, RoundingMode.HALF_UP),
                    MeasureResult.Unit.RATE));
        }
        return results;
    }

    private static MeasureResult count(
            MeasureContext ctx, String figure, Period period, Population population, long n, MeasureResult.Unit unit) {
        return ctx.count(ID, figure, period, Population.BREAKDOWN, population.cell, n, unit);
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
