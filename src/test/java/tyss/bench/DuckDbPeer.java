package tyss.bench;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.opencsv.CSVReader;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.yaml.snakeyaml.Yaml;

import tyss.contract.PersonKey;
import tyss.period.Period;
import tyss.period.Quarter;

/**
 * The pipeline's work done the way a skilled analyst would do it in DuckDB, as the yardstick for a
 * whole run: read every CSV of the inbox into typed tables (the contract's columns, the authority's
 * header names from its mapping), replace each identifier by SHA-256 over key and value (standing in
 * for the pipeline's HMAC) and drop the names, store it all in a DuckDB file, link records on exact
 * identifiers only (connected components by label propagation; no name keys), keep the cohort, and
 * compute the headline figures of ten cohort measures ({@code bench/duckdb-peer-measures.sql}) for
 * the ten periods the pipeline reports ({@link Period#forReport}). DuckDB cannot read the workbooks without its excel
 * extension, which is not on Maven Central: those files are left out and their rows counted.
 */
final class DuckDbPeer {

    /** What the peer did: its time (loading, linking and measuring; not counting the workbooks' rows), rows stored, and its figures. */
    record Result(
            double seconds,
            long rows,
            int files,
            int people,
            List<String> workbooks,
            long workbookRows,
            Map<String, Long> figures,
            Map<String, String> measures) {}

    private static final List<String> DATE_FORMATS = List.of(
            "%d/%m/%Y",
            "%Y-%m-%d",
            "%d/%m/%Y %H:%M",
            "%d/%m/%Y %H:%M:%S",
            "%Y-%m-%d %H:%M",
            "%Y-%m-%d %H:%M:%S",
            "%Y-%m-%dT%H:%M:%S",
            "%Y-%m-%dT%H:%M",
            "%d-%m-%Y",
            "%d.%m.%Y",
            "%d %b %Y",
            "%d %B %Y");
    private static final List<String> NAMES = List.of("first_name", "last_name");
    private static final Pattern HEADING = Pattern.compile("^-- (Y\\d\\d) (\\w+): (.*)$");

    private DuckDbPeer() {}

