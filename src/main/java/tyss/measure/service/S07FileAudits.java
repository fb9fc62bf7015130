package tyss.measure.service;

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

/** S07 YP file audits and case studies: case file audits in the period by grade, and the share graded good or outstanding. */
@Component
class S07FileAudits implements BoundedMeasure {

    private static final String FROM = " FROM ds_tyss_file_audits WHERE audit_date BETWEEN ? AND ?";

    @Override
    public String id() {
        return "S07";
    }

    @Override
    public List<DatasetId> sources() {
        return List.of(DatasetId.of("tyss/file-audits"));
    }

    @Override
    public Set<String> figures() {
        return Set.of("audits", "pct_good_or_better");
    }

    @Override
    public List<MeasureResult> calculate(MeasureContext ctx, Period period) {
        List<MeasureResult> results = new ArrayList<>();
        long audits = Tally.count(ctx, period, "SELECT COUNT(*)" + FROM);
        results.add(ctx.count(id(), "audits", period, MeasureResult.ALL, MeasureResult.ALL, audits, Unit.EVENTS));
        Tally.byGroup(ctx, period, "SELECT grade, COUNT(*)" + FROM + " GROUP BY grade")
                .forEach((grade, n) -> results.add(ctx.count(id(), "audits", period, "grade", grade, n, Unit.EVENTS)));
        long good = Tally.count(ctx, period, "SELECT COUNT(*)" + FROM + " AND grade IN ('good', 'outstanding')");
        results.add(
                ctx.percent(id(), "pct_good_or_better", period, MeasureResult.ALL, MeasureResult.ALL, good, audits));
        return results;
    }
}
