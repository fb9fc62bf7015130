package tyss.ingest;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import tyss.contract.DatasetCatalog;
import tyss.contract.DatasetSpec;
import tyss.contract.StoredColumns;

/**
 * Warns about rows that repeat an earlier row of the same file exactly. They are loaded (two
 * contacts on one day can be genuine) but flagged, so a doubled export is noticed. Done in SQL
 * after ingest, so the warnings are the same whether or not the run was interrupted.
 */
public final class DuplicateRows {

    private DuplicateRows() {
    }

    /** Adds a warning for each repeat in the files a run received; returns how many. */
    static int warn(JdbcClient jdbc, DatasetCatalog catalog, ReceivedFiles files, String runId) {
        int warned = 0;
        for (ReceivedFiles.Entry file : files.ofRun(runId)) {
            if (!file.is(ReceivedFiles.LOADED, ReceivedFiles.PARTIAL)) {
                continue;
            }
            DatasetSpec spec = catalog.find(file.dataset()).orElseThrow();
            String columns = String.join(", ", StoredColumns.names(spec));
            // A window over all stored columns sorts once, rather than comparing every pair of rows.
            List<int[]> repeats = jdbc.sql("SELECT source_row, first_row FROM (SELECT source_row, MIN(source_row) OVER (PARTITION BY "
                            + columns + ") AS first_row FROM " + spec.table() + " WHERE file_id = ?) r WHERE source_row <> first_row ORDER BY source_row")
                    .param(file.fileId()).query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}).list();
            jdbc.sql("DELETE FROM row_issue WHERE file_id = ? AND reason LIKE 'the row repeats%'").param(file.fileId()).update();
            if (!repeats.isEmpty()) {
                files.addIssues(file.fileId(), repeats.stream().map(r -> new RowIssue(r[0], null, null, RowIssue.Severity.WARNING,
                        "the row repeats row " + r[1] + " exactly (loaded; check the export is not doubled)", null)).toList());
                warned += repeats.size();
            }
        }
        return warned;
    }
}
