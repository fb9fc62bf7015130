package tyss.link;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;

import tyss.contract.DatasetCatalog;
import tyss.contract.DatasetSpec;
import tyss.contract.PersonKey;
import tyss.period.Quarter;

/**
 * How well each partner's records link, per dataset and quarter: records linked to a cohort
 * member, linked to someone outside the cohort, or not linked at all, and by which key. It tells a
 * performance team whether an export is linkable before anyone trusts a figure built on it.
 */
public class MatchReport {

    /** One line: a dataset's records of a quarter matched by one kind of key. */
    public record Line(
            String dataset, String quarter, String matchedBy, int inCohort, int outsideCohort, int unlinked) {

        public int total() {
            return inCohort + outsideCohort + unlinked;
        }
    }

    private final JdbcTemplate jdbc;
    private final DatasetCatalog catalog;

    public MatchReport(JdbcTemplate jdbc, DatasetCatalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    /** The report as the link step last stored it. */
    public List<Line> stored() {
        return jdbc.query(
                "SELECT dataset, quarter, matched_by, in_cohort, outside_cohort, unlinked FROM link_summary ORDER BY dataset, quarter, matched_by",
                (rs, n) -> new Line(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getInt(6)));
    }

    /** Recomputes the report into {@code link_summary}. */
    public List<Line> refresh() {
        Set<String> cohort = new HashSet<>(jdbc.queryForList("SELECT person_id FROM cohort_member", String.class));
        long[] nameKeys = nameKeys();
        List<Line> lines = new ArrayList<>();
        for (DatasetSpec spec :
                catalog.all().stream().filter(DatasetSpec::linkable).toList()) {
            lines.addAll(lines(spec, spec.eventDate(), cohort, nameKeys));
        }
        jdbc.update("DELETE FROM link_summary");
        jdbc.batchUpdate(
                "INSERT INTO link_summary (dataset, quarter, matched_by, in_cohort, outside_cohort, unlinked) VALUES (?, ?, ?, ?, ?, ?)",
                lines.stream()
                        .map(l -> new Object[] {
                            l.dataset(), l.quarter(), l.matchedBy(), l.inCohort(), l.outsideCohort(), l.unlinked()
                        })
                        .toList());
        return lines;
    }

    /**
     * The person index's exact name keys, sorted, each as its first 64 bits (the key is a keyed hash
     * already): 8 bytes a key. A lookup per row in H2's index instead read a page from disk for most
     * rows once the index outgrew H2's cache, at --scale 100 most of the link step.
     */
    private long[] nameKeys() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM person_key WHERE key_type = 'name_key'", Long.class);
        long[] keys = new long[Math.toIntExact(n == null ? 0 : n)];
        int[] filled = {0};
        jdbc.query("SELECT key_value FROM person_key WHERE key_type = 'name_key'", rs -> {
            if (filled[0] < keys.length) {
                keys[filled[0]++] = prefix(rs.getString(1));
            }
        });
        long[] sorted = Arrays.copyOf(keys, filled[0]);
        Arrays.sort(sorted);
        return sorted;
    }

    private static long prefix(String key) {
        return Long.parseUnsignedLong(key.substring(0, 16), 16);
    }

    private List<Line> lines(DatasetSpec spec, Optional<String> dateColumn, Set<String> cohort, long[] nameKeys) {
        List<String> ids = PersonKey.identifierColumns(spec);
        String nameMatch = spec.person() ? ", t.name_key" : ", NULL";
        String sql = "SELECT " + dateColumn.map(c -> "t." + c).orElse("NULL") + ", t.person_id, "
                + String.join(", ", ids.stream().map(c -> "t." + c).toList()) + nameMatch + " FROM " + spec.table()
                + " t";
        Map<String, int[]> counts = new TreeMap<>();
        jdbc.query(sql, rs -> {
            Object date = rs.getObject(1);
            String quarter = date == null
                    ? "(no date)"
                    : Quarter.containing(toDate(date)).toString();
            String person = rs.getString(2);
            String by = "unlinked";
            if (person != null) {
                by = spec.person() ? "tolerant name key" : "(none)";
                for (int i = 0; i < ids.size(); i++) {
                    if (rs.getString(3 + i) != null) {
                        by = ids.get(i);
                        break;
                    }
                }
                String nameKey = rs.getString(3 + ids.size());
                if (by.equals("tolerant name key")
                        && nameKey != null
                        && Arrays.binarySearch(nameKeys, prefix(nameKey)) >= 0) {
                    by = "name and date of birth";
                }
            }
            int[] c = counts.computeIfAbsent(quarter + "\u0000" + by, k -> new int[3]);
            c[person == null ? 2 : cohort.contains(person) ? 0 : 1]++;
        });
        List<Line> lines = new ArrayList<>();
        counts.forEach((key, c) -> {
            String[] parts = key.split("\u0000");
            lines.add(new Line(spec.name(), parts[0], parts[1], c[0], c[1], c[2]));
        });
        return lines;
    }

    /** A date column as JDBC gives it back, on H2 or PostgreSQL, as a day. */
    public static LocalDate toDate(Object value) {
        if (value instanceof Date d) {
            return d.toLocalDate();
        }
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime().toLocalDate();
        }
        if (value instanceof LocalDateTime t) {
            return t.toLocalDate();
        }
        if (value instanceof OffsetDateTime t) {
            return t.toLocalDate();
        }
        return (LocalDate) value;
    }
}
