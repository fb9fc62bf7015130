package tyss.measure.service;

import java.time.LocalDate;
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

/**
 * S11 Parental / family engagement numbers: contacts of type family in the period, and families
 * engaged, counted as the young people whose family had at least one such contact.
 */
@Component
class S11FamilyEngagement implements BoundedMeasure {

    private static final String FROM = " FROM ds_tyss_contacts WHERE contact_date BETWEEN ? AND ? AND type = 'family'";

    @Override
    public String id() {
        return "S11";
    }

    @Override
    public List<DatasetId> sources() {
        return List.of(DatasetId.of("tyss/contacts"), DatasetId.of("tyss/referrals"));
    }

    @Override
    public Set<String> figures() {
        return Set.of("families_engaged", "family_contacts", "median_days_family_engaged");
    }

    @Override
    public List<MeasureResult> calculate(MeasureContext ctx, Period period) {
        List<MeasureResult> results = new ArrayList<>();
        results.add(ctx.count(
                id(),
                "families_engaged",
                period,
                MeasureResult.ALL,
                MeasureResult.ALL,
                Tally.count(ctx, period, "SELECT COUNT(DISTINCT person_id)" + FROM),
                Unit.PEOPLE));
        results.add(ctx.count(
                id(),
                "family_contacts",
                period,
                MeasureResult.ALL,
                MeasureResult.ALL,
                Tally.count(ctx, period, "SELECT COUNT(*)" + FROM),
                Unit.EVENTS));
        // length: from a family's first family contact to its latest by the period's end, for the families engaged in
        // it
        results.add(ctx.figure(
                id(),
                "median_days_family_engaged",
                period,
                MeasureResult.ALL,
                MeasureResult.ALL,
                null,
                null,
                Tally.medianOf(ctx.jdbc()
                        .sql("SELECT MIN(contact_date), MAX(contact_date) FROM ds_tyss_contacts WHERE type = 'family' "
                                + "AND contact_date <= ? AND person_id IN (SELECT person_id" + FROM
                                + ") GROUP BY person_id")
                        .params(period.end(), period.start(), period.end())
                        .query((rs, n) ->
                                (double) (rs.getObject(2, LocalDate.class).toEpochDay()
                                        - rs.getObject(1, LocalDate.class).toEpochDay()))
                        .list()),
                Unit.DAYS));
        return results;
    }
}
