package tyss.contract;

import java.util.List;
import java.util.Optional;

/**
 * A dataset of the input contract, read from {@code datasets/<agency>/<name>.yml}.
 *
 * @param name   {@code <agency>/<dataset>}, e.g. {@code police/missing-reports}: also where its
 *               files are expected, {@code <agency>/<dataset>_*.csv|xlsx}
 * @param person whether rows are about a person and carry the person identification columns
 */
public record DatasetSpec(String name, String description, boolean person, List<ColumnSpec> columns) {

    /** The table the dataset loads into: {@code ds_police_missing_reports}. */
    public String table() {
        return DatasetId.of(name).table();
    }

    public Optional<ColumnSpec> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public List<ColumnSpec> identifierColumns() {
        return columns.stream().filter(c -> c.type().isIdentifier()).toList();
    }

    /** The column saying when a row happened: its first required date, date-time or month; empty for undated datasets. */
    public Optional<String> eventDate() {
        return columns.stream()
                .filter(c -> c.required()
                        && (c.type() == ColumnType.DATE
                                || c.type() == ColumnType.DATETIME
                                || c.type() == ColumnType.MONTH))
                .map(ColumnSpec::name)
                .findFirst();
    }

    /** Whether rows can be linked to a person (and so the table has a person_id column). */
    public boolean linkable() {
        return person || !identifierColumns().isEmpty();
    }
}
