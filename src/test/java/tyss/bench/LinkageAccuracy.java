package tyss.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import tyss.contract.PersonKey;
import tyss.link.MeasuredAccuracy;
import tyss.samples.SampleGenerator;

/**
 * How right the linkage is, against the generator's truth: generates a county at a scale with its
 * truth file, runs ingest and link (the packaged jar, as cron would), reads every stored row's
 * person id and compares it with who the row really is.
 *
 * <p>Rates are per person, because the reports count people: a <b>false merge</b> is a pipeline
 * person whose rows belong to more than one true person (share of pipeline people); a <b>missed
 * link</b> is a true person whose rows are spread over more than one pipeline person, or left
 * unlinked (share of true people). The pairwise rates over record pairs (1 - precision, 1 - recall)
 * are printed beside them, as the record-linkage literature states them.
 *
 * <pre>mvn -B -q -o package -DskipTests &amp;&amp; java -cp target/test-classes:target/classes:CP tyss.bench.LinkageAccuracy 1 10 100 [--write]</pre>
 *
 * <p>{@code --write} writes the figures to {@code src/main/resources/link/measured-accuracy.yml}, what the
 * data-quality annex states.
 */
public final class LinkageAccuracy {

    private static final String KEY = "benchmark-key-not-a-secret-0123456789";
    /** -Daccuracy.jar=FILE measures another build, e.g. the one before a change; -Daccuracy.jfr=DIR records a profile of each run there. */
    private static final Path JAR = Path.of(System.getProperty("accuracy.jar", "target/tyss-reports.jar"));

    private static final List<String> CRON_JVM = CronJvm.options();

    /** What one scale measured. */
    public record Result(
            int scale,
            long rows,
            long unmatched,
            long unlinked,
            int pipelinePeople,
            int truePeople,
            int falseMerges,
            int missedLinks,
            int linkablePeople,
            int missedLinkable,
            double pairFalseMerge,
            double pairMissed,
            double linkSeconds,
            int conflicts,
            double runSeconds,
            long peakRssMb) {

        Result withCost(ChildRun.Cost cost) {
            return new Result(
                    scale,
                    rows,
                    unmatched,
                    unlinked,
                    pipelinePeople,
                    truePeople,
                    falseMerges,
                    missedLinks,
                    linkablePeople,
                    missedLinkable,
                    pairFalseMerge,
                    pairMissed,
                    linkSeconds,
                    conflicts,
                    cost.seconds(),
                    cost.peakRssKb() / 1024);
        }

        public double falseMergeRate() {
            return (double) falseMerges / pipelinePeople;
        }

        public double missedLinkRate() {
            return (double) missedLinks / truePeople;
        }

        /** Missed links among the true people the stored rows could link at all: the rate a better linker could lower. */
        public double missedLinkableRate() {
            return (double) missedLinkable / linkablePeople;
        }

        @Override
        public String toString() {
            return String.format(
                    "linkage       x%d: %,d rows of %,d true people in %,d pipeline people; false merges %,d (%.2f%% of pipeline people), "
                            + "missed links %,d (%.2f%% of true people; %,d of the %,d the rows could link, %.2f%%); pairwise %.2f%% / %.2f%%; %,d unlinked rows, %,d without truth; "
                            + "%,d conflicts; link step %.1f s; whole ingest %.1f s, peak RSS %,d MB",
                    scale,
                    rows,
                    truePeople,
                    pipelinePeople,
                    falseMerges,
                    100 * falseMergeRate(),
                    missedLinks,
                    100 * missedLinkRate(),
                    missedLinkable,
                    linkablePeople,
                    100 * missedLinkableRate(),
                    100 * pairFalseMerge,
                    100 * pairMissed,
                    unlinked,
                    unmatched,
                    conflicts,
                    linkSeconds,
                    runSeconds,
                    peakRssMb);
        }
    }

    private LinkageAccuracy() {}