    static Result run(Path inbox, Path mapping, Path dbFile, String key, String quarter) throws Exception {
        Files.createDirectories(dbFile.getParent());
        Files.deleteIfExists(dbFile);
        Files.deleteIfExists(Path.of(dbFile + ".wal"));
        Map<String, List<Path>> csvByDataset = new TreeMap<>();
        List<String> workbooks = new ArrayList<>();
        List<Map<String, Object>> mapped = mappedFiles(mapping);
        try (Stream<Path> walk = Files.walk(inbox)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String dataset = datasetOf(inbox.relativize(file), mapped);
                if (dataset == null) {
                    continue;
                }
                if (file.toString().endsWith(".csv")) {
                    csvByDataset
                            .computeIfAbsent(dataset, d -> new ArrayList<>())
                            .add(file);
                } else if (file.toString().endsWith(".xlsx") || file.toString().endsWith(".xls")) {
                    workbooks.add(inbox.relativize(file).toString());
                }
            }
        }
        long start = System.nanoTime();
        long rows = 0;
        int files = 0;
        Map<String, Long> figures = new LinkedHashMap<>();
        Map<String, String> measures = measures();
        int people;
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:" + dbFile.toAbsolutePath());
                Statement s = duck.createStatement()) {
            s.execute("CREATE MACRO yes(x) AS lower(trim(x)) IN ('y', 'yes', 'true', '1')");
            List<String> linkable = new ArrayList<>();
            for (var e : csvByDataset.entrySet()) {
                Map<String, Object> spec = spec(e.getKey());
                String table = "ds_" + e.getKey().replaceAll("[/-]", "_");
                List<String> selects = new ArrayList<>();
                for (Path file : e.getValue()) {
                    selects.add(select(s, file, spec, aliases(spec, mapped, inbox.relativize(file)), key));
                }
                s.execute("CREATE TABLE " + table + " AS " + String.join("\nUNION ALL BY NAME\n", selects));
                files += e.getValue().size();
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    rows += rs.getLong(1);
                }
                if (!identifiers(s, table).isEmpty()) {
                    linkable.add(table);
                }
            }
            people = link(s, linkable);
            for (Period period : Period.forReport(Quarter.parse(quarter))) {
                for (var m : measures.entrySet()) {
                    try (PreparedStatement q = duck.prepareStatement(m.getValue())) {
                        q.setObject(1, period.start());
                        q.setObject(2, period.end());
                        try (ResultSet rs = q.executeQuery()) {
                            rs.next();
                            figures.put(m.getKey().substring(0, 3) + " " + period.label(), rs.getLong(1));
                        }
                    }
                }
            }
            s.execute("CHECKPOINT");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long workbookRows = 0;
        for (String workbook : workbooks) {
            workbookRows += dataRows(inbox.resolve(workbook));
        }
        return new Result(seconds, rows, files, people, workbooks, workbookRows, figures, measures);
    }

    /** One file's rows as the contract's typed columns: identifiers hashed with the key, names dropped, columns it lacks left to the union. */
    private static String select(
            Statement s, Path file, Map<String, Object> spec, Function<String, String> aliases, String key)
            throws Exception {
        String read = "read_csv('" + quote(file.toAbsolutePath().toString()) + "', all_varchar = true, header = true"
                + (isUtf8(file) ? "" : ", encoding = 'latin-1'") + ")";
        Map<String, String> types = columnTypes(spec);
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM " + read)) {
            while (rs.next()) {
                String header = rs.getString(1);
                String name = aliases.apply(header.strip().toLowerCase());
                String value = "nullif(trim(\"" + header.replace("\"", "\"\"") + "\"), '')";
                if (PersonKey.IDENTIFIERS.contains(name)) {
                    columns.add("sha256('" + quote(key) + "' || " + value + ") AS " + name);
                } else if (NAMES.contains(name)) {
                    continue; // the pipeline keeps name keys, never names; the peer links without them
                } else if (types.containsKey(name) || name.equals("dob")) {
                    columns.add(typed(value, types.getOrDefault(name, "date")) + " AS \"" + name + "\"");
                }
            }
        }
        return "SELECT " + String.join(", ", columns) + " FROM " + read;
    }

    private static String typed(String value, String type) {
        String formats = "['" + String.join("', '", DATE_FORMATS) + "']";
        return switch (type) {
            case "date" -> "CAST(try_strptime(" + value + ", " + formats + ") AS DATE)";
            case "datetime" -> "try_strptime(" + value + ", " + formats + ")";
            case "int" -> "TRY_CAST(" + value + " AS BIGINT)";
            case "decimal" -> "TRY_CAST(" + value + " AS DECIMAL(18, 4))";
            default -> value;
        };
    }

    /**
     * Links on exact identifiers: a row carrying two identifiers joins them, and each identifier
     * takes the smallest key of its connected component, repeated until nothing changes. Each row's
     * person is then its first identifier's component; the cohort is every person with a referral.
     */
    private static int link(Statement s, List<String> tables) throws Exception {
        List<String> keyLists = new ArrayList<>();
        for (String table : tables) {
            keyLists.add("SELECT DISTINCT " + keyList(identifiers(s, table)) + " AS ks FROM " + table);
        }
        s.execute("""
                CREATE TABLE key_edge AS
                SELECT DISTINCT ks[1] AS a, unnest(ks) AS b FROM (%s) WHERE len(ks) > 0""".formatted(String.join(" UNION ALL ", keyLists)));
        s.execute("CREATE TABLE person_key AS SELECT DISTINCT b AS key, b AS person FROM key_edge");
        while (true) {
            s.execute("""
                    CREATE OR REPLACE TABLE person_next AS
                    WITH edge AS (SELECT a, b FROM key_edge UNION ALL SELECT b, a FROM key_edge)
                    SELECT p.key, least(min(p.person), min(q.person)) AS person
                    FROM person_key p JOIN edge ON edge.a = p.key JOIN person_key q ON q.key = edge.b
                    GROUP BY p.key""");
            long changed;
            try (ResultSet rs = s.executeQuery(
                    "SELECT count(*) FROM person_next n JOIN person_key p USING (key) WHERE n.person <> p.person")) {
                rs.next();
                changed = rs.getLong(1);
            }
            s.execute("DROP TABLE person_key");
            s.execute("ALTER TABLE person_next RENAME TO person_key");
            if (changed == 0) {
                break;
            }
        }
        for (String table : tables) {
            s.execute("ALTER TABLE " + table + " ADD COLUMN person_id VARCHAR");
            s.execute("UPDATE " + table + " t SET person_id = k.person FROM person_key k WHERE k.key = coalesce("
                    + String.join(", ", keys(identifiers(s, table), "t.")) + ")");
        }
        s.execute(
                "CREATE TABLE cohort_member AS SELECT person_id, min(referral_date) AS first_referral FROM ds_tyss_referrals "
                        + "WHERE person_id IS NOT NULL GROUP BY person_id");
        try (ResultSet rs = s.executeQuery("SELECT count(DISTINCT person) FROM person_key")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String keyList(List<String> ids) {
        return "list_filter([" + String.join(", ", keys(ids, "")) + "], lambda k: k IS NOT NULL)";
    }

    /** Typed keys, most trusted identifier first, so a row's first key is its most trusted. */
    private static List<String> keys(List<String> ids, String prefix) {
        return ids.stream().map(id -> "'" + id + ":' || " + prefix + id).toList();
    }

    private static List<String> identifiers(Statement s, String table) throws Exception {
        List<String> present = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(
                "SELECT column_name FROM information_schema.columns WHERE table_name = '" + table + "'")) {
            while (rs.next()) {
                present.add(rs.getString(1));
            }
        }
        return PersonKey.IDENTIFIERS.stream().filter(present::contains).toList();
    }

    /** The queries of bench/duckdb-peer-measures.sql by "id figure", in file order; each is headed by a comment naming them. */
    static Map<String, String> measures() throws IOException {
        Map<String, String> queries = new LinkedHashMap<>();
        String current = null;
        StringBuilder sql = new StringBuilder();
        try (InputStream in = DuckDbPeer.class.getResourceAsStream("/bench/duckdb-peer-measures.sql")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                Matcher heading = HEADING.matcher(line);
                if (heading.matches()) {
                    current = heading.group(1) + " " + heading.group(2);
                    sql.setLength(0);
                } else if (current != null && !line.isBlank()) {
                    sql.append(line).append('\n');
                    if (line.strip().endsWith(";")) {
                        queries.put(current, sql.toString().strip().replaceAll(";$", ""));
                        current = null;
                    }
                }
            }
        }
        return queries;
    }

    /**
     * The pipeline's own figures for the peer's measures, "id period" to value, from the internal
     * edition's results CSV: the cohort's cell where the figure is split by population, else its total.
     */
    static Map<String, Long> pipelineFigures(Path resultsCsv, Map<String, String> measures) throws Exception {
        Map<String, Long> figures = new TreeMap<>();
        try (CSVReader csv = new CSVReader(Files.newBufferedReader(resultsCsv, StandardCharsets.UTF_8))) {
            csv.readNext();
            for (String[] r; (r = csv.readNext()) != null; ) {
                boolean headline =
                        r[7].equals("population") && r[8].equals("cohort") || r[7].equals("all") && r[8].equals("all");
                if (headline && measures.containsKey(r[0] + " " + r[1]) && !r[11].isEmpty()) {
                    figures.put(r[0] + " " + r[4], new BigDecimal(r[11]).longValueExact());
                }
            }
        }
        return figures;
    }

    /** The dataset a file holds: the authority's mapping first (its globs), else the contract's folder and name ("police/crimes_2026-27-Q2.csv"). */
    private static String datasetOf(Path relative, List<Map<String, Object>> mapped) {
        for (Map<String, Object> entry : mapped) {
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + entry.get("match"));
            if (matcher.matches(relative)) {
                return (String) entry.get("dataset");
            }
        }
        if (relative.getNameCount() < 2) {
            return null;
        }
        String name = relative.getFileName().toString();
        String dataset = relative.getParent().getFileName() + "/"
                + (name.contains("_") ? name.substring(0, name.indexOf('_')) : name);
        return DuckDbPeer.class.getResource("/datasets/" + dataset + ".yml") == null ? null : dataset;
    }

    /** Header names (lower case) to contract columns: the contract's own aliases, then the mapping's names and patterns for this file. */
    @SuppressWarnings("unchecked")
    private static Function<String, String> aliases(
            Map<String, Object> spec, List<Map<String, Object>> mapped, Path relative) {
        Map<String, String> exact = new TreeMap<>();
        Map<Pattern, String> patterns = new LinkedHashMap<>();
        Map<String, List<String>> headers = (Map<String, List<String>>) spec.getOrDefault("headers", Map.of());
        headers.forEach((column, names) -> names.forEach(n -> exact.put(n.toLowerCase(), column)));
        for (Map<String, Object> entry : mapped) {
            if (FileSystems.getDefault()
                    .getPathMatcher("glob:" + entry.get("match"))
                    .matches(relative)) {
                ((Map<String, List<String>>) entry.getOrDefault("columns", Map.of()))
                        .forEach((column, names) -> names.forEach(n -> {
                            if (n.startsWith("re:")) {
                                patterns.put(Pattern.compile(n.substring(3), Pattern.CASE_INSENSITIVE), column);
                            } else {
                                exact.put(n.toLowerCase(), column);
                            }
                        }));
            }
        }
        return header -> exact.getOrDefault(
                header,
                patterns.entrySet().stream()
                        .filter(p -> p.getKey().matcher(header).matches())
                        .map(Map.Entry::getValue)
                        .findFirst()
                        .orElse(header));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> columnTypes(Map<String, Object> spec) {
        Map<String, String> types = new TreeMap<>();
        ((Map<String, Object>) spec.getOrDefault("columns", Map.of())).forEach((column, definition) -> {
            Object type = definition instanceof Map<?, ?> m ? m.get("type") : null;
            types.put(column, type == null ? "text" : type.toString());
        });
        return types;
    }

    private static Map<String, Object> spec(String dataset) throws IOException {
        try (InputStream in = DuckDbPeer.class.getResourceAsStream("/datasets/" + dataset + ".yml")) {
            return new Yaml().load(in);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> mappedFiles(Path mapping) throws IOException {
        if (mapping == null || !Files.exists(mapping)) {
            return List.of();
        }
        Map<String, Object> yaml = new Yaml().load(Files.readString(mapping));
        return (List<Map<String, Object>>) yaml.getOrDefault("files", List.of());
    }

    /** Rows below the header in a workbook's sheets (title lines above the header are few; counted as the file holds them). */
    private static long dataRows(Path workbook) throws IOException {
        long rows = 0;
        try (Workbook wb = WorkbookFactory.create(workbook.toFile(), null, true)) {
            for (Sheet sheet : wb) {
                rows += Math.max(0, sheet.getPhysicalNumberOfRows() - 1);
            }
        }
        return rows;
    }

    /** Partners send Windows exports too: a file that is not UTF-8 is read as Latin-1 (DuckDB has no Windows-1252), as the pipeline's reader falls back. */
    private static boolean isUtf8(Path file) throws IOException {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file)));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String quote(String text) {
        return text.replace("'", "''");
    }
}
