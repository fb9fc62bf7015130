package tyss.measure.system;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import tyss.contract.DatasetId;
import tyss.measure.BoundedMeasure;
import tyss.measure.MeasureContext;
import tyss.measure.MeasureResult;
import tyss.period.Period;

/** Y06 ASB data for the cohort: anti-social behaviour incidents linked to a young person in the period and the people involved, for the authority and the cohort, and the cohort's incidents and people by category (personal, nuisance, environmental). */
@Component
class Y06AntisocialBehaviour implements BoundedMeasure {

    @Override
    public String id() {
        return "Y06";
    }

    @Override
    public List<DatasetId> sources() {
        return List.of(DatasetId.of("police/asb"));
    }

    @Override
    public Set<String> figures() {
        return Set.of(
                "cohort_events",
                "cohort_people",
                "events",
                "events_per_100",
                "events_per_10000",
                "people",
                "people_per_100",
                "people_per_10000");
    }

    @Override
    public List<MeasureResult> calculate(MeasureContext ctx, Period period) {
        return PersonEvents.of(ctx, id(), period, "ds_police_asb", "incident_date", null, "category", "category", true);
    }
}
