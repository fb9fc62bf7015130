package tyss.measure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

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

    /** Per set of tables read: table → end of the quarter rows happened in (epoch day) → {rows, checksum}. */
    private final Map<String, Map<String, TreeMap<Integer, long[]>>> bySources;

    private InputFingerprints(Map<String, Map<String, TreeMap<Integer, long[]>>> bySources) {
        this.bySources = bySources;
    }

    /**
     * One pass over every dataset table (after counting them), keeping 15 bytes a row, then the
     * quarters of each set of tables a measure reads. The rows are let go before any measure runs: at
     * a region's ten million rows they are 150 MB, which the measures' own reading would add to.
     */
    public static InputFingerprints read(JdbcClient jdbc, DatasetCatalog catalog, Collection<Set<String>> sets) {
        List<DatasetSpec> specs = catalog.all().stream()
                .sorted(Comparator.comparing(DatasetSpec::table))
                .toList();
        Map<String, Integer> people = new HashMap<>();
        Map<LocalDate, Short> quarterOfDay = new HashMap<>();
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
                                rs.getLong(2),
                                who == null ? -1 : people.computeIfAbsent(who, p -> people.size()),
                                day == null ? UNDATED : (int) day.toEpochDay(),
                                day == null ? (short) -1 : quarterOfDay.computeIfAbsent(day, rows::quarterOf));
                    });
        }
        List<String> tables = specs.stream().map(DatasetSpec::table).toList();
        int persons = people.size();
        return new InputFingerprints(sets.stream()
                .map(TreeSet::new)
                .distinct()
                .parallel()
                .collect(
                        Collectors.toMap(set -> String.join(",", set), set -> quartersOf(set, tables, rows, persons))));
    }

    /** A digest of the named tables' rows that happened on or before the day, and their undated rows. */
    public String upTo(LocalDate day, Collection<String> of) {
        Map<String, TreeMap<Integer, long[]>> quarters = bySources.get(String.join(",", new TreeSet<>(of)));
        if (quarters == null) {
            throw new IllegalStateException("the inputs of " + of + " were not fingerprinted");
        }
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

    /** Each table's quarters for one set of tables, people named by their earliest row among them. */
    private static Map<String, TreeMap<Integer, long[]>> quartersOf(
            Set<String> of, List<String> tables, Rows rows, int people) {
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
                    && (rows.day[i] < firstDay[p] || rows.day[i] == firstDay[p] && rows.key(i) < firstRow[p])) {
                firstDay[p] = rows.day[i];
                firstRow[p] = rows.key(i);
            }
        }
        Map<String, TreeMap<Integer, long[]>> quarters = new TreeMap<>();
        for (int i = 0; i < rows.size; i++) {
            if (!read[rows.table[i]]) {
                continue;
            }
            long[] q = quarters.computeIfAbsent(tables.get(rows.table[i]), t -> new TreeMap<>())
                    .computeIfAbsent(rows.quarterEnd(i), d -> new long[2]);
            q[0]++;
            q[1] += mix(rows.key(i), rows.person[i] < 0 ? -1 : firstRow[rows.person[i]]);
        }
        return quarters;
    }

    /**
     * The rows as columns of numbers (15 bytes a row, without an object per row; sized from a count
     * first): at a region's ten million rows this is the measure stage's largest holding, so the
     * table is a byte, the row id an int, and the quarter an index into the few quarters seen.
     */
    private static final class Rows {
        byte[] table;
        int[] rowId;
        int[] person;
        int[] day;
        /** Index into {@link #quarterEnds} of the quarter the row happened in; -1 when undated. */
        short[] quarter;

        int size;
        /** The end of each quarter a row happened in, as an epoch day, and the index of each. */
        private final List<Integer> quarterEnds = new ArrayList<>();

        private final Map<Integer, Short> quarterIndex = new HashMap<>();

        Rows(int capacity) {
            table = new byte[capacity];
            rowId = new int[capacity];
            person = new int[capacity];
            day = new int[capacity];
            quarter = new short[capacity];
        }

        void add(int t, long id, int p, int d, short q) {
            if (size == table.length) {
                // a row stored since the count (never during a run, which holds the lock)
                table = Arrays.copyOf(table, size + 1024);
                rowId = Arrays.copyOf(rowId, size + 1024);
                person = Arrays.copyOf(person, size + 1024);
                day = Arrays.copyOf(day, size + 1024);
                quarter = Arrays.copyOf(quarter, size + 1024);
            }
            if (t > Byte.MAX_VALUE || id > Integer.MAX_VALUE || id < 0) {
                throw new IllegalStateException(
                        "more tables or a larger row id than the fingerprints hold: table " + t + ", row_id " + id);
            }
            table[size] = (byte) t;
            rowId[size] = (int) id;
            person[size] = p;
            day[size] = d;
            quarter[size] = q;
            size++;
        }

        /** A row's table and id as one number, ordered by table then id. */
        long key(int i) {
            return (long) table[i] << 40 | rowId[i];
        }

        /** The end of the quarter the row happened in (epoch day), or {@link #UNDATED}. */
        int quarterEnd(int i) {
            return quarter[i] < 0 ? UNDATED : quarterEnds.get(quarter[i]);
        }

        short quarterOf(LocalDate day) {
            return quarterIndex.computeIfAbsent(
                    (int) Quarter.containing(day).end().toEpochDay(), end -> {
                        if (quarterEnds.size() == Short.MAX_VALUE) {
                            throw new IllegalStateException("rows span more quarters than the fingerprints hold");
                        }
                        quarterEnds.add(end);
                        return (short) (quarterEnds.size() - 1);
                    });
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
