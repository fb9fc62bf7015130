package tyss.measure.system;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

import tyss.contract.DatasetId;
import tyss.measure.BoundedMeasure;
import tyss.measure.MeasureContext;
import tyss.measure.MeasureResult;
import tyss.measure.MeasureResult.Unit;
import tyss.measure.Tally;
import tyss.period.Period;

/**
 * Y16 EET / NEET status, by the DfE's definition (REFERENCE-DEFINITIONS 4.5): cohort members of
 * academic age 16 or 17 (age on the 31 August before the month's academic year) with a post-16
 * activity record. Each month's activity is the last recorded in it. Young people are counted
 * once, by their activity in the latest month used; the share "NEET or not known" is the DfE's:
 * the months' NEET-or-not-known numbers over the months' 16-17 year olds, so an average of the
 * months. The months used are those of the period, except for the 12 months, whose figure is the
 * DfE's annual one: December, January and February. Without a month of birth the academic age is
 * unknown: those young people are counted apart, not guessed.
 */
@Component
class Y16EetStatus implements BoundedMeasure {

    private static final Set<Month> ANNUAL_MONTHS = Set.of(Month.DECEMBER, Month.JANUARY, Month.FEBRUARY);

    @Override
    public String id() {
        return "Y16";
    }

    @Override
    public List<DatasetId> sources() {
        return List.of(DatasetId.of("schools/post16-activity"));
    }

    @Override
    public Set<String> figures() {
        return Set.of("pct_neet_or_not_known", "young_people", "young_people_not_counted");
    }

    @Override
    public List<MeasureResult> calculate(MeasureContext ctx, Period period) {
        // person -> month -> activity, the last row of a month winning
        Map<String, TreeMap<LocalDate, String>> byPerson = new TreeMap<>();
        Set<String> ageUnknown = new TreeSet<>();
        ctx.jdbc()
                .sql("SELECT a.person_id, a.activity_month, a.activity, COALESCE(a.birth_month, "
                        + "(SELECT MIN(r.birth_month) FROM ds_tyss_referrals r WHERE r.person_id = a.person_id)) "
                        + "FROM ds_schools_post16_activity a WHERE a.activity_month BETWEEN ? AND ? AND a."
                        + Tally.inCohort(period)
                        + " ORDER BY a.person_id, a.activity_month, a.row_id")
                .params(period.start(), period.end())
                .query((rs, n) -> {
                    LocalDate month = rs.getObject(2, LocalDate.class);
                    LocalDate birth = rs.getObject(4, LocalDate.class);
                    if (!used(period, month)) {
                        return null;
                    }
                    if (birth == null) {
                        ageUnknown.add(rs.getString(1));
                    } else if (academicAge(birth, month) == 16 || academicAge(birth, month) == 17) {
                        byPerson.computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
                                .put(month, rs.getString(3));
                    }
                    return null;
                })
                .list();
        Map<String, Long> counts = new LinkedHashMap<>(Map.of("EET", 0L, "NEET", 0L, "not_known", 0L));
        long personMonths = 0;
        long neetOrNotKnownMonths = 0;
        for (TreeMap<LocalDate, String> months : byPerson.values()) {
            counts.merge(months.lastEntry().getValue(), 1L, Long::sum);
            personMonths += months.size();
            neetOrNotKnownMonths +=
                    months.values().stream().filter(a -> !a.equals("EET")).count();
        }
        List<MeasureResult> results = new ArrayList<>();
        results.add(ctx.count(
                id(), "young_people", period, MeasureResult.ALL, MeasureResult.ALL, byPerson.size(), Unit.PEOPLE));
        new TreeMap<>(counts)
                .forEach((activity, n) ->
                        results.add(ctx.count(id(), "young_people", period, "activity", activity, n, Unit.PEOPLE)));
        results.add(ctx.percent(
                id(),
                "pct_neet_or_not_known",
                period,
                MeasureResult.ALL,
                MeasureResult.ALL,
                neetOrNotKnownMonths,
                personMonths));
        long noBirthMonth =
                ageUnknown.stream().filter(p -> !byPerson.containsKey(p)).count();
        results.add(ctx.count(
                id(),
                "young_people_not_counted",
                period,
                MeasureResult.ALL,
                MeasureResult.ALL,
                noBirthMonth,
                Unit.PEOPLE));
        results.add(ctx.count(
                id(), "young_people_not_counted", period, "reason", "no month of birth", noBirthMonth, Unit.PEOPLE));
        return results;
    }

    private static boolean used(Period period, LocalDate month) {
        return period.kind() != Period.Kind.ROLLING_12_MONTHS || ANNUAL_MONTHS.contains(month.getMonth());
    }

    /** Age on the 31 August before the academic year (September to August) the month is in; the birthday taken as the first of its month. */
    static int academicAge(LocalDate birthMonth, LocalDate month) {
        int year = month.getMonthValue() >= 9 ? month.getYear() : month.getYear() - 1;
        return java.time.Period.between(birthMonth, LocalDate.of(year, 8, 31)).getYears();
    }
}