    public static void main(String[] args) throws Exception {
        Path work = Path.of(System.getProperty("accuracy.work", "target/accuracy"));
        if (args.length == 4 && args[0].equals("--compare")) {
            // a store already ingested and linked, against its truth: --compare SCALE DB TRUTH
            System.out.println(compare(Integer.parseInt(args[1]), Path.of(args[2]), Path.of(args[3])));
            return;
        }
        List<String> scales = new ArrayList<>(List.of(args));
        boolean write = scales.remove("--write");
        List<Result> results = new ArrayList<>();
        for (String a : scales.isEmpty() ? List.of("1", "10") : scales) {
            Result r = measure(work, Integer.parseInt(a));
            System.out.println(r);
            results.add(r);
        }
        System.out.println(
                "scale | rows | true people | pipeline people | false merges | missed links | missed, linkable | pairwise FM | pairwise missed | conflicts | link s | ingest s | peak RSS MB");
        for (Result r : results) {
            System.out.printf(
                    "%d | %,d | %,d | %,d | %.2f%% | %.2f%% | %.2f%% | %.3f%% | %.3f%% | %,d | %.1f | %.1f | %,d%n",
                    r.scale,
                    r.rows,
                    r.truePeople,
                    r.pipelinePeople,
                    100 * r.falseMergeRate(),
                    100 * r.missedLinkRate(),
                    100 * r.missedLinkableRate(),
                    100 * r.pairFalseMerge,
                    100 * r.pairMissed,
                    r.conflicts,
                    r.linkSeconds,
                    r.runSeconds,
                    r.peakRssMb);
        }
        if (write) {
            Path file = Path.of("src/main/resources").resolve(MeasuredAccuracy.RESOURCE.substring(1));
            Files.writeString(file, yaml(results), StandardCharsets.UTF_8);
            System.out.println("wrote " + file + ": commit it, with the change to the linker that moved it");
        }
    }

    /** The measured accuracy as {@link MeasuredAccuracy} reads it, for the data-quality annex. */
    static String yaml(List<Result> results) throws Exception {
        Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD")
                .redirectErrorStream(true)
                .start();
        String commit = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        String version = Files.readString(Path.of("pom.xml"))
                .replaceFirst("(?s).*?<artifactId>tyss-reports</artifactId>\\s*<version>([^<]+)</version>.*", "$1");
        StringBuilder y = new StringBuilder();
        y.append("# The linker's accuracy against the synthetic county's truth, for the data-quality annex.\n");
        y.append("# Written by LinkageAccuracy --write (README, Benchmarks): do not edit by hand.\n");
        y.append("# MeasuredAccuracyTest reruns the smallest scale and fails when the linker no longer gives these.\n");
        y.append("measured: ").append(java.time.LocalDate.now()).append('\n');
        y.append("software: ")
                .append(version)
                .append(git.waitFor() == 0 ? " at commit " + commit : "")
                .append('\n');
        y.append("seed: ").append(SampleGenerator.DOCUMENTED_SEED).append('\n');
        y.append("scales:\n");
        for (Result r : results) {
            y.append(String.format(
                    "  - {scale: %d, rows: %d, true-people: %d, pipeline-people: %d, false-merges: %d, missed-links: %d, "
                            + "linkable-people: %d, missed-linkable: %d}%n",
                    r.scale,
                    r.rows,
                    r.truePeople,
                    r.pipelinePeople,
                    r.falseMerges,
                    r.missedLinks,
                    r.linkablePeople,
                    r.missedLinkable));
        }
        return y.toString();
    }

