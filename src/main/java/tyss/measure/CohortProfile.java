package tyss.measure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;

import tyss.period.Period;

/**
 * Who the cohort's young people are, for breaking down any figure that counts them: strand, sex,
 * ethnicity, locality and risk level as recorded at each young person's first TYSS referral, and
 * age band at the end of the period (from the month of birth). Each young person falls in exactly
 * one cell of each breakdown ("not recorded" where the referral left it blank), so the cells add up
 * to the figure's cohort total. Read once per run, on first use.
 */
public final class CohortProfile {

    /** Breakdown name → column of {@code ds_tyss_referrals}; age band is worked out, not stored. */
    static final Map<String, String> COLUMNS = columns();

    public static final String AGE_BAND = "age_band";

    private final JdbcClient jdbc;
    private Map<String, Profile> people;

    private record Profile(Map<String, String> cells, LocalDate birthMonth, LocalDate firstReferral) {}

    public CohortProfile(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static Map<String, String> columns() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("strand", "strand");
        m.put("sex", "sex");
        m.put("ethnicity", "ethnicity");
        m.put("locality", "locality");
        m.put("risk_level", "risk_at_referral");
        return m;
    }

    /**
     * The figure's count of cohort members by each characteristic; people outside the cohort as it
     * stood at the end of the period (not referred by then) are ignored.
     */
    public List<MeasureResult> breakdowns(
            MeasureContext ctx, String measureId, String figure, Period period, Collection<String> personIds) {
        Map<String, Map<String, Long>> tables = new LinkedHashMap<>();
        for (String breakdown : COLUMNS.keySet()) {
            tables.put(breakdown, new TreeMap<>());
        }
        tables.put(AGE_BAND, new TreeMap<>());
        Map<String, Profile> cohort = people();
        for (String id : new HashSet<>(personIds)) {
            Profile p = cohort.get(id);
            if (p == null || p.firstReferral().isAfter(period.end())) {
                continue;
            }
            p.cells().forEach((breakdown, cell) -> tables.get(breakdown).merge(cell, 1L, Long::sum));
            String band = p.birthMonth() == null
                    ? Tally.NOT_RECORDED
                    : ageBand(java.time.Period.between(p.birthMonth(), period.end())
                            .getYears());
            tables.get(AGE_BAND).merge(band, 1L, Long::sum);
        }
        List<MeasureResult> results = new ArrayList<>();
        tables.forEach((breakdown, cells) -> cells.forEach((cell, n) ->
                results.add(ctx.count(measureId, figure, period, breakdown, cell, n, MeasureResult.Unit.PEOPLE))));
        return results;
    }

    /** Age bands used across the reports: under 10, 10-13, 14-15, 16-17, 18+. */
    public static String ageBand(int age) {
        return age < 10 ? "under 10" : age <= 13 ? "10-13" : age <= 15 ? "14-15" : age <= 17 ? "16-17" : "18+";
    }

    private synchronized Map<String, Profile> people() {
        if (people == null) {
            Map<String, Profile> first = new HashMap<>();
            jdbc.sql("SELECT person_id, " + String.join(", ", COLUMNS.values())
                            + ", birth_month, referral_date FROM ds_tyss_referrals "
                            + "WHERE person_id IS NOT NULL ORDER BY person_id, referral_date, row_id")
                    .query((rs, n) -> {
                        if (!first.containsKey(rs.getString(1))) {
                            Map<String, String> cells = new LinkedHashMap<>();
                            int column = 2;
                            for (String breakdown : COLUMNS.keySet()) {
                                String v = rs.getString(column++);
                                cells.put(breakdown, v == null || v.isBlank() ? Tally.NOT_RECORDED : v);
                            }
                            first.put(
                                    rs.getString(1),
                                    new Profile(
                                            cells,
                                            rs.getObject(column, LocalDate.class),
                                            rs.getObject(column + 1, LocalDate.class)));
                        }
                        return null;
                    })
                    .list();
            people = first;
        }
        return people;
    }
}
