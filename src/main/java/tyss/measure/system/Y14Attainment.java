package tyss.measure.system;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
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
 * Y14 Educational attainment for the cohort: key stage 4 results of cohort members for the
 * academic year whose results are published in the period (an academic year 2025/26 is counted
 * when its results come out, taken as 15 August 2026): pupils with a result, mean Attainment 8
 * (DfE KS4 headline) and the share achieving grade 5 or above in English and maths.
 */
@Component
class Y14Attainment implements BoundedMeasure {

    @Override
    public String id() {
        return "Y14";
    }

    @Override
    public List<DatasetId> sources() {
        return List.of(DatasetId.of("schools/attainment"));
    }

    @Override
    public Set<String> figures() {
        return Set.of("mean_attainment8", "pct_eng_maths_grade5", "pupils_with_results");
    }

    @Override
    public List<MeasureResult> calculate(MeasureContext ctx, Period period) {
        Set<String> pupils = new HashSet<>();
        BigDecimal[] att8 = {BigDecimal.ZERO};
        long[] n = {0, 0, 0};
        ctx.jdbc()
                .sql(
                        "SELECT person_id, academic_year, measure, result_value FROM ds_schools_attainment WHERE key_stage = 'KS4' AND "
                                + Tally.inCohort(period))
                .query((rs, i) -> {
                    if (!period.contains(resultsDay(rs.getString(2)))) {
                        return null;
                    }
                    pupils.add(rs.getString(1));
                    if (rs.getString(3).equals("ATT8")) {
                        att8[0] = att8[0].add(rs.getBigDecimal(4));
                        n[0]++;
                    } else if (rs.getString(3).equals("ENG_MATHS_GRADE5")) {
                        n[1]++;
                        n[2] += rs.getBigDecimal(4).signum() > 0 ? 1 : 0;
                    }
                    return null;
                })
                .list();
        List<MeasureResult> results = new ArrayList<>();
        results.add(ctx.count(
                id(), "pupils_with_results", period, MeasureResult.ALL, MeasureResult.ALL, pupils.size(), Unit.PEOPLE));
        results.add(
                Tally.mean(ctx, id(), "mean_attainment8", period, MeasureResult.ALL, MeasureResult.ALL, att8[0], n[0]));
        results.add(
                ctx.percent(id(), "pct_eng_maths_grade5", period, MeasureResult.ALL, MeasureResult.ALL, n[2], n[1]));
        return results;
    }

    /** "2025/26" (or "2025-26") is published on 15 August 2026. */
    static LocalDate resultsDay(String academicYear) {
        try {
            return LocalDate.of(Integer.parseInt(academicYear.substring(0, 4)) + 1, 8, 15);
        } catch (RuntimeException e) {
            return LocalDate.MIN;
        }
    }
}
