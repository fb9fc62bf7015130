package tyss.ingest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import tyss.contract.ColumnType;
import tyss.contract.DatasetSpec;
import tyss.contract.StoredColumns;

/**
 * Inserts stored rows into their dataset's table with JDBC batches (the measured storage floor),
 * each with the person its most trusted key gives, which the link step corrects where people join.
 */
@Component
public class DatasetWriter {

    private final JdbcTemplate jdbc;

    public DatasetWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void write(List<StoredRow> rows) {
        Map<String, List<StoredRow>> byDataset = new LinkedHashMap<>();
        rows.forEach(r -> byDataset
                .computeIfAbsent(r.spec().name(), s -> new ArrayList<>())
                .add(r));
        byDataset.values().forEach(ofDataset -> insert(ofDataset.get(0).spec(), ofDataset));
    }

    /** Everything about the columns is worked out once a batch, not once a value: this runs for every row stored. */
    private void insert(DatasetSpec spec, List<StoredRow> rows) {
        List<String> columns = StoredColumns.names(spec);
        boolean[] asInt = new boolean[columns.size()];
        for (int i = 0; i < asInt.length; i++) {
            asInt[i] = isInt(spec, columns.get(i));
        }
        boolean linkable = spec.linkable();
        String sql = "INSERT INTO " + spec.table() + " (file_id, source_row, " + (linkable ? "person_id, " : "")
                + String.join(", ", columns) + ") VALUES (?, ?" + (linkable ? ", ?" : "")
                + ", ?".repeat(columns.size()) + ")";
        jdbc.batchUpdate(sql, rows, 1000, (ps, row) -> {
            int p = 1;
            ps.setLong(p++, row.fileId());
            ps.setInt(p++, row.sourceRow());
            if (linkable) {
                ps.setString(p++, row.personId());
            }
            for (int i = 0; i < asInt.length; i++) {
                Object value = row.columns().get(columns.get(i));
                ps.setObject(p++, value instanceof BigDecimal n && asInt[i] ? n.intValueExact() : value);
            }
        });
    }

    private static boolean isInt(DatasetSpec spec, String column) {
        return spec.column(column).map(c -> c.type() == ColumnType.INT).orElse(false);
    }
}
