package tyss.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import tyss.samples.SampleGenerator;

/**
 * The benchmark in the README: every figure a ratio against a baseline measured in the same run,
 * because these machines are noisy. Needs the packaged jar (it runs the pipeline as cron would).
 *
 * <pre>mvn -B -q -Pbenchmark -DskipTests package exec:java [-Dbench.scale=10] [-Dbench.repeats=3] [-Dbench.xlsxRows=1000000] [-Dbench.region=true]</pre>
 *
 * <p>{@code -Dbench.only=region} runs only the scale 100 against scale 10 comparison; {@code -Dbench.jfr=true}
 * records each of its runs with Java Flight Recorder, and its collections, beside its console log.
 */
public final class Benchmark {

    private static final String KEY = "benchmark-key-not-a-secret-0123456789";
    private static final Path JAR = Path.of("target/tyss-reports.jar");
    private static final List<String> CRON_JVM = CronJvm.options();

    private static final Path WORK = Path.of("target/bench");
    private static final Path MAPPING = Path.of("jobs/mappings/sample-county.yml");
    /** The quarter the benchmark's runs report, the last of the samples. */
    private static final String QUARTER = "2026-27 Q2";

    private final List<String> lines = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        int scale = Integer.getInteger("bench.scale", 10);
        int xlsxRows = Integer.getInteger("bench.xlsxRows", 1_000_000);
        new Benchmark().run(scale, xlsxRows);
    }

    private void run(int scale, int xlsxRows) throws Exception {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException("build the jar first: mvn -B -q package -DskipTests");
        }
        delete(WORK);
        Files.createDirectories(WORK);
        if ("region".equals(System.getProperty("bench.only"))) {
            say("TYSS benchmark, region only: %d cores", Runtime.getRuntime().availableProcessors());
            region(WORK.resolve("samples-x10"));
            return;
        }
        Path one = WORK.resolve("samples-x1");
        Path many = WORK.resolve("samples-x" + scale);
        SampleGenerator.generate(one, SampleGenerator.DOCUMENTED_SEED, 1);
        SampleGenerator.generate(many, SampleGenerator.DOCUMENTED_SEED, scale);
        say(
                "TYSS benchmark: synthetic county at scale 1 and " + scale + ", %d cores, %.1f GiB",
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / 1073741824.0);

        // Ingest against the storage floor, on the same rows in the same kind of database,
        // interleaved (pipeline, floor, pipeline, floor...) so one noisy minute cannot decide the ratio.
        int repeats = Integer.getInteger("bench.repeats", 3);
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            Path base = WORK.resolve("ingest-" + i);
            pipeline(CRON_JVM, "ingest", many, base, null);
            long[] step = ingestStep(base.resolve("data/db/tyss"));
            double ingestRate = step[0] / (step[1] / 1000.0);
            StorageFloor.Result floor = StorageFloor.measure(base.resolve("data/db/tyss"), WORK.resolve("floor-" + i));
            ratios.add(ingestRate / floor.rowsPerSecond());
            say(
                    "ingest #%d     %,d rows in %.1f s = %,.0f rows/s; bare JDBC batches of the same rows %,.0f rows/s; ratio %.2f",
                    i + 1,
                    step[0],
                    step[1] / 1000.0,
                    ingestRate,
                    floor.rowsPerSecond(),
                    ingestRate / floor.rowsPerSecond());
        }
        say(
                "ingest        median ratio to the storage floor %.2f (range %s over %d interleaved pairs; goal >= 0.9)",
                median(ratios), range(ratios, "%.2f"), repeats);

        // Whole runs at 1x and 10x, the storage floor for the 10x run's rows and the DuckDB peer, interleaved
        // (x1, x10, floor, peer, x1, x10, ...) so that each ratio is the median over repeats measured minutes apart.
        List<Double> toFloor = new ArrayList<>();
        List<Double> toPeer = new ArrayList<>();
        List<Double> growth = new ArrayList<>();
        ChildRun.Cost wholeMany = null;
        ChildRun.Cost wholeOne = null;
        StorageFloor.Result runFloor = null;
        DuckDbPeer.Result peer = null;
        for (int i = 0; i < repeats; i++) {
            wholeOne = pipeline(CRON_JVM, "run", one, WORK.resolve("run-x1-" + i), QUARTER);
            Path base = WORK.resolve("run-x" + scale + "-" + i);
            wholeMany = pipeline(CRON_JVM, "run", many, base, QUARTER);
            runFloor = StorageFloor.measure(base.resolve("data/db/tyss"), WORK.resolve("run-floor-" + i));
            peer = DuckDbPeer.run(many, MAPPING, WORK.resolve("peer-" + i).resolve("peer.duckdb"), KEY, QUARTER);
            toFloor.add(wholeMany.seconds() / runFloor.seconds());
            toPeer.add(wholeMany.seconds() / peer.seconds());
            growth.add((double) wholeMany.peakRssKb() / wholeOne.peakRssKb());
            say(
                    "whole run #%d  x%d: %.1f s, peak RSS %,d MB; storage floor %.1f s; DuckDB peer %.1f s; x1: %.1f s, peak RSS %,d MB",
                    i + 1,
                    scale,
                    wholeMany.seconds(),
                    wholeMany.peakRssKb() / 1024,
                    runFloor.seconds(),
                    peer.seconds(),
                    wholeOne.seconds(),
                    wholeOne.peakRssKb() / 1024);
        }
        say(
                "whole run     x%d: %.1f s (JVM start included, last repeat); DuckDB peer doing the same work (%,d rows of %d CSV files stored, "
                        + "linked to %,d people, %d cohort measures for 10 periods) %.1f s; median ratio %.1f (range %s over %d interleaved repeats; goal <= 3)",
                scale,
                wholeMany.seconds(),
                peer.rows(),
                peer.files(),
                peer.people(),
                peer.measures().size(),
                peer.seconds(),
                median(toPeer),
                range(toPeer, "%.1f"),
                repeats);
        say(
                "whole run     x%d against the storage floor's time for the same rows (%.1f s, last repeat): median ratio %.1f (range %s over %d "
                        + "interleaved repeats; goal <= 2)",
                scale, runFloor.seconds(), median(toFloor), range(toFloor, "%.1f"), repeats);
        say(
                "peer          left out: %s (%,d rows; DuckDB reads xlsx only with its excel extension, which is not on Maven Central)",
                String.join(", ", peer.workbooks()), peer.workbookRows());
        comparePeer(peer, WORK.resolve("run-x" + scale + "-" + (repeats - 1)).resolve("out"));

        // Memory as the input grows, from the same repeats.
        say(
                "memory        peak RSS x1 %,d MB, x%d %,d MB (last repeat): median growth %.2f (range %s over %d repeats) for %dx the input (goal <= 1.3)",
                wholeOne.peakRssKb() / 1024,
                scale,
                wholeMany.peakRssKb() / 1024,
                median(growth),
                range(growth, "%.2f"),
                repeats,
                scale);

        // Incremental: the history first, then the same store with one new quarter's files.
        Path incremental = WORK.resolve("incremental");
        ChildRun.Cost first = pipeline(CRON_JVM, "run", many.resolve("history"), incremental, "2026-27 Q1");
        ChildRun.Cost second = pipeline(CRON_JVM, "run", many, incremental, QUARTER);
        say(
                "incremental   first run (history) %.1f s; second run adding one quarter %.1f s; ratio %.2f",
                first.seconds(), second.seconds(), second.seconds() / first.seconds());

        // Linkage against the generator's truth: false merges and missed links, per person (see LinkageAccuracy).
        for (int s : new int[] {1, scale}) {
            say("%s", LinkageAccuracy.measure(WORK.resolve("linkage"), s));
        }

        if (xlsxRows > 0) {
            Path big = WORK.resolve("xlsx/inbox/police/asb_big.xlsx");
            LargeWorkbook.write(big, xlsxRows);
            ChildRun.Cost xlsx = pipeline(
                    List.of("-Xmx512m"), "ingest", big.getParent().getParent(), WORK.resolve("xlsx/run"), null);
            say(
                    "xlsx          %,d-row workbook (%,d MB) ingested at -Xmx512m: exit %d in %.1f s, peak RSS %,d MB",
                    xlsxRows, Files.size(big) >> 20, xlsx.exitCode(), xlsx.seconds(), xlsx.peakRssKb() / 1024);
        }
        if (Boolean.getBoolean("bench.region")) {
            region(scale == 10 ? many : WORK.resolve("samples-x10"));
        }
    }

    /**
     * A region's five years (the generator's scale 100) end to end as cron starts it, against a scale
     * 10 run measured just before it: at most 10x the time for 10x the data, and at most 1.3x the memory.
     */
    private void region(Path ten) throws Exception {
        if (!Files.exists(ten)) {
            SampleGenerator.generate(ten, SampleGenerator.DOCUMENTED_SEED, 10);
        }
        Path hundred = WORK.resolve("samples-x100");
        SampleGenerator.generate(hundred, SampleGenerator.DOCUMENTED_SEED, 100);
        List<String> jvm = new ArrayList<>(CRON_JVM);
        ChildRun.Cost small =
                pipeline(withRecording(jvm, "region-x10"), "run", ten, WORK.resolve("region-x10"), QUARTER);
        ChildRun.Cost large = pipeline(
                withRecording(jvm, "region-x100"), "run", hundred, WORK.resolve("region-x100"), QUARTER, false);
        say(
                "region        x100: %s%.1f s, peak RSS %,d MB; x10 just before: %.1f s, %,d MB; time ratio %.1f (goal <= 10), RSS ratio %.2f (goal <= 1.3)",
                large.exitCode() == 0 ? "" : "FAILED with exit " + large.exitCode() + " (see its console.log) after ",
                large.seconds(),
                large.peakRssKb() / 1024,
                small.seconds(),
                small.peakRssKb() / 1024,
                large.seconds() / small.seconds(),
                (double) large.peakRssKb() / small.peakRssKb());
        Map<String, long[]> tenSteps = steps(WORK.resolve("region-x10/data/db/tyss"));
        Map<String, long[]> hundredSteps = steps(WORK.resolve("region-x100/data/db/tyss"));
        for (var step : hundredSteps.entrySet()) {
            long[] at10 = tenSteps.getOrDefault(step.getKey(), new long[] {0, 0});
            say(
                    "region        step %-14s x100 %,8.1f s (%,d rows read); x10 %,7.1f s (%,d rows read); time ratio %.1f",
                    step.getKey(),
                    step.getValue()[1] / 1000.0,
                    step.getValue()[0],
                    at10[1] / 1000.0,
                    at10[0],
                    at10[1] == 0 ? Double.NaN : (double) step.getValue()[1] / at10[1]);
        }
    }

    /** The JVM options, with a flight recording beside the run's console log when -Dbench.jfr=true. */
    private static List<String> withRecording(List<String> jvm, String base) {
        if (!Boolean.getBoolean("bench.jfr")) {
            return jvm;
        }
        List<String> recorded = new ArrayList<>(jvm);
        recorded.add("-XX:StartFlightRecording=settings=profile,maxsize=2g,filename="
                + WORK.resolve(base).resolve("run.jfr").toAbsolutePath());
        recorded.add("-Xlog:gc:file=" + WORK.resolve(base).resolve("gc.log").toAbsolutePath());
        return recorded;
    }

    /** Rows read and milliseconds taken by each step of the store's last job, in the order they ran. */
    private static Map<String, long[]> steps(Path db) throws Exception {
        Map<String, long[]> steps = new LinkedHashMap<>();
        try (var c = DriverManager.getConnection("jdbc:h2:file:" + db.toAbsolutePath() + ";IFEXISTS=TRUE", "tyss", "");
                var rs = c.createStatement()
                        .executeQuery(
                                "SELECT STEP_NAME, READ_COUNT, DATEDIFF('MILLISECOND', START_TIME, END_TIME) FROM BATCH_STEP_EXECUTION "
                                        + "ORDER BY STEP_EXECUTION_ID")) {
            while (rs.next()) {
                steps.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
            }
        }
        return steps;
    }

    private ChildRun.Cost pipeline(List<String> jvm, String command, Path inbox, Path base, String quarter)
            throws Exception {
        return pipeline(jvm, command, inbox, base, quarter, true);
    }

    /** {@code mustSucceed} false: a run that fails still has its cost reported (a refusal at scale is a finding too). */
    private ChildRun.Cost pipeline(
            List<String> jvm, String command, Path inbox, Path base, String quarter, boolean mustSucceed)
            throws Exception {
        Files.createDirectories(base);
        List<String> args = new ArrayList<>(List.of(
                command,
                "--inbox",
                inbox.toString(),
                "--data-dir",
                base.resolve("data").toString(),
                "--out",
                base.resolve("out").toString(),
                "--reject-threshold",
                "0.5"));
        if (Files.exists(MAPPING)) {
            args.addAll(List.of("--mapping", MAPPING.toString()));
        }
        if (quarter != null) {
            args.addAll(List.of("--quarter", quarter));
        }
        ChildRun.Cost cost = ChildRun.run(JAR, jvm, KEY, base.resolve("console.log"), args.toArray(String[]::new));
        if (mustSucceed && cost.exitCode() != 0) {
            throw new IllegalStateException(command + " failed (exit " + cost.exitCode() + "):\n" + cost.output());
        }
        return cost;
    }

    /** Rows read and milliseconds taken by the ingest step, from the job repository. */
    private static long[] ingestStep(Path db) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:h2:file:" + db.toAbsolutePath() + ";IFEXISTS=TRUE", "tyss", "");
                var rs = c.createStatement()
                        .executeQuery(
                                "SELECT READ_COUNT, DATEDIFF('MILLISECOND', START_TIME, END_TIME) FROM BATCH_STEP_EXECUTION "
                                        + "WHERE STEP_NAME = 'ingest' ORDER BY STEP_EXECUTION_ID DESC")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    /**
     * The peer's figures beside the pipeline's own (its internal results CSV), per measure and period.
     * The pipeline also links by name keys, so it finds more of the cohort's records where identifiers are missing.
     */
    private void comparePeer(DuckDbPeer.Result peer, Path out) throws Exception {
        Path csv;
        try (Stream<Path> files = Files.walk(out)) {
            csv = files.filter(f -> f.getFileName().toString().matches("tyss-results-.*-internal\\.csv"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no internal results CSV under " + out));
        }
        var pipeline = DuckDbPeer.pipelineFigures(csv, peer.measures());
        long pipelineTotal = 0;
        long peerTotal = 0;
        for (var figure : peer.figures().entrySet()) {
            Long ours = pipeline.get(figure.getKey());
            if (ours == null) {
                say("peer          %s: pipeline has no figure, peer %,d", figure.getKey(), figure.getValue());
                continue;
            }
            pipelineTotal += ours;
            peerTotal += figure.getValue();
            say(
                    "peer          %s: pipeline %,d, peer %,d, %s",
                    figure.getKey(), ours, figure.getValue(), difference(ours, figure.getValue()));
        }
        for (String measure : peer.measures().keySet()) {
            String id = measure.substring(0, 3);
            long ours = pipeline.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(id + " ") && !e.getKey().contains("to "))
                    .mapToLong(Map.Entry::getValue)
                    .sum();
            long theirs = peer.figures().entrySet().stream()
                    .filter(e -> e.getKey().startsWith(id + " ") && !e.getKey().contains("to "))
                    .mapToLong(Map.Entry::getValue)
                    .sum();
            say(
                    "peer          %s (%s) over the 8 quarters: pipeline %,d, peer %,d, %s",
                    id, measure.substring(4), ours, theirs, difference(ours, theirs));
        }
        say(
                "peer          all %d figures: pipeline %,d, peer %,d, %s",
                peer.figures().size(), pipelineTotal, peerTotal, difference(pipelineTotal, peerTotal));
    }

    private static String difference(long pipeline, long peer) {
        if (pipeline == peer) {
            return "the same";
        }
        if (peer == 0) {
            return "peer none";
        }
        double pct = 100.0 * (pipeline - peer) / peer;
        return String.format("%.1f%% %s", Math.abs(pct), pct > 0 ? "more" : "fewer");
    }

    private static String range(List<Double> values, String format) {
        return String.format(format, values.stream().mapToDouble(d -> d).min().orElse(0)) + " to "
                + String.format(
                        format, values.stream().mapToDouble(d -> d).max().orElse(0));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private void say(String format, Object... args) {
        String line = String.format(format, args);
        System.out.println(line);
        lines.add(line);
        try {
            Files.write(WORK.resolve("results.txt"), lines); // as it goes, so a stopped run keeps what it measured
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    p.toFile().setWritable(true);
                    Files.delete(p);
                }
            }
        }
    }
}
