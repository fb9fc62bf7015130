package tyss.protect;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import tyss.contract.DatasetSpec;
import tyss.contract.StoredColumns;

/**
 * The {@code protect} stage: replaces every identifier with its keyed pseudonym, turns names and
 * date of birth into match keys, keeps only the month of birth, and drops postcodes. What leaves
 * here ({@link StoredColumns}) is all that is ever stored.
 */
public final class RowProtector {

    private final Pseudonymiser pseudonymiser;

    public RowProtector(Pseudonymiser pseudonymiser) {
        this.pseudonymiser = pseudonymiser;
    }

    /** The stored columns' values of a checked row's typed values (names and dates of birth still in clear). */
    public Map<String, Object> protect(DatasetSpec spec, Map<String, Object> values) {
        Map<String, Object> stored = new LinkedHashMap<>();
        for (StoredColumns.Column column : StoredColumns.of(spec)) {
            Object value =
                    column.source() == null ? null : values.get(column.source().name());
            stored.put(
                    column.name(),
                    switch (column.kind()) {
                        case AS_IS -> value;
                        case PSEUDONYM ->
                            value == null ? null : pseudonymiser.identifier(column.name(), (String) value);
                        case BIRTH_MONTH -> value == null ? null : ((LocalDate) value).withDayOfMonth(1);
                        case NAME_KEY ->
                            keyable(values) ? pseudonymiser.nameKey(first(values), last(values), dob(values)) : null;
                        case FUZZY_KEY ->
                            keyable(values) ? pseudonymiser.fuzzyKey(first(values), last(values), dob(values)) : null;
                    });
        }
        return stored;
    }

    private static boolean keyable(Map<String, Object> values) {
        return first(values) != null && last(values) != null && dob(values) != null;
    }

    private static String first(Map<String, Object> values) {
        return (String) values.get("first_name");
    }

    private static String last(Map<String, Object> values) {
        return (String) values.get("last_name");
    }

    private static LocalDate dob(Map<String, Object> values) {
        return (LocalDate) values.get("dob");
    }
}
