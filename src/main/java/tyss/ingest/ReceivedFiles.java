package tyss.ingest;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code received_file} and {@code row_issue} tables: what arrived, and what was wrong with it. */
@Repository
public class ReceivedFiles {

    public static final String PENDING = "pending";
    public static final String LOADED = "loaded";
    public static final String PARTIAL = "partial";
    public static final String REFUSED = "refused";
    public static final String SUPERSEDED = "superseded";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public ReceivedFiles(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /**
     * One received file as the table holds it.
     *
     * @param receivedAt when it was delivered (the inbox's receipts log, or first sight); null before V12
     */
    public record Entry(
            long fileId,
            String sha256,
            String sourceName,
            String dataset,
            long sizeBytes,
            String receivedRun,
            String status,
            int rowsRead,
            int rowsLoaded,
            int rowsRejected,
            int rowsWarned,
            String message,
            LocalDate archiveDeletedOn,
            LocalDateTime receivedAt) {

        public boolean is(String... statuses) {
            return Arrays.asList(statuses).contains(status);
        }
    }

    /** Every file ever received, by name and then as received: a few hundred rows, so readers filter them here rather than in SQL. */
    public List<Entry> all() {
        return jdbc.sql(
                        "SELECT file_id, sha256, source_name, dataset, size_bytes, received_run, status, rows_read, rows_loaded, rows_rejected, "
                                + "rows_warned, message, archive_deleted_on, received_at FROM received_file ORDER BY source_name, file_id")
                .query((rs, n) -> new Entry(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getInt(8),
                        rs.getInt(9),
                        rs.getInt(10),
                        rs.getInt(11),
                        rs.getString(12),
                        rs.getDate(13) == null ? null : rs.getDate(13).toLocalDate(),
                        rs.getTimestamp(14) == null ? null : rs.getTimestamp(14).toLocalDateTime()))
                .list();
    }

    /** The files one run received, as received. */
    public List<Entry> ofRun(String runId) {
        return all().stream()
                .filter(f -> f.receivedRun().equals(runId))
                .sorted(Comparator.comparingLong(Entry::fileId))
                .toList();
    }

    public List<ReceivedFile> pending() {
        return jdbc.sql(
                        "SELECT file_id, source_name, dataset, archived_path FROM received_file WHERE status = ? ORDER BY file_id")
                .param(PENDING)
                .query(ReceivedFile.class)
                .list();
    }

    public void finish(long fileId, String status, String message) {
        jdbc.sql("UPDATE received_file SET status = ?, message = ? WHERE file_id = ?")
                .params(status, message == null ? null : clip(message, 2000), fileId)
                .update();
    }

    public void addCounts(long fileId, int read, int loaded, int rejected, int warned) {
        jdbc.sql("UPDATE received_file SET rows_read = rows_read + ?, rows_loaded = rows_loaded + ?, "
                        + "rows_rejected = rows_rejected + ?, rows_warned = rows_warned + ? WHERE file_id = ?")
                .params(read, loaded, rejected, warned, fileId)
                .update();
    }

    public void addIssues(long fileId, List<RowIssue> issues) {
        template.batchUpdate(
                "INSERT INTO row_issue (file_id, row_number, column_name, shown_value, severity, reason, expected) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)",
                issues,
                500,
                (ps, issue) -> {
                    ps.setLong(1, fileId);
                    ps.setObject(2, issue.rowNumber());
                    ps.setString(3, issue.column());
                    ps.setString(4, issue.shownValue() == null ? null : clip(issue.shownValue(), 200));
                    ps.setString(5, issue.severity().name());
                    ps.setString(6, clip(issue.reason(), 500));
                    ps.setString(7, issue.expected() == null ? null : clip(issue.expected(), 1000));
                });
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
