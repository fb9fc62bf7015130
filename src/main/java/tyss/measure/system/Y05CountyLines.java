package tyss.measure.system;

import java.util.List;

import org.springframework.stereotype.Component;

import tyss.measure.BoundedMeasure;
import tyss.measure.MeasureContext;
import tyss.measure.MeasureResult;
import tyss.measure.Period;

/** Y05 County lines data for the cohort: identifications of young people as linked to a county line in the period (events), the people, for the authority and the cohort, and the cohort's identifications by line. Seed baseline: about 80 lines into the county. */
@Component
public class Y05CountyLines implements BoundedMeasure {

    @Override
    public String id() {
        return "Y05";
    }

    @Override
    public List<MeasureResult> calculate(MeasureContext ctx, Period period) {
        return PersonEvents.of(ctx, id(), period, "ds_police_county_lines", "identified_date", null, "line_ref", "line");
    }
}
