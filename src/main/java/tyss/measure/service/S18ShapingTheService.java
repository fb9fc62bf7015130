package tyss.measure.service;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import tyss.contract.DatasetId;
import tyss.measure.BoundedMeasure;
import tyss.measure.MeasureContext;
import tyss.measure.MeasureResult;
import tyss.period.Period;

/** S18 YP involvement and influence in shaping the service: shaping-the-service activities in the period and the young people taking part. */
@Component
class S18ShapingTheService implements BoundedMeasure {

    @Override
    public String id() {
        return "S18";
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
        return Activities.of(ctx, id(), period, "'shaping_service'");
    }
}
