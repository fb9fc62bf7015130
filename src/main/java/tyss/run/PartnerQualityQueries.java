package tyss.run;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

import tyss.contract.ColumnSpec;
import tyss.contract.DatasetCatalog;
import tyss.contract.DatasetSpec;
import tyss.disclose.PartnerQuality;
import tyss.ingest.ReceivedFiles;
import tyss.ingest.RowIssue;
import tyss.link.MatchReport;
import tyss.period.Quarter;

/** Reads from the store what the partner data-quality scorecard needs ({@link PartnerQuality}): counts only, no identifier leaves. */
final class PartnerQualityQueries {

    /** A quarter in a file's name: {@code _2026-27-Q2}, or the last month of a span, {@code _2024-04_2026-06}. */
    private static final Pattern NAMED_QUARTER = Pattern.compile("_(\\d{4}-\\d{2})[-_ ]?Q([1-4])");

    private static final Pattern NAMED_SPAN = Pattern.compile("_\\d{4}-\\d{2}_(\\d{4})-(\\d{2})");

    private final JdbcClient jdbc;
    private final DatasetCatalog catalog;
    private final List<ReceivedFiles.Entry> received;

    PartnerQualityQueries(JdbcClient jdbc, DatasetCatalog catalog, List<ReceivedFiles.Entry> received) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.received = received;
    }

    PartnerQuality read() {
        List<DatasetSpec> specs = catalog.all().stream()
                .filter(PartnerQualityQueries::isPartnerData)
                .toList();
        List<PartnerQuality.Delivery> deliveries = new ArrayList<>();
        List<PartnerQuality.Filled> filled = new ArrayList<>();
        Map<Long, Map<String, Integer>> blank = blankRequired();
        for (DatasetSpec spec : specs) {
            Map<Long, LocalDate> latest = new HashMap<>();
            spec.eventDate()
                    .ifPresent(date -> jdbc.sql(
                                    "SELECT file_id, MAX(" + date + ") FROM " + spec.table() + " GROUP BY file_id")
                            .query((rs, n) -> latest.put(rs.getLong(1), toDate(rs.getObject(2))))
                            .list());
            received.stream()
                    .filter(f -> spec.name().equals(f.dataset()) && f.is(ReceivedFiles.LOADED, ReceivedFiles.PARTIAL))
                    .sorted(Comparator.comparingLong(ReceivedFiles.Entry::fileId))
                    .forEach(f -> {
                        // the quarter its name says it delivers, as partners name extracts (a termly file's latest row
                        // may start a quarter before)
                        Optional<Quarter> q = named(f.sourceName())
                                .or(() -> Optional.ofNullable(latest.get(f.fileId()))
                                        .map(Quarter::containing));
                        q.ifPresent(quarter -> deliveries.add(new PartnerQuality.Delivery(
                                f.fileId(),
                                spec.name(),
                                quarter.toString(),
                                f.receivedAt() == null ? null : f.receivedAt().toLocalDate(),
                                f.rowsRead(),
                                f.rowsLoaded(),
                                f.rowsRejected(),
                                f.rowsWarned())));
                    });
            filled.addAll(filled(spec, blank));
        }
        return new PartnerQuality(deliveries, issues(), filled, joined(specs));
    }

    /** The partners' records and the TYSS's own; not the reference files (localities, population, targets). */
    static boolean isPartnerData(DatasetSpec spec) {
        return !spec.name().startsWith("reference/");
    }

    /** The columns the scorecard's completeness is about: required and key optional ones, as stored (identifiers are linkability's). */
    static List<ColumnSpec> scorecardColumns(DatasetSpec spec) {
        return spec.columns().stream()
                .filter(c -> (c.required() || c.keyOptional())
                        && c.type().isStoredAsIs()
                        && !c.type().isIdentifier())
                .toList();
    }

    private List<PartnerQuality.Filled> filled(DatasetSpec spec, Map<Long, Map<String, Integer>> blank) {
        List<ColumnSpec> columns = scorecardColumns(spec);
        if (columns.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT file_id, COUNT(*)");
        columns.forEach(c -> sql.append(", COUNT(").append(c.name()).append(')'));
        sql.append(" FROM ").append(spec.table()).append(" GROUP BY file_id ORDER BY file_id");
        List<PartnerQuality.Filled> out = new ArrayList<>();
        jdbc.sql(sql.toString())
                .query((rs, n) -> {
                    long file = rs.getLong(1);
                    for (int i = 0; i < columns.size(); i++) {
                        ColumnSpec c = columns.get(i);
                        int blanks = c.required()
                                ? blank.getOrDefault(file, Map.of()).getOrDefault(c.name(), 0)
                                : 0;
                        out.add(new PartnerQuality.Filled(
                                file, c.name(), c.required(), rs.getInt(2), rs.getInt(3 + i), blanks));
                    }
                    return file;
                })
                .list();
        return out;
    }

    /** Rows rejected because a required column was blank, by file and column. */
    private Map<Long, Map<String, Integer>> blankRequired() {
        Map<Long, Map<String, Integer>> blank = new HashMap<>();
        jdbc.sql(
                        "SELECT file_id, column_name, COUNT(DISTINCT row_number) FROM row_issue WHERE reason = ? AND column_name IS NOT NULL "
                                + "GROUP BY file_id, column_name")
                .param(RowIssue.VALUE_REQUIRED)
                .query((rs, n) -> blank.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                        .put(rs.getString(2), rs.getInt(3)))
                .list();
        return blank;
    }

    /** Rows with an issue, by file, severity, column and reason; a value quoted in a reason is left out (it may be personal). */
    private List<PartnerQuality.Issue> issues() {
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, PartnerQuality.Issue> first = new HashMap<>();
        jdbc.sql(
                        "SELECT file_id, severity, column_name, reason, row_number FROM row_issue WHERE row_number IS NOT NULL ORDER BY file_id, issue_id")
                .query((rs, n) -> {
                    String reason = reasonWithoutValues(rs.getString(4));
                    String key =
                            rs.getLong(1) + "\u0000" + rs.getString(2) + "\u0000" + rs.getString(3) + "\u0000" + reason;
                    first.putIfAbsent(
                            key, new PartnerQuality.Issue(rs.getLong(1), rs.getString(2), rs.getString(3), reason, 0));
                    counts.computeIfAbsent(key, k -> new int[1])[0]++;
                    return key;
                })
                .list();
        List<PartnerQuality.Issue> out = new ArrayList<>();
        counts.forEach((key, n) -> {
            PartnerQuality.Issue i = first.get(key);
            out.add(new PartnerQuality.Issue(i.fileId(), i.severity(), i.column(), i.reason(), n[0]));
        });
        return out;
    }

    static String reasonWithoutValues(String reason) {
        return reason.replaceAll("'[^']*'", "a value")
                .replaceAll("\"[^\"]*\"", "a value")
                .replaceAll(" \\([^)]*\\)", "");
    }

    /**
     * Each dataset's rows per quarter whose young person also has records from another agency: the
     * data sharing a partner's records make possible. A row's own key always gives it a person, so
     * "linked to a person" alone says only that it carries a key.
     */
    private List<PartnerQuality.Joined> joined(List<DatasetSpec> specs) {
        List<DatasetSpec> linkable =
                specs.stream().filter(DatasetSpec::linkable).toList();
        Map<String, Set<String>> peopleByAgency = new HashMap<>();
        for (DatasetSpec spec : linkable) {
            Set<String> people = peopleByAgency.computeIfAbsent(agency(spec), k -> new HashSet<>());
            jdbc.sql("SELECT DISTINCT person_id FROM " + spec.table() + " WHERE person_id IS NOT NULL")
                    .query(String.class)
                    .list()
                    .forEach(people::add);
        }
        List<PartnerQuality.Joined> out = new ArrayList<>();
        for (DatasetSpec spec : linkable) {
            if (spec.eventDate().isEmpty()) {
                continue;
            }
            List<Set<String>> others = peopleByAgency.entrySet().stream()
                    .filter(e -> !e.getKey().equals(agency(spec)))
                    .map(Map.Entry::getValue)
                    .toList();
            Map<String, int[]> byQuarter = new TreeMap<>();
            jdbc.sql("SELECT " + spec.eventDate().get() + ", person_id FROM " + spec.table())
                    .query((rs, n) -> {
                        Object date = rs.getObject(1);
                        String person = rs.getString(2);
                        int[] c = byQuarter.computeIfAbsent(
                                date == null
                                        ? "(no date)"
                                        : Quarter.containing(toDate(date)).toString(),
                                k -> new int[2]);
                        c[0]++;
                        if (person != null && others.stream().anyMatch(s -> s.contains(person))) {
                            c[1]++;
                        }
                        return null;
                    })
                    .list();
            byQuarter.forEach((q, c) -> out.add(new PartnerQuality.Joined(spec.name(), q, c[0], c[1])));
        }
        return out;
    }

    private static String agency(DatasetSpec spec) {
        return spec.name().substring(0, spec.name().indexOf('/'));
    }

    static Optional<Quarter> named(String sourceName) {
        Matcher q = NAMED_QUARTER.matcher(sourceName);
        if (q.find()) {
            return Optional.of(Quarter.parse(q.group(1) + " Q" + q.group(2)));
        }
        Matcher span = NAMED_SPAN.matcher(sourceName);
        if (span.find()) {
            return Optional.of(
                    Quarter.containing(YearMonth.of(Integer.parseInt(span.group(1)), Integer.parseInt(span.group(2)))
                            .atDay(1)));
        }
        return Optional.empty();
    }

    /** A row's date as stored; a month column ("2026-07") stands for its first day. */
    private static LocalDate toDate(Object value) {
        if (value instanceof String s) {
            return YearMonth.parse(s.length() > 7 ? s.substring(0, 7) : s).atDay(1);
        }
        return MatchReport.toDate(value);
    }
}
