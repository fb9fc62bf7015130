package tyss.measure.system;

import java.time.LocalDate;
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
 * Y01 Risk screening numbers and tiers: exploitation risk screenings completed in the period and
 * the young people screened, for the authority and the cohort, each by tier and by type (CCE, CSE,
 * both). As for every system measure, the breakdowns {@code tier} and {@code type} are the
 * cohort's; the whole authority's are {@code authority_tier} and {@code authority_type}. Seed
 * baseline: about 70 screening requests a month. And the proposal's coverage (S01 in MEASURES.md,
 * computed here from the screenings): of the young people screened at risk (any tier but none)
 * in the 12 months to the period's end, the share open to the TYSS at its end.
 */
@Component
class Y01RiskScreening implements BoundedMeasure {

    private static final String FROM =
            " FROM ds_social_care_exploitation_screenings WHERE screening_date BETWEEN ? AND ?";

    @Override
    public String id() {
        return "Y01";
    }

    @Override
    public List<DatasetId> sources() {
        return List.of(DatasetId.of("social-care/exploitation-screenings"));
    }

    @Override
    public Set<String> figures() {
        return Set.of(
                "pct_at_risk_open_to_tyss",
                "people_at_risk_12m",
                "people_screened",
                "people_screened_per_100",
                "people_screened_per_10000",
                "screenings",
                "screenings_per_100",
                "screenings_per_10000");
    }

    @Override
    public List<MeasureResult> calculate(MeasureContext ctx, Period period) {
        List<MeasureResult> results = new ArrayList<>();
        for (Population p : Population.BOTH) {
            results.add(ctx.count(
                    id(),
                    "screenings",
                    period,
                    Population.BREAKDOWN,
                    p.cell,
                    Tally.count(ctx, period, "SELECT COUNT(*)" + FROM + p.and(period)),
                    Unit.EVENTS));
            results.add(ctx.count(
                    id(),
                    "people_screened",
                    period,
                    Population.BREAKDOWN,
                    p.cell,
                    Tally.count(ctx, period, "SELECT COUNT(DISTINCT person_id)" + FROM + p.and(period)),
                    Unit.PEOPLE));
        }
        // the proposal's coverage: the TYSS working with 35-40% of the young people known to be at risk
        String atRisk =
                "SELECT COUNT(DISTINCT person_id) FROM ds_social_care_exploitation_screenings WHERE screening_date BETWEEN ? AND ? AND tier <> 'none'";
        LocalDate from = period.end().plusDays(1).minusYears(1);
        long screenedAtRisk = ctx.jdbc()
                .sql(atRisk)
                .params(from, period.end())
                .query(Long.class)
                .single();
        long openToTyss = ctx.jdbc()
                .sql(atRisk + " AND person_id IN (SELECT person_id FROM ds_tyss_referrals WHERE allocated_date <= ? "
                        + "AND (closed_date IS NULL OR closed_date > ?))")
                .params(from, period.end(), period.end(), period.end())
                .query(Long.class)
                .single();
        results.add(ctx.count(
                id(), "people_at_risk_12m", period, MeasureResult.ALL, MeasureResult.ALL, screenedAtRisk, Unit.PEOPLE));
        results.add(ctx.percent(
                id(),
                "pct_at_risk_open_to_tyss",
                period,
                MeasureResult.ALL,
                MeasureResult.ALL,
                openToTyss,
                screenedAtRisk));
        for (Population p : Population.BOTH) {
            String prefix = p == Population.AUTHORITY ? Population.AUTHORITY.cell + "_" : "";
            for (String column : List.of("tier", "type")) {
                Tally.byGroup(
                                ctx,
                                period,
                                "SELECT " + column + ", COUNT(*)" + FROM + p.and(period) + " GROUP BY " + column)
                        .forEach((cell, n) -> results.add(
                                ctx.count(id(), "screenings", period, prefix + column, cell, n, Unit.EVENTS)));
            }
        }
        return results;
    }
}
