package tyss.measure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code measure} stage: every measure of the logic model for every period of the report,
 * stored as result rows under the run id. Rerunning replaces the run's rows, never adds to them.
 */
public class MeasureRunner {

    private static final Logger log = LoggerFactory.getLogger(MeasureRunner.class);

    private final List<Measure> measures;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final LogicModel model;

    public MeasureRunner(List<Measure> measures, JdbcClient jdbc, JdbcTemplate template, LogicModel model) {
        this.measures = measures.stream().sorted(Comparator.comparing(Measure::id)).toList();
        this.jdbc = jdbc;
        this.template = template;
        this.model = model;
        Set<String> ids = new HashSet<>();
        for (Measure m : this.measures) {
            if (!ids.add(m.id())) {
                throw new IllegalStateException("two measures claim the id " + m.id());
            }
            model.measure(m.id());
        }
    }

    public List<MeasureResult> compute(Quarter quarter) {
        return compute(quarter, java.util.Optional.empty());
    }

    /** Every measure for every report period, the cohort's before and after, and Y08 against a baseline when one is named. */
    public List<MeasureResult> compute(Quarter quarter, java.util.Optional<String> baseline) {
        MeasureContext context = new MeasureContext(jdbc, quarter, model);
        List<MeasureResult> results = new ArrayList<>();
        for (List<MeasureResult> ofMeasure : inParallel(context)) {
            results.addAll(ofMeasure);
        }
        results.addAll(tyss.measure.cohort.BeforeAfter.compute(context));
        baseline.ifPresent(b -> results.addAll(tyss.measure.cohort.Baseline.compare(context, measures, results, tyss.measure.cohort.Baseline.parse(b))));
        log.info("computed {} measures: {} result rows", measures.size(), results.size());
        return results;
    }

    /**
     * Each measure's results for every period, in the measures' order. Measures only read, each on
     * its own connection, so they run side by side on every core; the order of the results, and so
     * every output, does not depend on which finishes first.
     */
    private List<List<MeasureResult>> inParallel(MeasureContext context) {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
        try {
            List<java.util.concurrent.Future<List<MeasureResult>>> futures = new ArrayList<>();
            for (Measure measure : measures) {
                futures.add(pool.submit(() -> {
                    long start = System.nanoTime();
                    List<MeasureResult> rows = new ArrayList<>();
                    for (Period period : context.reportPeriods()) {
                        rows.addAll(measure.calculate(context, period));
                    }
                    log.debug("{} computed in {} ms", measure.id(), (System.nanoTime() - start) / 1_000_000);
                    return rows;
                }));
            }
            List<List<MeasureResult>> all = new ArrayList<>();
            for (var f : futures) {
                all.add(f.get());
            }
            return all;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while computing measures", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    public void store(String runId, List<MeasureResult> results) {
        jdbc.sql("DELETE FROM measure_result WHERE run_id = ?").param(runId).update();
        template.batchUpdate("INSERT INTO measure_result (run_id, measure_id, figure, definition_version, period_kind, period_label, "
                        + "period_start, period_end, breakdown, breakdown_value, numerator, denominator, result_value, unit) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", results, 1000, (ps, r) -> {
                    ps.setString(1, runId);
                    ps.setString(2, r.measureId());
                    ps.setString(3, r.figure());
                    ps.setString(4, r.definitionVersion());
                    ps.setString(5, r.period().kind().name());
                    ps.setString(6, r.period().label());
                    ps.setObject(7, r.period().start());
                    ps.setObject(8, r.period().end());
                    ps.setString(9, r.breakdown());
                    ps.setString(10, r.breakdownValue());
                    ps.setBigDecimal(11, r.numerator());
                    ps.setBigDecimal(12, r.denominator());
                    ps.setBigDecimal(13, r.value());
                    ps.setString(14, r.unit().name());
                });
    }

    public List<Measure> measures() {
        return measures;
    }
}
