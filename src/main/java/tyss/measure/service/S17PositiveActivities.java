package tyss.measure.service;

import java.util.List;

import org.springframework.stereotype.Component;

import tyss.measure.BoundedMeasure;
import tyss.measure.MeasureContext;
import tyss.measure.MeasureResult;
import tyss.measure.Period;

/** S17 Positive activity (incl volunteering) engagement figures and outcomes: started, completed or dropped in the period, and the young people taking part. */
@Component
public class S17PositiveActivities implements BoundedMeasure {

    @Override
    public String id() {
        return "S17";
    }

    @Override
    public List<MeasureResult> calculate(MeasureContext ctx, Period period) {
        return Activities.of(ctx, id(), period, "'positive_activity', 'volunteering'");
    }
}
