package tyss.measure.system;

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
import tyss.period.Period;

/**
 * Y15 Transitional safeguarding: cohort members turning 18 in the period (from the month of birth,
 * the birthday taken as the first of the month); of them, those still open to the TYSS at their
 * birthday, and those with an onward referral to adult services or the leaving care service.
 */
@Component
class Y15TransitionalSafeguarding implements Measure {

    @Override
    public String id() {
        return "Y15";
    }

    @Override
    public List<DatasetId> sources() {
        return List.of(DatasetId.of("tyss/referrals"), DatasetId.of("tyss/onward-referrals"));
    }

    @Override
    public Set<String> figures() {
        return Set.of("adult_or_leaving_care_referral", "open_at_18", "turning_18");
    }

    @Override
    public List<MeasureResult> calculate(MeasureContext ctx, Period period) {
        long[] counts = {0, 0, 0};
        ctx.jdbc()
                .sql(
                        "SELECT r.person_id, MIN(r.birth_month), MIN(r.allocated_date), MAX(CASE WHEN r.closed_date IS NULL THEN 1 ELSE 0 END), "
                                + "MAX(r.closed_date), (SELECT COUNT(*) FROM ds_tyss_onward_referrals o WHERE o.person_id = r.person_id "
                                + "AND (LOWER(o.service) LIKE '%adult%' OR LOWER(o.service) LIKE '%leaving care%')) "
                                + "FROM ds_tyss_referrals r WHERE r.person_id IS NOT NULL AND r.birth_month IS NOT NULL GROUP BY r.person_id "
                                + "HAVING MIN(r.referral_date) <= ?")
                .param(period.end())
                .query((rs, n) -> {
                    LocalDate eighteenth = rs.getObject(2, LocalDate.class).plusYears(18);
                    if (!period.contains(eighteenth)) {
                        return null;
                    }
                    counts[0]++;
                    LocalDate allocated = rs.getObject(3, LocalDate.class);
                    LocalDate closed = rs.getObject(5, LocalDate.class);
                    boolean open = allocated != null
                            && !allocated.isAfter(eighteenth)
                            && (rs.getInt(4) == 1 || closed.isAfter(eighteenth));
                    counts[1] += open ? 1 : 0;
                    counts[2] += rs.getLong(6) > 0 ? 1 : 0;
                    return null;
                })
                .list();
        List<MeasureResult> results = new ArrayList<>();
        results.add(
                ctx.count(id(), "turning_18", period, MeasureResult.ALL, MeasureResult.ALL, counts[0], Unit.PEOPLE));
        results.add(
                ctx.count(id(), "open_at_18", period, MeasureResult.ALL, MeasureResult.ALL, counts[1], Unit.PEOPLE));
        results.add(ctx.count(
                id(),
                "adult_or_leaving_care_referral",
                period,
                MeasureResult.ALL,
                MeasureResult.ALL,
                counts[2],
                Unit.PEOPLE));
        return results;
    }
}
