package tyss.measure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;

import tyss.ingest.DatasetCatalog;
import tyss.ingest.DatasetSpec;

/**
 * What the store holds up to a day, read from the rows themselves, so that a measure's results for
 * an earlier period can be reused exactly when nothing it could read has changed: per dataset, a
 * count and an order-free checksum of each row's id and person, by the quarter the row happened in
 * (its event date). A late row, a replaced file or a relinked person changes the checksum of the
 * quarter the row belongs to; an undated row counts on every day.
 */
public final class InputFingerprints {

    private static final LocalDate UNDATED = LocalDate.MIN;

    /** Table → end of the quarter a row happened in → {rows, checksum}. */
    private final Map<String, TreeMap<LocalDate, long[]>> tables;

    private InputFingerprints(Map<String, TreeMap<LocalDate, long[]>> tables) {
        this.tables = tables;
    }

    /** One pass over every dataset table. */
    public static InputFingerprints read(JdbcClient jdbc, DatasetCatalog catalog) {
        Map<String, TreeMap<LocalDate, long[]>> tables = new LinkedHashMap<>();
        for (DatasetSpec spec : catalog.all().stream().sorted(Comparator.comparing(DatasetSpec::table)).toList()) {
            TreeMap<LocalDate, long[]> quarters = new TreeMap<>();
            String date = spec.eventDate().map(c -> "CAST(" + c + " AS DATE)").orElse("NULL");
            String person = spec.linkable() ? "person_id" : "NULL";
            jdbc.sql("SELECT " + date + ", row_id, " + person + " FROM " + spec.table()).query(rs -> {
                LocalDate day = rs.getObject(1, LocalDate.class);
                long[] q = quarters.computeIfAbsent(day == null ? UNDATED : Quarter.containing(day).end(), d -> new long[2]);
                q[0]++;
                q[1] += mix(rs.getLong(2), rs.getString(3));
            });
            tables.put(spec.table(), quarters);
        }
        return new InputFingerprints(tables);
    }

    /** A digest of every row that happened on or before the day, and every undated row. */
    public String upTo(LocalDate day) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            tables.forEach((table, quarters) -> {
                long rows = 0;
                long sum = 0;
                for (long[] q : quarters.headMap(day, true).values()) {
                    rows += q[0];
                    sum += q[1];
                }
                digest.update((table + ":" + rows + ":" + sum + ";").getBytes(StandardCharsets.UTF_8));
            });
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A well-spread 64-bit hash of a row id and its person (FNV-1a, then SplitMix64's finaliser). */
    private static long mix(long rowId, String person) {
        long h = 0xcbf29ce484222325L;
        if (person != null) {
            for (int i = 0; i < person.length(); i++) {
                h = (h ^ person.charAt(i)) * 0x100000001b3L;
            }
        }
        long z = rowId * 0x9E3779B97F4A7C15L ^ h;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
