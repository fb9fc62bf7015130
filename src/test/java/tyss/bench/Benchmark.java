package tyss.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import tyss.samples.SampleGenerator;

/**
 * The benchmark in the README: every figure a ratio against a baseline measured in the same run,
 * because these machines are noisy. Needs the packaged jar (it runs the pipeline as cron would).
 *
 * <pre>mvn -B -q -Pbenchmark -DskipTests package exec:java [-Dbench.scale=10] [-Dbench.xlsxRows=1000000]</pre>
 */
public final class Benchmark {

    private static final String KEY = "benchmark-key-not-a-secret-0123456789";
    private static final Path JAR = Path.of("target/tyss-reports.jar");
    /** The JVM options jobs/tyss-cron.sh starts the pipeline with, so the benchmark measures what production runs. */
    private static final List<String> CRON_JVM = List.of("-Xmx1g", "-XX:+UseParallelGC");
    private static final Path WORK = Path.of("target/bench");
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
        Path one = WORK.resolve("samples-x1");
        Path many = WORK.resolve("samples-x" + scale);
        SampleGenerator.generate(one, SampleGenerator.DOCUMENTED_SEED, 1);
        SampleGenerator.generate(many, SampleGenerator.DOCUMENTED_SEED, scale);
        say("TYSS benchmark: synthetic county at scale 1 and " + scale + ", %d cores, %.1f GiB", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / 1073741824.0);

        // Ingest against the storage floor, on the same rows in the same kind of database,
        // interleaved (pipeline, floor, pipeline, floor...) so one noisy minute cannot decide the ratio.
        int repeats = Integer.getInteger("bench.repeats", 3);
        List<Double> ratios = new ArrayList<>();
        StorageFloor.Result floor = null;
        for (int i = 0; i < repeats; i++) {
            Path base = WORK.resolve("ingest-" + i);
            pipeline(CRON_JVM, "ingest", many, base, null);
            long[] step = ingestStep(base.resolve("data/db/tyss"));
            double ingestRate = step[0] / (step[1] / 1000.0);
            floor = StorageFloor.measure(base.resolve("data/db/tyss"), WORK.resolve("floor-" + i));
            ratios.add(ingestRate / floor.rowsPerSecond());
            say("ingest #%d     %,d rows in %.1f s = %,.0f rows/s; bare JDBC batches of the same rows %,.0f rows/s; ratio %.2f",
                    i + 1, step[0], step[1] / 1000.0, ingestRate, floor.rowsPerSecond(), ingestRate / floor.rowsPerSecond());
        }
        say("ingest        median ratio to the storage floor %.2f (range %.2f to %.2f over %d interleaved pairs; goal >= 0.9)",
                median(ratios), ratios.stream().mapToDouble(d -> d).min().orElse(0), ratios.stream().mapToDouble(d -> d).max().orElse(0), repeats);

        // A whole quarterly run against DuckDB computing headline measures from the same files.
        ChildRun.Cost wholeMany = pipeline(CRON_JVM, "run", many, WORK.resolve("run-x" + scale), "2026-27 Q2");
        long duckStart = System.nanoTime();
        var answers = DuckDbPeer.run(many);
        double duck = (System.nanoTime() - duckStart) / 1e9;
        say("whole run     x%d: %.1f s (JVM start included); DuckDB on the same CSV files %.1f s (%s); ratio %.1f",
                scale, wholeMany.seconds(), duck, answers, wholeMany.seconds() / duck);
        say("whole run     x%d against the storage floor's time for the same rows (%.1f s, last pair): ratio %.1f (goal <= 2)",
                scale, floor.seconds(), wholeMany.seconds() / floor.seconds());

        // Memory as the input grows.
        ChildRun.Cost wholeOne = pipeline(CRON_JVM, "run", one, WORK.resolve("run-x1"), "2026-27 Q2");
        say("memory        peak RSS x1 %,d MB, x%d %,d MB: growth %.2f for %dx the input (goal <= 1.3)", wholeOne.peakRssKb() / 1024, scale,
                wholeMany.peakRssKb() / 1024, (double) wholeMany.peakRssKb() / wholeOne.peakRssKb(), scale);

        // Incremental: the history first, then the same store with one new quarter's files.
        Path incremental = WORK.resolve("incremental");
        ChildRun.Cost first = pipeline(CRON_JVM, "run", many.resolve("history"), incremental, "2026-27 Q1");
        ChildRun.Cost second = pipeline(CRON_JVM, "run", many, incremental, "2026-27 Q2");
        say("incremental   first run (history) %.1f s; second run adding one quarter %.1f s; ratio %.2f", first.seconds(), second.seconds(),
                second.seconds() / first.seconds());

        // Linkage against the generator's truth: false merges and missed links, per person (see LinkageAccuracy).
        for (int s : new int[] {1, scale}) {
            say("%s", LinkageAccuracy.measure(WORK.resolve("linkage"), s));
        }

        if (xlsxRows > 0) {
            Path big = WORK.resolve("xlsx/inbox/police/asb_big.xlsx");
            LargeWorkbook.write(big, xlsxRows);
            ChildRun.Cost xlsx = pipeline(List.of("-Xmx512m"), "ingest", big.getParent().getParent(), WORK.resolve("xlsx/run"), null);
            say("xlsx          %,d-row workbook (%,d MB) ingested at -Xmx512m: exit %d in %.1f s, peak RSS %,d MB", xlsxRows,
                    Files.size(big) >> 20, xlsx.exitCode(), xlsx.seconds(), xlsx.peakRssKb() / 1024);
        }
        Files.write(WORK.resolve("results.txt"), lines);
    }

    private ChildRun.Cost pipeline(List<String> jvm, String command, Path inbox, Path base, String quarter) throws Exception {
        Files.createDirectories(base);
        List<String> args = new ArrayList<>(List.of(command, "--inbox", inbox.toString(), "--data-dir", base.resolve("data").toString(),
                "--out", base.resolve("out").toString(), "--reject-threshold", "0.5"));
        if (Files.exists(Path.of("jobs/mappings/sample-county.yml"))) {
            args.addAll(List.of("--mapping", "jobs/mappings/sample-county.yml"));
        }
        if (quarter != null) {
            args.addAll(List.of("--quarter", quarter));
        }
        ChildRun.Cost cost = ChildRun.run(JAR, jvm, KEY, base.resolve("console.log"), args.toArray(String[]::new));
        if (cost.exitCode() != 0) {
            throw new IllegalStateException(command + " failed (exit " + cost.exitCode() + "):\n" + cost.output());
        }
        return cost;
    }

    /** Rows read and milliseconds taken by the ingest step, from the job repository. */
    private static long[] ingestStep(Path db) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:h2:file:" + db.toAbsolutePath() + ";IFEXISTS=TRUE", "tyss", "");
             var rs = c.createStatement().executeQuery("SELECT READ_COUNT, DATEDIFF('MILLISECOND', START_TIME, END_TIME) FROM BATCH_STEP_EXECUTION "
                     + "WHERE STEP_NAME = 'ingest' ORDER BY STEP_EXECUTION_ID DESC")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
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
