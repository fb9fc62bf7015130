package tyss.contract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The keys a row is linked by ({@code type:pseudonym}) and the person id they give. A person's id
 * comes from their most trusted key, so a row that carries it already has its final person when
 * stored, and the link step rewrites only the rows it had to join to someone else.
 */
public final class PersonKey {

    /** Identifier columns in the order they are trusted. */
    public static final List<String> IDENTIFIERS =
            List.of("tyss_id", "la_child_id", "upn", "nhs_number", "yot_id", "police_person_id");

    public static final List<String> NAME_KEYS = List.of("name_key", "fuzzy_key");
    private static final List<String> TRUST = concat(IDENTIFIERS, NAME_KEYS);

    /** Most trusted kind first, then by value, so the choice never depends on the order rows were read. */
    public static final Comparator<String> MOST_TRUSTED_FIRST =
            Comparator.<String>comparingInt(k -> TRUST.indexOf(type(k))).thenComparing(k -> k);

    private PersonKey() {}

    /** The key columns a dataset's rows carry, most trusted first. */
    public static List<String> columns(DatasetSpec spec) {
        List<String> columns = new ArrayList<>(identifierColumns(spec));
        if (spec.person()) {
            columns.addAll(NAME_KEYS);
        }
        return columns;
    }

    public static List<String> identifierColumns(DatasetSpec spec) {
        return IDENTIFIERS.stream().filter(id -> spec.column(id).isPresent()).toList();
    }

    /**
     * A stored row's most trusted key ({@code type:pseudonym}), of the key columns its dataset
     * carries ({@link #columns}): the person it gives is the row's until the link step says otherwise.
     */
    public static String mostTrusted(List<String> keyColumns, Map<String, Object> stored) {
        for (String column : keyColumns) {
            Object value = stored.get(column);
            if (value != null) {
                return column + ":" + value;
            }
        }
        return null;
    }

    /** The pseudonymous person id of a set of keys, from the most trusted of them. */
    public static String personOf(String mostTrustedKey) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(mostTrustedKey.getBytes(StandardCharsets.UTF_8));
            return "P" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String type(String key) {
        return key.substring(0, key.indexOf(':'));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
