package tyss.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a dataset's table holds of each row besides its bookkeeping ({@code row_id}, {@code file_id},
 * {@code source_row}, {@code person_id}): the one rule that protect follows, the writer inserts and
 * the tables are checked against. Names, full dates of birth, postcodes and free text never appear.
 */
public final class StoredColumns {

    /** How a stored column's value is made from the checked row. */
    public enum Kind {
        /** the column's value as checked */
        AS_IS,
        /** the identifier's keyed pseudonym */
        PSEUDONYM,
        /** the date of birth's month (its first day) */
        BIRTH_MONTH,
        /** the exact name key of first name, last name and date of birth */
        NAME_KEY,
        /** the tolerant name key (Soundex of the surname, first initial, date of birth) */
        FUZZY_KEY
    }

    /**
     * One stored column.
     *
     * @param source the contract column it is made from; null for the name keys, made from the person columns
     */
    public record Column(String name, Kind kind, ColumnSpec source) {}

    private static final Map<String, List<Column>> BY_DATASET = new ConcurrentHashMap<>();

    private StoredColumns() {}

    public static List<Column> of(DatasetSpec spec) {
        // by name, not table(): this runs for every row protected, and table() parses the name
        return BY_DATASET.computeIfAbsent(spec.name(), n -> derive(spec));
    }

    /** The stored columns' names, in table order. */
    public static List<String> names(DatasetSpec spec) {
        return of(spec).stream().map(Column::name).toList();
    }

    private static List<Column> derive(DatasetSpec spec) {
        List<Column> columns = new ArrayList<>();
        for (ColumnSpec c : spec.columns()) {
            if (c.type() == ColumnType.DOB) {
                columns.add(new Column("birth_month", Kind.BIRTH_MONTH, c));
            } else if (c.type().isIdentifier()) {
                columns.add(new Column(c.name(), Kind.PSEUDONYM, c));
            } else if (c.type().isStoredAsIs()) {
                columns.add(new Column(c.name(), Kind.AS_IS, c));
            }
        }
        if (spec.person()) {
            columns.add(new Column("name_key", Kind.NAME_KEY, null));
            columns.add(new Column("fuzzy_key", Kind.FUZZY_KEY, null));
        }
        return List.copyOf(columns);
    }
}
