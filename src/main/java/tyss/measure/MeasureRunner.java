package tyss.measure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import tyss.contract.DatasetCatalog;
import tyss.contract.DatasetId;
import tyss.ingest.ReceivedFiles;
import tyss.measure.cohort.Baseline;
import tyss.measure.cohort.BeforeAfter;
import tyss.measure.cohort.MatchedComparison;
import tyss.period.Period;
import tyss.period.Quarter;

/**
 * The {@code measure} stage: every measure of the logic model for every period of the report,
 * stored as result rows under the run id. Rerunning replaces the run's rows, never adds to them.
 * A measure's results for a period are taken from an earlier run instead of computed when its
 * definition, the measures' code and every row it could read are the same ({@link
 * Measure#readsUpTo}, {@link InputFingerprints}, {@link EarlierResults}); each stored result says which it was.
 */
public class MeasureRunner {

    private static final Logger log = LoggerFactory.getLogger(MeasureRunner.class);
    /** Every measure may read who was in the cohort, and their profile, from the referrals. */
    private static final DatasetId COHORT_SOURCE = DatasetId.of("tyss/referrals");

    private final List<Measure> measures;
    private final List<ComparisonMeasure> comparisons;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final LogicModel model;
    private final DatasetCatalog catalog;
    private final EarlierResults earlier;

    /** A measure's results for one period, and what they rest on. */
    public record Computed(
            Measure measure, Period period, String inputs, String reusedFrom, List<MeasureResult> results) {}

    /** Everything the stage produced: per measure and period, then the cohort statistics. */
    public record Computation(List<Computed> computed, List<MeasureResult> cohortResults, String codeVersion) {

        public List<MeasureResult> results() {
            List<MeasureResult> all = new ArrayList<>();
            computed.forEach(c -> all.addAll(c.results()));
            all.addAll(cohortResults);
            return all;
        }

        public long reused() {
            return computed.stream().filter(c -> c.reusedFrom() != null).count();
        }
    }

    public MeasureRunner(
            List<Measure> measures,
            List<ComparisonMeasure> comparisons,
            JdbcClient jdbc,
            JdbcTemplate template,
            LogicModel model,
            DatasetCatalog catalog) {
        this.measures =
                measures.stream().sorted(Comparator.comparing(Measure::id)).toList();
        this.comparisons = comparisons.stream()
                .sorted(Comparator.comparing(ComparisonMeasure::id))
                .toList();
        this.jdbc = jdbc;
        this.template = template;
        this.model = model;
        this.catalog = catalog;
        this.earlier = new EarlierResults(jdbc, template);
        Set<String> ids = new HashSet<>();
        for (DeclaredMeasure m :
                Stream.concat(this.measures.stream(), this.comparisons.stream()).toList()) {
            if (!ids.add(m.id())) {
                throw new IllegalStateException("two measures claim the id " + m.id());
            }
            model.measure(m.id());
        }
    }

    public Computation compute(Quarter quarter) {
        return compute(quarter, Optional.empty());
    }

    /**
     * Every measure for every report period, the cohort's before and after and against a matched
     * comparison, and the comparison measures (Y08) against a baseline when one is named.
     */
    public Computation compute(Quarter quarter, Optional<String> baseline) {
        long start = System.nanoTime();
        MeasureContext context = new MeasureContext(jdbc, quarter, model);
        InputFingerprints inputs = InputFingerprints.read(
                jdbc, catalog, measures.stream().map(this::tablesRead).toList());
        String code = EarlierResults.codeVersion();
        log.debug("inputs fingerprinted in {} ms", (System.nanoTime() - start) / 1_000_000);
        List<Computed> computed = new ArrayList<>();
        inParallel(context, inputs, code).forEach(computed::addAll);
        List<MeasureResult> measureResults = new ArrayList<>();
        computed.forEach(c -> measureResults.addAll(c.results()));
        Coverage coverage = Coverage.read(jdbc, catalog, new ReceivedFiles(jdbc, template).all());
        List<MeasureResult> cohort = new ArrayList<>(BeforeAfter.compute(context, coverage));
        long matching = System.nanoTime();
        cohort.addAll(MatchedComparison.compute(context, coverage));
        log.debug("matched comparison in {} ms", (System.nanoTime() - matching) / 1_000_000);
        baseline.map(Baseline::parse)
                .ifPresent(
                        b -> comparisons.forEach(c -> cohort.addAll(c.compare(context, measures, measureResults, b))));
        Computation computation = new Computation(computed, cohort, code);
        // counted as the summary counts them: the measures with results, Y08 among them when a baseline is named
        long withResults = computation.results().stream()
                .map(MeasureResult::measureId)
                .distinct()
                .count();
        log.debug(
                "computed {} measures: {} result rows; {} of {} measure-periods reused from an earlier run with the same inputs",
                withResults,
                computation.results().size(),
                computation.reused(),
                computed.size());
        return computation;
    }

