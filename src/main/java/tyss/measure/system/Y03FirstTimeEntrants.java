package tyss.measure.system;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

import org.springframework.stereotype.Component;

import tyss.contract.DatasetId;
import tyss.measure.BoundedMeasure;
import tyss.measure.MeasureContext;
import tyss.measure.MeasureResult;
import tyss.measure.MeasureResult.Unit;
import tyss.measure.Tally;
import tyss.period.Period;

/**
 * Y03 Criminal justice first and repeated contact for the cohort. First-time entrants (YJB/MoJ):
 * children aged 10-17 receiving their first youth caution or court sentence; here, from the youth
 * justice service's records, a first youth caution, youth conditional caution, referral order,
 * fine or discharge, youth rehabilitation order or custody dated in the period (community
 * resolutions, outcome 22 and no further action are not entries). Local records will not reconcile
 * to published PNC counts. Repeat contact: people with an offence in the period who had an earlier one.
 * From police data too: young people aged 10-17 whose first occurrence as suspect or offender
 * ending in a charge or caution is in the period. Police records show the charge, not the
 * sentence, so this is the police's view of first formal contact, not the YJB's count.
 */
@Component
class Y03FirstTimeEntrants implements BoundedMeasure {

    private static final String FORMAL =
            "'youth_caution', 'youth_conditional_caution', 'referral_order', 'fine_or_discharge', 'yro', 'custody'";

    @Override
    public String id() {
        return "Y03";
    }

    @Override
    public List<DatasetId> sources() {
        return List.of(DatasetId.of("yot/offences"), DatasetId.of("police/crimes"));
    }

    @Override
    public Set<String> figures() {
        return Set.of(
                "first_charge_or_caution_police",
                "first_charge_or_caution_police_per_100",
                "first_charge_or_caution_police_per_10000",
                "first_time_entrants",
                "first_time_entrants_per_100",
                "first_time_entrants_per_100000",
                "people_repeat_contact",
                "people_repeat_contact_per_100",
                "people_repeat_contact_per_10000");
    }

    @Override
    public List<MeasureResult> calculate(MeasureContext ctx, Period period) {
        // A person's first formal outcome is the same whichever population counts it, so each source is read once for
        // the authority and the cohort's figures are its people in the cohort: at --scale 100 these whole-table reads
        // were the largest measure's time, read twice a period.
        Set<String> cohort = Tally.cohortAt(ctx, period);
        List<String> entrants = firstTimeEntrants(ctx, period);
        List<String> police = firstPolice(ctx, period);
        List<MeasureResult> results = new ArrayList<>();
        for (Population p : Population.BOTH) {
            boolean inCohort = p == Population.COHORT;
            List<String> fte =
                    inCohort ? entrants.stream().filter(cohort::contains).toList() : entrants;
            results.add(ctx.count(
                    id(), "first_time_entrants", period, Population.BREAKDOWN, p.cell, fte.size(), Unit.PEOPLE));
            if (inCohort) {
                results.addAll(ctx.byCohortProfile(id(), "first_time_entrants", period, fte));
            }
            results.add(ctx.count(
                    id(),
                    "first_charge_or_caution_police",
                    period,
                    Population.BREAKDOWN,
                    p.cell,
                    inCohort ? police.stream().filter(cohort::contains).count() : police.size(),
                    Unit.PEOPLE));
            Set<String> repeat = new HashSet<>(ctx.jdbc()
                    .sql("SELECT DISTINCT o.person_id FROM ds_yot_offences o WHERE o.offence_date BETWEEN ? AND ? "
                            + "AND o.person_id IS NOT NULL AND EXISTS (SELECT 1 FROM ds_yot_offences e WHERE e.person_id = o.person_id "
                            + "AND e.offence_date < o.offence_date)"
                            + p.and(period).replace("person_id IN", "o.person_id IN"))
                    .params(period.start(), period.end())
                    .query(String.class)
                    .list());
            results.add(ctx.count(
                    id(), "people_repeat_contact", period, Population.BREAKDOWN, p.cell, repeat.size(), Unit.PEOPLE));
        }
        return results;
    }

    /** People whose first formal youth justice outcome by the period's end is in it, aged 17 or under then. */
    private static List<String> firstTimeEntrants(MeasureContext ctx, Period period) {
        return firsts(
                ctx,
                period,
                "SELECT person_id, outcome_date, birth_month FROM ds_yot_offences WHERE outcome IN (" + FORMAL
                        + ") AND person_id IS NOT NULL",
                age -> age <= 17);
    }

    /** People whose first police charge or caution as suspect or offender by the period's end is in it, aged 10-17 then. */
    private static List<String> firstPolice(MeasureContext ctx, Period period) {
        return firsts(
                ctx,
                period,
                "SELECT person_id, occurrence_date, birth_month FROM ds_police_crimes WHERE role IN ('suspect', 'offender') "
                        + "AND (LOWER(outcome) LIKE 'charged%' OR LOWER(outcome) LIKE '%caution%') AND person_id IS NOT NULL",
                age -> age >= 10 && age <= 17);
    }

    /**
     * People whose earliest dated row (person, date, month of birth) by the period's end falls in the period, and whose
     * age then passes {@code ageCounts} (an unknown month of birth counts: the age cannot rule them out).
     */
    private static List<String> firsts(MeasureContext ctx, Period period, String sql, IntPredicate ageCounts) {
        Map<String, LocalDate> first = new HashMap<>();
        Map<String, LocalDate> birth = new HashMap<>();
        ctx.jdbc().sql(sql).query(rs -> {
            LocalDate date = rs.getObject(2, LocalDate.class);
            if (Tally.byEnd(period, date)) {
                first.merge(rs.getString(1), date, (a, b) -> a.isBefore(b) ? a : b);
                if (rs.getObject(3, LocalDate.class) != null) {
                    birth.put(rs.getString(1), rs.getObject(3, LocalDate.class));
                }
            }
        });
        return first.entrySet().stream()
                .filter(e -> period.contains(e.getValue()))
                .filter(e ->
                        birth.get(e.getKey()) == null || ageCounts.test(ageOn(birth.get(e.getKey()), e.getValue())))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Age from the month of birth: the day is not kept, so a birthday is taken as the first of its month. */
    private static int ageOn(LocalDate birthMonth, LocalDate date) {
        return java.time.Period.between(birthMonth, date).getYears();
    }
}
