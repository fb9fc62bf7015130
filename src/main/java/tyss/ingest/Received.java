package tyss.ingest;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/** What one run received and read: files, and rows read, loaded and rejected (a refused file's rows are rejected with it). */
public record Received(long files, long refused, long notLoadedSameBytes, long read, long loaded, long rejected) {

    public static Received of(ReceivedFiles files, JdbcClient jdbc, String runId) {
        long duplicates = jdbc.sql("SELECT COUNT(*) FROM duplicate_delivery WHERE received_run = ?")
                .param(runId)
                .query(Long.class)
                .single();
        List<ReceivedFiles.Entry> ofRun = files.ofRun(runId);
        return new Received(
                ofRun.size(),
                ofRun.stream().filter(f -> f.is(ReceivedFiles.REFUSED)).count(),
                duplicates,
                ofRun.stream().mapToLong(ReceivedFiles.Entry::rowsRead).sum(),
                ofRun.stream().mapToLong(ReceivedFiles.Entry::rowsLoaded).sum(),
                ofRun.stream().mapToLong(ReceivedFiles.Entry::rowsRejected).sum());
    }

    /** {@code files received: 63 new (1 refused); rows read 86725, loaded 86718, rejected 7}. */
    @Override
    public String toString() {
        return String.format(
                "files received: %d new (%d refused%s); rows read %d, loaded %d, rejected %d",
                files,
                refused,
                notLoadedSameBytes == 0
                        ? ""
                        : String.format(
                                "; %d not loaded, the same bytes as a file already received: see the rejects report",
                                notLoadedSameBytes),
                read,
                loaded,
                rejected);
    }
}
