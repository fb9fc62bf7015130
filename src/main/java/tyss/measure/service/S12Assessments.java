package tyss.measure.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import tyss.contract.DatasetId;
import tyss.measure.Measure;
import tyss.measure.MeasureContext;
import tyss.measure.MeasureResult;
import tyss.measure.MeasureResult.Unit;
import tyss.measure.Tally;
import tyss.period.Period;

/**
 * S12 Assessments: young people allocated in the period, how many have had a first risk review
 * (the TYSS assessment) since, and the median days from allocation to that first review.
 */
@Component
class S12Assessments implements Measure {

    @Override
    public String id() {
        return "S12";
    }

    @Override
    public List<DatasetId> sources() {
        return List.of(DatasetId.of("tyss/risk-reviews"), DatasetId.of("tyss/referrals"));
    }

    @Override
    public Set<String> figures() {
        return Set.of("allocated", "median_days_to_assessment", "pct_assessed");
    }

    @Override
    public List<MeasureResult> calculate(MeasureContext ctx, Period period) {
        List<Double> days = new ArrayList<>();
        long[] allocated = {0};
        ctx.jdbc()
                .sql(
                        "SELECT r.allocated_date, (SELECT MIN(v.review_date) FROM ds_tyss_risk_reviews v WHERE v.person_id = r.person_id "
                                + "AND v.review_date >= r.allocated_date) FROM ds_tyss_referrals r WHERE r.allocated_date BETWEEN ? AND ?")
                .params(period.start(), period.end())
                .query((rs, n) -> {
                    allocated[0]++;
                    LocalDate first = rs.getObject(2, LocalDate.class);
                    if (first != null) {
                        days.add((double) (first.toEpochDay()
                                - rs.getObject(1, LocalDate.class).toEpochDay()));
                    }
                    return null;
                })
                .list();
        return List.of(
                ctx.count(id(), "allocated", period, MeasureResult.ALL, MeasureResult.ALL, allocated[0], Unit.PEOPLE),
                ctx.percent(
                        id(), "pct_assessed", period, MeasureResult.ALL, MeasureResult.ALL, days.size(), allocated[0]),
                ctx.figure(
                        id(),
                        "median_days_to_assessment",
                        period,
                        MeasureResult.ALL,
                        MeasureResult.ALL,
                        null,
                        null,
                        Tally.medianOf(days),
                        Unit.DAYS));
    }
}
