package tyss.ingest;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;

import tyss.contract.DatasetCatalog;
import tyss.contract.DatasetSpec;
import tyss.contract.StoredColumns;

/**
 * Warns about rows that repeat an earlier row of the same file exactly. They are loaded (two
 * contacts on one day can be genuine) but flagged, so a doubled export is noticed. Done on the stored rows
 * after ingest, so the warnings are the same whether or not the run was interrupted.
 */
final class DuplicateRows {

    private DuplicateRows() {}

    /** Adds a warning for each repeat in the files a run received; returns how many. */
    static int warn(JdbcClient jdbc, DatasetCatalog catalog, ReceivedFiles files, String runId) {
        int warned = 0;
        for (ReceivedFiles.Entry file : files.ofRun(runId)) {
            if (!file.is(ReceivedFiles.LOADED, ReceivedFiles.PARTIAL)) {
                continue;
            }
            DatasetSpec spec = catalog.find(file.dataset()).orElseThrow();
            List<int[]> repeats = repeats(jdbc, spec.table(), StoredColumns.names(spec), file.fileId());
            jdbc.sql("DELETE FROM row_issue WHERE file_id = ? AND reason LIKE ?")
                    .params(file.fileId(), RowIssue.REPEATS + "%")
                    .update();
            if (!repeats.isEmpty()) {
                files.addIssues(
                        file.fileId(),
                        repeats.stream().map(r -> RowIssue.repeats(r[0], r[1])).toList());
                warned += repeats.size();
            }
        }
        return warned;
    }

    /**
     * Each row equal in every stored column to an earlier row of the file, with the first such row, in
     * row order. One pass hashes every row (a window over all the columns, as this was, sorted them in
     * H2: 4 s of the run at 10x); only rows whose hash recurs are read again and compared value by value.
     */
    static List<int[]> repeats(JdbcClient jdbc, String table, List<String> columns, long fileId) {
        String select = "SELECT source_row, " + String.join(", ", columns) + " FROM " + table + " WHERE file_id = ?";
        Map<Long, Integer> rowOfHash = new HashMap<>();
        Set<Integer> candidates = new HashSet<>();
        jdbc.sql(select).param(fileId).query(rs -> {
            int row = rs.getInt(1);
            Integer earlier = rowOfHash.putIfAbsent(hash(values(rs, columns.size())), row);
            if (earlier != null) {
                candidates.add(earlier);
                candidates.add(row);
            }
        });
        if (candidates.isEmpty()) {
            return List.of();
        }
        TreeMap<Integer, List<Object>> candidateValues = new TreeMap<>();
        jdbc.sql(select).param(fileId).query(rs -> {
            int row = rs.getInt(1);
            if (candidates.contains(row)) {
                candidateValues.put(row, values(rs, columns.size()));
            }
        });
        Map<List<Object>, Integer> firstOfValues = new HashMap<>();
        List<int[]> repeats = new ArrayList<>();
        candidateValues.forEach((row, values) -> {
            int first = firstOfValues.computeIfAbsent(values, v -> row);
            if (first != row) {
                repeats.add(new int[] {row, first});
            }
        });
        return repeats;
    }

    /** A row's stored values as SQL compares them: NULLs alike, numbers by value whatever their scale. */
    private static List<Object> values(ResultSet rs, int count) throws SQLException {
        List<Object> values = new ArrayList<>(count);
        for (int i = 2; i <= count + 1; i++) {
            Object value = rs.getObject(i);
            values.add(value instanceof BigDecimal n ? n.stripTrailingZeros() : value);
        }
        return values;
    }

    private static long hash(List<Object> values) {
        long h = 17;
        for (Object v : values) {
            h = h * 0x9E3779B97F4A7C15L + (v == null ? 0 : v.hashCode());
        }
        return h;
    }
}
