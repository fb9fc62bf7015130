package tyss.measure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import tyss.period.Period;
import tyss.period.Quarter;

/**
 * What a measure may read: the store (through {@link JdbcClient}), the reporting quarter and the
 * logic model (for its definition version). The cohort of a period is every person with a TYSS
 * referral dated by its end ({@link Tally#inCohort}).
 */
public record MeasureContext(JdbcClient jdbc, Quarter quarter, LogicModel model, CohortProfile cohort) {

    public MeasureContext(JdbcClient jdbc, Quarter quarter, LogicModel model) {
        this(jdbc, quarter, model, new CohortProfile(jdbc));
    }

    public String versionOf(String measureId) {
        return model.measure(measureId).version();
    }

    /** A plain count. */
    public MeasureResult count(
            String measureId,
            String figure,
            Period period,
            String breakdown,
            String cell,
            long count,
            MeasureResult.Unit unit) {
        BigDecimal n = BigDecimal.valueOf(count);
        return new MeasureResult(measureId, figure, versionOf(measureId), period, breakdown, cell, n, null, n, unit);
    }

    /** A percentage, 100 * numerator / denominator to one decimal place; no value when the denominator is 0. */
    public MeasureResult percent(
            String measureId,
            String figure,
            Period period,
            String breakdown,
            String cell,
            long numerator,
            long denominator) {
        BigDecimal value = denominator == 0
                ? null
                : BigDecimal.valueOf(numerator * 100L).divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP);
        return new MeasureResult(
                measureId,
                figure,
                versionOf(measureId),
                period,
                breakdown,
                cell,
                BigDecimal.valueOf(numerator),
                BigDecimal.valueOf(denominator),
                value,
                MeasureResult.Unit.PERCENT);
    }

    /** Any other figure (rate, median, mean), with the numerator and denominator it rests on. */
    public MeasureResult figure(
            String measureId,
            String figure,
            Period period,
            String breakdown,
            String cell,
            BigDecimal numerator,
            BigDecimal denominator,
            BigDecimal value,
            MeasureResult.Unit unit) {
        return new MeasureResult(
                measureId, figure, versionOf(measureId), period, breakdown, cell, numerator, denominator, value, unit);
    }

    /** A figure's cohort members by strand, sex, ethnicity, locality, risk level and age band (see {@link CohortProfile}). */
    public List<MeasureResult> byCohortProfile(
            String measureId, String figure, Period period, Collection<String> personIds) {
        return cohort.breakdowns(this, measureId, figure, period, personIds);
    }

    /** The periods a quarterly report needs. */
    public List<Period> reportPeriods() {
        return Period.forReport(quarter);
    }
}
