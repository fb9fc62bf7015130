package tyss.protect;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import tyss.ingest.CheckedRow;
import tyss.ingest.ColumnSpec;
import tyss.ingest.ColumnType;
import tyss.ingest.StoredRow;

/**
 * The {@code protect} stage: replaces every identifier with its keyed pseudonym, turns names and
 * date of birth into match keys, keeps only the month of birth, and drops postcodes. What leaves
 * here is all that is ever stored.
 */
public final class RowProtector {

    private final Pseudonymiser pseudonymiser;

    public RowProtector(Pseudonymiser pseudonymiser) {
        this.pseudonymiser = pseudonymiser;
    }

    public StoredRow protect(CheckedRow row) {
        Map<String, Object> values = row.values();
        Map<String, Object> stored = new LinkedHashMap<>();
        for (ColumnSpec column : row.spec().columns()) {
            Object value = values.get(column.name());
            if (column.type() == ColumnType.ID) {
                stored.put(column.name(), value == null ? null : pseudonymiser.identifier(column.name(), (String) value));
            } else if (column.type() == ColumnType.DOB) {
                stored.put("birth_month", value == null ? null : ((LocalDate) value).withDayOfMonth(1));
            } else if (column.type().isStoredAsIs()) {
                stored.put(column.name(), value);
            }
        }
        if (row.spec().person()) {
            String first = (String) values.get("first_name");
            String last = (String) values.get("last_name");
            LocalDate dob = (LocalDate) values.get("dob");
            boolean keyable = first != null && last != null && dob != null;
            stored.put("name_key", keyable ? pseudonymiser.nameKey(first, last, dob) : null);
            stored.put("fuzzy_key", keyable ? pseudonymiser.fuzzyKey(first, last, dob) : null);
        }
        return new StoredRow(row.spec(), row.fileId(), row.rowNumber(), stored);
    }
}
