package tyss.measure.cohort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import org.springframework.jdbc.core.simple.JdbcClient;

import tyss.measure.CohortProfile;
import tyss.measure.Coverage;
import tyss.measure.LogicModel;
import tyss.output.SafeText;
import tyss.period.Quarter;

/**
 * The evaluators' analysis extract: one row per allocated cohort member (pseudonymous person id)
 * with allocation date, strand, age band, sex, ethnicity, locality and the before/after counts of
 * each system measure's events, plus a data dictionary and the matched comparison's pairs with their covariates. Unsuppressed: for a secure analysis
 * environment only, never part of the commissioners' edition; its name and first line say so.
 */
public final class AnalysisExtract {

    static final String WARNING =
            "# UNSUPPRESSED PSEUDONYMOUS RECORD-LEVEL DATA: for a secure analysis environment only; never circulate";

    private AnalysisExtract() {}

    public static List<Path> write(JdbcClient jdbc, Quarter quarter, Path outDir, LogicModel model, Coverage coverage) {
        Map<String, Optional<LocalDate[]>> observed = new HashMap<>();
        BeforeAfter.EVENTS
                .keySet()
                .forEach(id ->
                        observed.put(id, coverage.observed(model.measure(id).sources(), quarter)));
        Map<String, Object[]> people = new TreeMap<>();
        jdbc.sql(
                        "SELECT person_id, MIN(allocated_date), MIN(strand), MIN(birth_month), MIN(sex), MIN(ethnicity), MIN(locality) "
                                + "FROM ds_tyss_referrals WHERE person_id IS NOT NULL AND allocated_date IS NOT NULL GROUP BY person_id")
                .query((rs, n) -> people.put(rs.getString(1), new Object[] {
                    rs.getObject(2, LocalDate.class),
                    rs.getString(3),
                    rs.getObject(4, LocalDate.class),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7)
                }))
                .list();
        List<String> header = new ArrayList<>(List.of(
                "person_id", "allocated_date", "strand", "age_band_at_allocation", "sex", "ethnicity", "locality"));
        Map<String, Map<String, long[]>> counts = new HashMap<>();
        for (var source : BeforeAfter.EVENTS.entrySet()) {
            for (int months : List.of(6, 12)) {
                header.add(source.getKey() + "_before_" + months + "m");
                header.add(source.getKey() + "_after_" + months + "m");
            }
            jdbc.sql("SELECT e.* FROM (" + source.getValue() + ") e")
                    .query((rs, n) -> {
                        Object[] person = people.get(rs.getString(1));
                        if (person != null) {
                            LocalDate allocated = (LocalDate) person[0];
                            LocalDate day = rs.getObject(2, LocalDate.class);
                            long[] c = counts.computeIfAbsent(rs.getString(1), p -> new HashMap<>())
                                    .computeIfAbsent(source.getKey(), k -> new long[4]);
                            for (int i = 0; i < 2; i++) {
                                int months = i == 0 ? 6 : 12;
                                if (!day.isBefore(allocated.minusMonths(months)) && day.isBefore(allocated)) {
                                    c[i * 2]++;
                                } else if (!day.isBefore(allocated) && day.isBefore(allocated.plusMonths(months))) {
                                    c[i * 2 + 1]++;
                                }
                            }
                        }
                        return null;
                    })
                    .list();
        }
        Path extract = outDir.resolve("tyss-analysis-extract-" + quarter.slug() + "-internal.csv");
        Path dictionary = outDir.resolve("tyss-analysis-extract-" + quarter.slug() + "-dictionary.csv");
        try {
            Files.createDirectories(outDir);
            try (Writer out = Files.newBufferedWriter(extract, StandardCharsets.UTF_8);
                    ICSVWriter csv =
                            new CSVWriterBuilder(out).withLineEnd("\r\n").build()) {
                out.write(WARNING + "\r\n");
                csv.writeNext(header.toArray(String[]::new), false);
                for (var p : people.entrySet()) {
                    Object[] v = p.getValue();
                    LocalDate allocated = (LocalDate) v[0];
                    List<String> row = new ArrayList<>(List.of(
                            p.getKey(),
                            allocated.toString(),
                            text(v[1]),
                            v[2] == null
                                    ? ""
                                    : CohortProfile.ageBand(Period.between((LocalDate) v[2], allocated)
                                            .getYears()),
                            text(v[3]),
                            text(v[4]),
                            text(v[5])));
                    for (String id : BeforeAfter.EVENTS.keySet()) {
                        long[] c = counts.getOrDefault(p.getKey(), Map.of()).getOrDefault(id, new long[4]);
                        for (int i = 0; i < 2; i++) {
                            int months = i == 0 ? 6 : 12;
                            // a span nobody observed (before the data began, or after it ends) is unknown, never 0
                            var span = observed.get(id);
                            boolean beforeSeen = span.isPresent()
                                    && !allocated.minusMonths(months).isBefore(span.get()[0]);
                            boolean afterSeen = span.isPresent()
                                    && !allocated.plusMonths(months).isAfter(quarter.end())
                                    && !allocated
                                            .plusMonths(months)
                                            .minusDays(1)
                                            .isAfter(span.get()[1]);
                            row.add(beforeSeen ? String.valueOf(c[i * 2]) : "");
                            row.add(afterSeen ? String.valueOf(c[i * 2 + 1]) : "");
                        }
                    }
                    csv.writeNext(row.toArray(String[]::new), false);
                }
            }
            try (Writer out = Files.newBufferedWriter(dictionary, StandardCharsets.UTF_8);
                    ICSVWriter csv =
                            new CSVWriterBuilder(out).withLineEnd("\r\n").build()) {
                csv.writeNext(new String[] {"column", "meaning"}, false);
                csv.writeNext(
                        new String[] {
                            "person_id",
                            "pseudonymous person id (keyed hash); the same person in every extract made with the same key"
                        },
                        false);
                csv.writeNext(new String[] {"allocated_date", "first allocation to a TYSS worker"}, false);
                csv.writeNext(new String[] {"strand", "call-in, detached or missing-rhi"}, false);
                csv.writeNext(
                        new String[] {"age_band_at_allocation", "10-13, 14-15, 16-17, 18+ (from the month of birth)"},
                        false);
                csv.writeNext(
                        new String[] {
                            "sex, ethnicity, locality",
                            "as recorded on the TYSS referral (ethnicity as DfE major groups)"
                        },
                        false);
                for (String id : BeforeAfter.EVENTS.keySet()) {
                    csv.writeNext(
                            new String[] {
                                id + "_before_6m, " + id + "_after_6m (and 12m)",
                                "events counted for measure " + id
                                        + " in the 6 (12) months before allocation and after it; blank (unknown, not 0) where that span has not fully elapsed "
                                        + "or reaches outside the months the measure's sources were received for"
                            },
                            false);
                }
            }
            Path pairs = outDir.resolve("tyss-analysis-extract-" + quarter.slug() + "-matched-pairs-internal.csv");
            writePairs(pairs, MatchedComparison.match(jdbc, quarter, model, coverage));
            try (Writer out = Files.newBufferedWriter(dictionary, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                    ICSVWriter csv =
                            new CSVWriterBuilder(out).withLineEnd("\r\n").build()) {
                csv.writeNext(
                        new String[] {
                            "matched pairs file",
                            "one row per matched pair per system measure and span: the cohort member and "
                                    + "their comparison (screened, never referred), each one's index date (allocation; first screening), logit of the "
                                    + "propensity score, covariates as matched on (blank where that matching left the covariate out) and events in the "
                                    + "span before and after"
                        },
                        false);
            }
            return List.of(extract, dictionary, pairs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The matched pairs with what they were matched on: for re-analysis in the secure environment. */
    private static void writePairs(Path file, List<MatchedComparison.Match> matches) throws IOException {
        List<String> covariates = new ArrayList<>();
        matches.forEach(m ->
                m.covariates().stream().filter(c -> !covariates.contains(c)).forEach(covariates::add));
        List<String> header = new ArrayList<>(List.of(
                "measure_id",
                "span_months",
                "cohort_person_id",
                "comparison_person_id",
                "cohort_index_date",
                "comparison_index_date",
                "cohort_logit",
                "comparison_logit"));
        for (String c : covariates) {
            header.add("cohort_" + c);
            header.add("comparison_" + c);
        }
        header.addAll(List.of("cohort_before", "cohort_after", "comparison_before", "comparison_after"));
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                ICSVWriter csv = new CSVWriterBuilder(out).withLineEnd("\r\n").build()) {
            out.write(WARNING + "\r\n");
            csv.writeNext(header.toArray(String[]::new), false);
            for (MatchedComparison.Match m : matches) {
                for (MatchedComparison.Pair p : m.pairs()) {
                    List<String> row = new ArrayList<>(List.of(
                            m.measureId(),
                            String.valueOf(m.months()),
                            p.cohort().id(),
                            p.comparison().id(),
                            p.cohort().index().toString(),
                            p.comparison().index().toString(),
                            number(p.cohortScore()),
                            number(p.comparisonScore())));
                    for (String c : covariates) {
                        int j = m.covariates().indexOf(c);
                        row.add(j < 0 ? "" : number(p.cohortCovariates()[j]));
                        row.add(j < 0 ? "" : number(p.comparisonCovariates()[j]));
                    }
                    row.addAll(List.of(
                            String.valueOf(p.cohortEvents()[0]),
                            String.valueOf(p.cohortEvents()[1]),
                            String.valueOf(p.comparisonEvents()[0]),
                            String.valueOf(p.comparisonEvents()[1])));
                    csv.writeNext(row.toArray(String[]::new), false);
                }
            }
        }
    }

    private static String number(double v) {
        return BigDecimal.valueOf(v)
                .setScale(4, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }

    private static String text(Object value) {
        return value == null ? "" : SafeText.of(value.toString());
    }
}
