package tyss.measure.service;

import java.util.List;

import org.springframework.stereotype.Component;

import tyss.measure.BoundedMeasure;
import tyss.measure.MeasureContext;
import tyss.measure.MeasureResult;
import tyss.measure.Period;

/** S15 EET engagement figures and outcomes: education, employment or training activities started, completed or dropped in the period, and the young people taking part. */
@Component
public class S15EetEngagement implements BoundedMeasure {

    @Override
    public String id() {
        return "S15";
    }

    @Override
    public List<MeasureResult> calculate(MeasureContext ctx, Period period) {
        return Activities.of(ctx, id(), period, "'eet'");
    }
}
