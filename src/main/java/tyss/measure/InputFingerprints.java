package tyss.measure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;

import tyss.contract.DatasetCatalog;
import tyss.contract.DatasetSpec;
import tyss.period.Quarter;

/**
 * What the store holds up to a day, read from the rows themselves, so that a measure's results for
 * an earlier period can be reused exactly when nothing it could read has changed: for the tables a
 * measure reads, a count and an order-free checksum of each row's id and person, by the quarter
 * the row happened in (its event date). A person is named here by their earliest row in those
 * tables, not by their id: a person renamed because a later record joined them to a more trusted
 * identifier changes nothing before it, while two earlier people joined into one do. A late row, a
 * replaced file or a relinked row changes the quarter it belongs to; an undated row counts on
 * every day.
 */
final class InputFingerprints {

    private static final int UNDATED = Integer.MIN_VALUE;

    private final List<String> tables;
    private final Rows rows;
    private final int people;
    /** Per set of tables read: table → end of the quarter rows happened in (epoch day) → {rows, checksum}. */
    private final Map<String, Map<String, TreeMap<Integer, long[]>>> bySources = new HashMap<>();

    private InputFingerprints(List<String> tables, Rows rows, int people) {
        this.tables = tables;
        this.rows = rows;
        this.people = people;
    }

    /** One pass over every dataset table (after counting them), keeping five numbers a row. */
    public static InputFingerprints read(JdbcClient jdbc, DatasetCatalog catalog) {
        List<DatasetSpec> specs = catalog.all().stream()
                .sorted(Comparator.comparing(DatasetSpec::table))
                .toList();
        Map<String, Integer> people = new HashMap<>();
        Map<LocalDate, Integer> quarterEnds = new HashMap<>();
        long stored = 0;
        for (DatasetSpec spec : specs) {
            stored += jdbc.sql("SELECT COUNT(*) FROM " + spec.table())
                    .query(Long.class)
                    .single();
        }
        Rows rows = new Rows(Math.toIntExact(stored));
        for (int t = 0; t < specs.size(); t++) {
            DatasetSpec spec = specs.get(t);
            int table = t;
            String date = spec.eventDate().map(c -> "CAST(" + c + " AS DATE)").orElse("NULL");
            String person = spec.linkable() ? "person_id" : "NULL";
            jdbc.sql("SELECT " + date + ", row_id, " + person + " FROM " + spec.table())
                    .query(rs -> {
                        LocalDate day = rs.getObject(1, LocalDate.class);
                        String who = rs.getString(3);
                        rows.add(
                                table,
                                (long) table << 40 | rs.getLong(2),
                                who == null ? -1 : people.computeIfAbsent(who, p -> people.size()),
                                day == null ? UNDATED : (int) day.toEpochDay(),
                                day == null
                                        ? UNDATED
                                        : quarterEnds.computeIfAbsent(day, d -> (int)
                                                Quarter.containing(d).end().toEpochDay()));
                    });
        }
        return new InputFingerprints(specs.stream().map(DatasetSpec::table).toList(), rows, people.size());
    }

    /** A digest of the named tables' rows that happened on or before the day, and their undated rows. */
    public String upTo(LocalDate day, Collection<String> of) {
        Map<String, TreeMap<Integer, long[]>> quarters = quartersOf(new TreeSet<>(of));
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            quarters.forEach((table, byQuarter) -> {
                long count = 0;
                long sum = 0;
                for (long[] q : byQuarter.headMap((int) day.toEpochDay(), true).values()) {
                    count += q[0];
                    sum += q[1];
                }
                digest.update((table + ":" + count + ":" + sum + ";").getBytes(StandardCharsets.UTF_8));
            });
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each table's quarters for one set of tables, people named by their earliest row among them; worked out once per set. */
    private synchronized Map<String, TreeMap<Integer, long[]>> quartersOf(TreeSet<String> of) {
        return bySources.computeIfAbsent(String.join(",", of), key -> {
            boolean[] read = new boolean[tables.size()];
            for (int t = 0; t < tables.size(); t++) {
                read[t] = of.contains(tables.get(t));
            }
            int[] firstDay = new int[people];
            long[] firstRow = new long[people];
            Arrays.fill(firstDay, Integer.MAX_VALUE);
            for (int i = 0; i < rows.size; i++) {
                int p = rows.person[i];
                if (read[rows.table[i]]
                        && p >= 0
                        && (rows.day[i] < firstDay[p] || rows.day[i] == firstDay[p] && rows.key[i] < firstRow[p])) {
                    firstDay[p] = rows.day[i];
                    firstRow[p] = rows.key[i];
                }
            }
            Map<String, TreeMap<Integer, long[]>> quarters = new TreeMap<>();
            for (int i = 0; i < rows.size; i++) {
                if (!read[rows.table[i]]) {
                    continue;
                }
                long[] q = quarters.computeIfAbsent(tables.get(rows.table[i]), t -> new TreeMap<>())
                        .computeIfAbsent(rows.quarter[i], d -> new long[2]);
                q[0]++;
                q[1] += mix(rows.key[i], rows.person[i] < 0 ? -1 : firstRow[rows.person[i]]);
            }
            return quarters;
        });
    }

    /** The rows as five columns of numbers (24 bytes a row), without an object per row; sized from a count first. */
    private static final class Rows {
        int[] table;
        long[] key;
        int[] person;
        int[] day;
        /** The end of the quarter the row happened in, as an epoch day. */
        int[] quarter;

        int size;

        Rows(int capacity) {
            table = new int[capacity];
            key = new long[capacity];
            person = new int[capacity];
            day = new int[capacity];
            quarter = new int[capacity];
        }

        void add(int t, long k, int p, int d, int q) {
            if (size == table.length) {
                // a row stored since the count (never during a run, which holds the lock)
                table = Arrays.copyOf(table, size + 1024);
                key = Arrays.copyOf(key, size + 1024);
                person = Arrays.copyOf(person, size + 1024);
                day = Arrays.copyOf(day, size + 1024);
                quarter = Arrays.copyOf(quarter, size + 1024);
            }
            table[size] = t;
            key[size] = k;
            person[size] = p;
            day[size] = d;
            quarter[size] = q;
            size++;
        }
    }

    /** A well-spread 64-bit hash of a row and its person's earliest row (SplitMix64's finaliser). */
    private static long mix(long rowId, long person) {
        long z = rowId * 0x9E3779B97F4A7C15L ^ (person + 0x632BE59BD9B4E019L) * 0xC2B2AE3D27D4EB4FL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
