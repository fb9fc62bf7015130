package tyss.measure.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import tyss.contract.DatasetId;
import tyss.measure.Measure;
import tyss.measure.MeasureContext;
import tyss.measure.MeasureResult;
import tyss.measure.MeasureResult.Unit;
import tyss.period.Period;

/**
 * S13 Progress against distance-travelled tools: for each tool, young people whose latest score
 * falls in the period and who have an earlier one (a pair: first and latest), the mean change, and
 * the share with reliable improvement, reliable deterioration or no reliable change. Reliable change
 * (Jacobson and Truax 1991): a change larger than 1.96 x sqrt(2) x SD x sqrt(1 - reliability), taken
 * from the tools' published norms: SWEMWBS 3 points, WEMWBS 8, SDQ total difficulties 7 (lower is
 * better); Youth Star and AWBS have no published threshold here, so a local 5 points is used.
 * Scores are summed as decimals, so the mean never depends on the order people are read in.
 */
@Component
public class S13DistanceTravelled implements Measure {

    /** Reliable change threshold in raw points, and whether a lower score is better. */
    private record Threshold(double points, boolean lowerIsBetter) {}

    private static final Map<String, Threshold> THRESHOLDS = Map.of(
            "SWEMWBS",
            new Threshold(3, false),
            "WEMWBS",
            new Threshold(8, false),
            "SDQ",
            new Threshold(7, true),
            "YOUTH_STAR",
            new Threshold(5, false),
            "AWBS",
            new Threshold(5, false));

    @Override
    public String id() {
        return "S13";
    }

    @Override
    public List<DatasetId> sources() {
        return List.of(DatasetId.of("tyss/outcome-tools"));
    }

    @Override
    public Set<String> figures() {
        return Set.of(
                "mean_change",
                "pairs",
                "pct_no_reliable_change",
                "pct_reliable_deterioration",
                "pct_reliable_improvement");
    }

    @Override
    public List<MeasureResult> calculate(MeasureContext ctx, Period period) {
        Map<String, BigDecimal[]> firstAndLatest = new LinkedHashMap<>();
        Map<String, Integer> scores = new LinkedHashMap<>();
        Map<String, Boolean> latestInPeriod = new LinkedHashMap<>();
        ctx.jdbc()
                .sql(
                        "SELECT tool, person_id, assessment_date, score FROM ds_tyss_outcome_tools WHERE assessment_date <= ? AND person_id IS NOT NULL "
                                + "ORDER BY tool, person_id, assessment_date, row_id")
                .param(period.end())
                .query((rs, n) -> {
                    String key = rs.getString(1) + "|" + rs.getString(2);
                    BigDecimal score = rs.getBigDecimal(4);
                    firstAndLatest.computeIfAbsent(key, k -> new BigDecimal[] {score, score})[1] = score;
                    scores.merge(key, 1, Integer::sum);
                    latestInPeriod.put(key, !rs.getDate(3).toLocalDate().isBefore(period.start()));
                    return null;
                })
                .list();
        List<MeasureResult> results = new ArrayList<>();
        for (String tool : THRESHOLDS.keySet().stream().sorted().toList()) {
            Threshold t = THRESHOLDS.get(tool);
            long pairs = 0;
            long improved = 0;
            long worse = 0;
            BigDecimal change = BigDecimal.ZERO;
            for (var e : firstAndLatest.entrySet()) {
                if (!e.getKey().startsWith(tool + "|")
                        || scores.get(e.getKey()) < 2
                        || !latestInPeriod.get(e.getKey())) {
                    continue;
                }
                pairs++;
                BigDecimal diff = e.getValue()[1].subtract(e.getValue()[0]);
                change = change.add(diff);
                double better = (t.lowerIsBetter() ? diff.negate() : diff).doubleValue();
                if (better > t.points()) {
                    improved++;
                } else if (better < -t.points()) {
                    worse++;
                }
            }
            if (pairs == 0) {
                continue;
            }
            results.add(ctx.count(id(), "pairs", period, "tool", tool, pairs, Unit.PEOPLE));
            results.add(ctx.figure(
                    id(),
                    "mean_change",
                    period,
                    "tool",
                    tool,
                    change.setScale(1, RoundingMode.HALF_UP),
                    BigDecimal.valueOf(pairs),
                    change.divide(BigDecimal.valueOf(pairs), 1, RoundingMode.HALF_UP),
                    Unit.MEAN));
            results.add(ctx.percent(id(), "pct_reliable_improvement", period, "tool", tool, improved, pairs));
            results.add(ctx.percent(id(), "pct_reliable_deterioration", period, "tool", tool, worse, pairs));
            results.add(
                    ctx.percent(id(), "pct_no_reliable_change", period, "tool", tool, pairs - improved - worse, pairs));
        }
        return results;
    }
}
