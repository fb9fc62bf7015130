package tyss.run;

import org.springframework.jdbc.core.simple.JdbcClient;

/** What one run received and read: files, and rows read, loaded and rejected (a refused file's rows are rejected with it). */
record Received(long files, long refused, long notLoadedSameBytes, long read, long loaded, long rejected) {

    static Received of(JdbcClient jdbc, String runId) {
        long duplicates = jdbc.sql("SELECT COUNT(*) FROM duplicate_delivery WHERE received_run = ?").param(runId).query(Long.class).single();
        return jdbc.sql("SELECT COUNT(*), COALESCE(SUM(CASE WHEN status = 'refused' THEN 1 ELSE 0 END), 0), COALESCE(SUM(rows_read), 0), "
                        + "COALESCE(SUM(rows_loaded), 0), COALESCE(SUM(rows_rejected), 0) FROM received_file WHERE received_run = ?")
                .param(runId).query((rs, n) -> new Received(rs.getLong(1), rs.getLong(2), duplicates, rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .single();
    }

    /** {@code files received: 63 new (1 refused); rows read 86725, loaded 86718, rejected 7}. */
    @Override
    public String toString() {
        return String.format("files received: %d new (%d refused%s); rows read %d, loaded %d, rejected %d", files, refused,
                notLoadedSameBytes == 0 ? ""
                        : String.format("; %d not loaded, the same bytes as a file already received: see the rejects report", notLoadedSameBytes),
                read, loaded, rejected);
    }
}