    /** Generates the county at {@code scale} under {@code work}, ingests and links it with the packaged jar, and compares. */
    public static Result measure(Path work, int scale) throws Exception {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException("build the jar first: mvn -B -q package -DskipTests");
        }
        Path samples = work.resolve("samples-x" + scale);
        Path truth = work.resolve("truth-x" + scale + ".csv.gz");
        Path base = work.resolve("run-x" + scale);
        deleteTree(base);
        Path reuse =
                System.getProperty("accuracy.samples") == null ? null : Path.of(System.getProperty("accuracy.samples"));
        if (reuse != null) {
            // -Daccuracy.samples=DIR: a county generated earlier at this scale, DIR holding samples-xN and
            // truth-xN.csv.gz
            samples = reuse.resolve("samples-x" + scale);
            truth = reuse.resolve("truth-x" + scale + ".csv.gz");
        } else {
            deleteTree(samples);
            SampleGenerator.generate(samples, SampleGenerator.DOCUMENTED_SEED, scale, truth);
        }
        Files.createDirectories(base);
        List<String> args = new ArrayList<>(List.of(
                "ingest",
                "--inbox",
                samples.toString(),
                "--data-dir",
                base.resolve("data").toString(),
                "--out",
                base.resolve("out").toString(),
                "--reject-threshold",
                "0.5"));
        if (Files.exists(Path.of("jobs/mappings/sample-county.yml"))) {
            args.addAll(List.of("--mapping", "jobs/mappings/sample-county.yml"));
        }
        List<String> jvm = new ArrayList<>(CRON_JVM);
        if (System.getProperty("accuracy.jfr") != null) {
            jvm.add("-XX:StartFlightRecording=filename="
                    + Path.of(System.getProperty("accuracy.jfr"), "link-x" + scale + ".jfr")
                            .toAbsolutePath() + ",settings=profile");
        }
        ChildRun.Cost cost = ChildRun.run(JAR, jvm, KEY, base.resolve("console.log"), args.toArray(String[]::new));
        if (cost.exitCode() != 0) {
            throw new IllegalStateException(
                    "ingest failed (exit " + cost.exitCode() + "), see " + base.resolve("console.log"));
        }
        return compare(scale, base.resolve("data/db/tyss"), truth).withCost(cost);
    }

    /** Compares the stored rows' person ids in the H2 store at {@code db} with the truth file. */
    static Result compare(int scale, Path db, Path truthFile) throws Exception {
        Map<String, int[]> truth = readTruth(truthFile);
        Map<String, Integer> pipelineIndex = new HashMap<>();
        // one entry per (pipeline person, true person) pair that share rows, with how many rows
        Map<Long, long[]> cells = new HashMap<>();
        Reach reach = new Reach();
        long rows = 0;
        long unmatched = 0;
        long unlinked = 0;
        double linkSeconds;
        int conflicts;
        try (Connection c =
                DriverManager.getConnection("jdbc:h2:file:" + db.toAbsolutePath() + ";IFEXISTS=TRUE", "tyss", "")) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.createStatement()
                    .executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.COLUMNS WHERE COLUMN_NAME = 'PERSON_ID' "
                            + "AND TABLE_NAME LIKE 'DS\\_%' ORDER BY TABLE_NAME")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            Map<Long, String> files = new HashMap<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT file_id, source_name FROM received_file")) {
                while (rs.next()) {
                    files.put(rs.getLong(1), rs.getString(2));
                }
            }
            for (String table : tables) {
                List<String> columns = new ArrayList<>();
                try (ResultSet rs = c.createStatement()
                        .executeQuery("SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = '" + table
                                + "'")) {
                    while (rs.next()) {
                        columns.add(rs.getString(1).toLowerCase(Locale.ROOT));
                    }
                }
                List<String> ids =
                        PersonKey.IDENTIFIERS.stream().filter(columns::contains).toList();
                String named = columns.contains("name_key") ? "name_key IS NOT NULL" : "FALSE";
                try (ResultSet rs = c.createStatement()
                        .executeQuery("SELECT file_id, source_row, person_id, " + named
                                + ids.stream().map(id -> ", " + id).collect(Collectors.joining()) + " FROM " + table)) {
                    while (rs.next()) {
                        rows++;
                        int[] ofFile = truth.get(files.get(rs.getLong(1)));
                        int row = rs.getInt(2);
                        int who = ofFile == null || row >= ofFile.length ? -1 : ofFile[row];
                        if (who < 0) {
                            unmatched++;
                            continue;
                        }
                        reach.row(who, rs.getBoolean(4), ids, rs, 5);
                        String person = rs.getString(3);
                        int p;
                        if (person == null) {
                            unlinked++;
                            p = pipelineIndex.size(); // an unlinked row is a person of its own
                            pipelineIndex.put("\u0000" + p, p);
                        } else {
                            p = pipelineIndex.computeIfAbsent(person, k -> pipelineIndex.size());
                        }
                        cells.computeIfAbsent(((long) p << 32) | who, k -> new long[1])[0]++;
                    }
                }
            }
            try (ResultSet rs = c.createStatement()
                    .executeQuery("SELECT DATEDIFF('MILLISECOND', START_TIME, END_TIME) FROM BATCH_STEP_EXECUTION "
                            + "WHERE STEP_NAME = 'link' ORDER BY STEP_EXECUTION_ID DESC")) {
                linkSeconds = rs.next() ? rs.getLong(1) / 1000.0 : Double.NaN;
            }
            try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM link_conflict")) {
                rs.next();
                conflicts = rs.getInt(1);
            }
        }
        Map<Integer, int[]> truesOfPipeline = new HashMap<>();
        Map<Integer, int[]> pipelinesOfTrue = new HashMap<>();
        Map<Integer, long[]> rowsOfPipeline = new HashMap<>();
        Map<Integer, long[]> rowsOfTrue = new HashMap<>();
        double together = 0;
        for (Map.Entry<Long, long[]> e : cells.entrySet()) {
            int p = (int) (e.getKey() >>> 32);
            int t = (int) (long) e.getKey();
            long n = e.getValue()[0];
            truesOfPipeline.computeIfAbsent(p, k -> new int[1])[0]++;
            pipelinesOfTrue.computeIfAbsent(t, k -> new int[1])[0]++;
            rowsOfPipeline.computeIfAbsent(p, k -> new long[1])[0] += n;
            rowsOfTrue.computeIfAbsent(t, k -> new long[1])[0] += n;
            together += pairs(n);
        }
        int falseMerges =
                (int) truesOfPipeline.values().stream().filter(v -> v[0] > 1).count();
        int missed =
                (int) pipelinesOfTrue.values().stream().filter(v -> v[0] > 1).count();
        Set<Integer> unreachable = reach.unlinkable();
        int missedLinkable = (int) pipelinesOfTrue.entrySet().stream()
                .filter(e -> e.getValue()[0] > 1 && !unreachable.contains(e.getKey()))
                .count();
        double linkedPairs =
                rowsOfPipeline.values().stream().mapToDouble(v -> pairs(v[0])).sum();
        double truePairs =
                rowsOfTrue.values().stream().mapToDouble(v -> pairs(v[0])).sum();
        return new Result(
                scale,
                rows,
                unmatched,
                unlinked,
                truesOfPipeline.size(),
                pipelinesOfTrue.size(),
                falseMerges,
                missed,
                pipelinesOfTrue.size() - unreachable.size(),
                missedLinkable,
                linkedPairs == 0 ? 0 : 1 - together / linkedPairs,
                truePairs == 0 ? 0 : 1 - together / truePairs,
                linkSeconds,
                conflicts,
                Double.NaN,
                0);
    }

    /**
     * What any linker could reach: a true person's rows fall into groups joined by identifiers they
     * share (a row with two identifiers joins them); a group none of whose rows carries a name and
     * date of birth cannot be joined to the person's other groups by anything stored, so that
     * person is necessarily split and is left out of the linkable missed-link rate.
     */
    private static final class Reach {
        private final Map<String, String> parent = new HashMap<>();
        private final Map<String, Integer> ownerOf = new HashMap<>();
        private final Map<String, Boolean> namedRoot = new HashMap<>();
        private final Set<Integer> nameOnly = new HashSet<>();

        void row(int who, boolean named, List<String> ids, ResultSet rs, int first) throws SQLException {
            String head = null;
            for (int i = 0; i < ids.size(); i++) {
                String v = rs.getString(first + i);
                if (v != null) {
                    String key = ids.get(i) + ":" + v;
                    parent.putIfAbsent(key, key);
                    ownerOf.put(key, who);
                    if (head == null) {
                        head = key;
                    } else {
                        union(head, key);
                    }
                }
            }
            if (head == null) {
                nameOnly.add(who);
            } else if (named) {
                namedRoot.put(head, true);
            }
        }

        private String root(String k) {
            String r = k;
            while (!parent.get(r).equals(r)) {
                r = parent.get(r);
            }
            while (!parent.get(k).equals(r)) {
                String next = parent.get(k);
                parent.put(k, r);
                k = next;
            }
            return r;
        }

        private void union(String a, String b) {
            String ra = root(a);
            String rb = root(b);
            if (!ra.equals(rb)) {
                parent.put(rb, ra);
            }
        }

        Set<Integer> unlinkable() {
            Set<String> named = new HashSet<>();
            namedRoot.keySet().forEach(k -> named.add(root(k)));
            Map<Integer, Set<String>> groups = new HashMap<>();
            Map<Integer, Boolean> anyUnnamed = new HashMap<>();
            for (String key : parent.keySet()) {
                String r = root(key);
                int who = ownerOf.get(key);
                groups.computeIfAbsent(who, w -> new HashSet<>()).add(r);
                if (!named.contains(r)) {
                    anyUnnamed.put(who, true);
                }
            }
            Set<Integer> out = new HashSet<>();
            groups.forEach((who, g) -> {
                int count = g.size() + (nameOnly.contains(who) ? 1 : 0);
                if (count > 1 && anyUnnamed.containsKey(who)) {
                    out.add(who);
                }
            });
            return out;
        }
    }

    private static double pairs(long n) {
        return n * (n - 1) / 2.0;
    }

    /** The truth as one array per file, indexed by row number (-1 where no row is known). */
    private static Map<String, int[]> readTruth(Path file) throws Exception {
        Map<String, int[]> truth = new HashMap<>();
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8),
                1 << 16)) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int a = line.indexOf(',');
                int b = line.indexOf(',', a + 1);
                String name = line.substring(0, a);
                int row = Integer.parseInt(line, a + 1, b, 10);
                int who = Integer.parseInt(line, b + 1, line.length(), 10);
                int[] of = truth.computeIfAbsent(name, k -> filled(new int[1024]));
                if (row >= of.length) {
                    of = Arrays.copyOf(of, Math.max(row + 1, of.length * 2));
                    Arrays.fill(of, truth.get(name).length, of.length, -1);
                    truth.put(name, of);
                }
                of[row] = who;
            }
        }
        return truth;
    }

    private static int[] filled(int[] a) {
        Arrays.fill(a, -1);
        return a;
    }

    private static void deleteTree(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    p.toFile().setWritable(true);
                    Files.delete(p);
                }
            }
        }
    }
}