    /** A measure's results for a period: taken from an earlier run that rests on the same, or else computed. */
    private Computed computeOrReuse(
            Measure measure,
            Set<String> tables,
            MeasureContext context,
            Period period,
            InputFingerprints inputs,
            String code) {
        String version = context.versionOf(measure.id());
        Optional<String> fingerprint = measure.readsUpTo(period).map(day -> inputs.upTo(day, tables));
        return fingerprint
                .flatMap(inputsNow -> earlier.find(measure, period, version, code, inputsNow))
                .orElseGet(() -> new Computed(
                        measure, period, fingerprint.orElse(null), null, measure.calculate(context, period)));
    }

    /** The tables a measure reads: the sources its class declares, and the referrals that make the cohort. */
    private Set<String> tablesRead(Measure measure) {
        Set<String> tables = new HashSet<>();
        tables.add(catalog.find(COHORT_SOURCE.toString()).orElseThrow().table());
        for (DatasetId source : measure.sources()) {
            tables.add(catalog.find(source.toString())
                    .orElseThrow(() -> new IllegalStateException(measure.id() + " names an unknown source " + source))
                    .table());
        }
        return tables;
    }

    /**
     * Each measure's results for every period, in the measures' order. Measures only read, each on
     * its own connection, so they run side by side on every core; the order of the results, and so
     * every output, does not depend on which finishes first.
     */
    private List<List<Computed>> inParallel(MeasureContext context, InputFingerprints inputs, String code) {
        ExecutorService pool = Executors.newFixedThreadPool(
                Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
        try {
            List<Future<List<Computed>>> futures = new ArrayList<>();
            AtomicInteger done = new AtomicInteger();
            for (Measure measure : measures) {
                futures.add(pool.submit(() -> {
                    long start = System.nanoTime();
                    List<Computed> rows = new ArrayList<>();
                    Set<String> tables = tablesRead(measure);
                    for (Period period : context.reportPeriods()) {
                        rows.add(computeOrReuse(measure, tables, context, period, inputs, code));
                    }
                    log.debug(
                            "{} computed in {} ms, {} of {} periods reused",
                            measure.id(),
                            (System.nanoTime() - start) / 1_000_000,
                            rows.stream().filter(c -> c.reusedFrom() != null).count(),
                            rows.size());
                    // progress an operator can follow: every fifth measure, and the last
                    int n = done.incrementAndGet();
                    if (n % 5 == 0 || n == measures.size()) {
                        log.info("  measures: {} of {} computed", n, measures.size());
                    }
                    return rows;
                }));
            }
            List<List<Computed>> all = new ArrayList<>();
            for (var f : futures) {
                all.add(f.get());
            }
            return all;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while computing measures", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    public void store(String runId, Computation computation) {
        List<MeasureResult> results = computation.results();
        jdbc.sql("DELETE FROM measure_result WHERE run_id = ?").param(runId).update();
        earlier.record(runId, computation, id -> model.measure(id).version());
        template.batchUpdate(ResultRows.INSERT, results, 1000, (ps, r) -> ResultRows.write(ps, runId, r));
    }

    public List<Measure> measures() {
        return measures;
    }
}
