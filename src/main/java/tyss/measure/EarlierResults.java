package tyss.measure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import tyss.measure.MeasureRunner.Computation;
import tyss.measure.MeasureRunner.Computed;
import tyss.measure.cohort.BeforeAfter;
import tyss.measure.cohort.MatchedComparison;
import tyss.period.Period;

/**
 * Results of earlier runs that a run may take instead of computing them: found by what they rest
 * on (the measure, the period, its definition version, the compiled measures, the inputs'
 * fingerprint) in {@code measure_input}, and recorded there for later runs.
 */
final class EarlierResults {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    EarlierResults(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** A measure's results for a period from the earliest stored run that rests on exactly the same. */
    Optional<Computed> find(Measure measure, Period period, String definitionVersion, String code, String inputs) {
        return jdbc
                .sql(
                        "SELECT run_id FROM measure_input WHERE measure_id = ? AND period_kind = ? AND period_start = ? "
                                + "AND period_end = ? AND definition_version = ? AND code_version = ? AND inputs = ? ORDER BY run_id")
                .params(
                        measure.id(),
                        period.kind().name(),
                        period.start(),
                        period.end(),
                        definitionVersion,
                        code,
                        inputs)
                .query(String.class)
                .list()
                .stream()
                .findFirst()
                .map(run -> new Computed(measure, period, inputs, run, results(run, measure.id(), period)));
    }

    /** What each of a run's results rests on, and where it was reused from; replaces what the run recorded before. */
    void record(String runId, Computation computation, Function<String, String> definitionVersion) {
        jdbc.sql("DELETE FROM measure_input WHERE run_id = ?").param(runId).update();
        template.batchUpdate(
                "INSERT INTO measure_input (run_id, measure_id, period_kind, period_start, period_end, definition_version, code_version, "
                        + "inputs, reused_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                computation.computed().stream().filter(c -> c.inputs() != null).toList(),
                1000,
                (ps, c) -> {
                    ps.setString(1, runId);
                    ps.setString(2, c.measure().id());
                    ps.setString(3, c.period().kind().name());
                    ps.setObject(4, c.period().start());
                    ps.setObject(5, c.period().end());
                    ps.setString(6, definitionVersion.apply(c.measure().id()));
                    ps.setString(7, computation.codeVersion());
                    ps.setString(8, c.inputs());
                    ps.setString(9, c.reusedFrom());
                });
    }

    private List<MeasureResult> results(String runId, String measureId, Period period) {
        return jdbc.sql("SELECT " + ResultRows.COLUMNS
                        + " FROM measure_result WHERE run_id = ? AND measure_id = ? AND period_kind = ? "
                        + "AND period_start = ? AND period_end = ? AND breakdown NOT IN (?, ?) ORDER BY result_id")
                .params(
                        runId,
                        measureId,
                        period.kind().name(),
                        period.start(),
                        period.end(),
                        BeforeAfter.BREAKDOWN,
                        MatchedComparison.BREAKDOWN)
                .query(ResultRows::read)
                .list();
    }

    /** The code a result rests on: the measures, and the linkage that decides people and the cohort. */
    private static final List<String> CODE = List.of("tyss/measure/", "tyss/link/");

    /**
     * A digest of the compiled classes of {@link #CODE}: results computed by other code are never
     * reused, even when the version string was not changed.
     */
    static String codeVersion() {
        try {
            List<Resource> classes = new ArrayList<>();
            for (String folder : CODE) {
                classes.addAll(
                        Arrays.asList(new PathMatchingResourcePatternResolver(EarlierResults.class.getClassLoader())
                                .getResources("classpath*:" + folder + "**/*.class")));
            }
            classes.sort(Comparator.comparing(EarlierResults::classPath));
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Resource c : classes) {
                digest.update(classPath(c).getBytes(StandardCharsets.UTF_8));
                try (InputStream in = c.getInputStream()) {
                    digest.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot read the measures' code to fingerprint it", e);
        }
    }

    /** Where a class sits below the classpath root, the same in a jar and in a build folder. */
    private static String classPath(Resource resource) {
        try {
            String url = resource.getURL().toString();
            return url.substring(url.lastIndexOf("tyss/"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
