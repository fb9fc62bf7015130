package tyss.measure.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
                Tally.medianOf(daysEngaged(ctx, period)),
                Unit.DAYS));
        return results;
    }

    /**
     * Each family engaged in the period: days from its first family contact to its latest by the period's end
     * ({@link Tally#byEnd}: read as a scan, then tested).
     */
    private static List<Double> daysEngaged(MeasureContext ctx, Period period) {
        long start = period.start().toEpochDay();
        Map<String, long[]> families = new HashMap<>(); // person -> {first day, latest day, engaged in the period}
        ctx.jdbc()
                .sql(
                        "SELECT person_id, contact_date FROM ds_tyss_contacts WHERE type = 'family' AND person_id IS NOT NULL")
                .query(rs -> {
                    LocalDate contact = rs.getObject(2, LocalDate.class);
                    if (Tally.byEnd(period, contact)) {
                        long day = contact.toEpochDay();
                        long[] f = families.computeIfAbsent(rs.getString(1), p -> new long[] {day, day, 0});
                        f[0] = Math.min(f[0], day);
                        f[1] = Math.max(f[1], day);
                        f[2] |= day >= start ? 1 : 0;
                    }
                });
        List<Double> days = new ArrayList<>();
        families.values().stream().filter(f -> f[2] == 1).forEach(f -> days.add((double) (f[1] - f[0])));
        return days;
    }
}
