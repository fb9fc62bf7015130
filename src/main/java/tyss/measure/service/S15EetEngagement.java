package tyss.measure.service;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import tyss.contract.DatasetId;
import tyss.measure.BoundedMeasure;
import tyss.measure.MeasureContext;
import tyss.measure.MeasureResult;
import tyss.period.Period;

/** S15 EET engagement figures and outcomes: education, employment or training activities started, completed or dropped in the period, and the young people taking part. */
@Component
class S15EetEngagement implements BoundedMeasure {

    @Override
    public String id() {
        return "S15";
    }

    @Override
    public List<DatasetId> sources() {
        return List.of(DatasetId.of("tyss/activities"));
    }

    @Override
    public Set<String> figures() {
        return Set.of("activities", "young_people");
    }

    @Override
    public List<MeasureResult> calculate(MeasureContext ctx, Period period) {
        return Activities.of(ctx, id(), period, "'eet'");
    }
}
