package tyss.measure.service;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import tyss.contract.DatasetId;
import tyss.measure.BoundedMeasure;
import tyss.measure.MeasureContext;
import tyss.measure.MeasureResult;
import tyss.period.Period;

/** S16 Engagement activity with schools / colleges: school or college engagement activities in the period, by outcome, and the young people taking part. */
@Component
class S16SchoolEngagement implements BoundedMeasure {

    @Override
    public String id() {
        return "S16";
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
        return Activities.of(ctx, id(), period, "'school_engagement'");
    }
}
