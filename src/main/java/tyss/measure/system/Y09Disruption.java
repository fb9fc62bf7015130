package tyss.measure.system;

import java.util.List;

import org.springframework.stereotype.Component;

import tyss.measure.BoundedMeasure;
import tyss.measure.MeasureContext;
import tyss.measure.MeasureResult;
import tyss.measure.Period;

/** Y09 Disruption and conviction data: disruption actions in the period (child abduction warning notices, slavery and trafficking orders, NRM referrals, arrests, charges, convictions) and the young people they protected or concerned, by action. */
@Component
public class Y09Disruption implements BoundedMeasure {

    @Override
    public String id() {
        return "Y09";
    }

    @Override
    public List<MeasureResult> calculate(MeasureContext ctx, Period period) {
        return PersonEvents.of(ctx, id(), period, "ds_police_disruption", "action_date", null, "action", "action");
    }
}
