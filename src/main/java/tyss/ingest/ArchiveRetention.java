package tyss.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The retention rule for the archive of received files: an archived copy whose file was received
 * longer ago than the authority keeps raw inputs is deleted, and the file's record says so (its
 * rows stay in the store, pseudonymised). A later run's manifest shows those inputs as
 * {@code archive_deleted}, and a rerun that needs one says it was deleted and when.
 */
public final class ArchiveRetention {

    /** What one application of the rule did. */
    public record Outcome(int deleted, LocalDate before) {}

    private ArchiveRetention() {}

    public static Outcome apply(JdbcClient jdbc, int keepMonths, LocalDate today) {
        LocalDate before = today.minusMonths(keepMonths);
        List<Object[]> old = jdbc.sql(
                        "SELECT f.file_id, f.archived_path FROM received_file f JOIN run_record r ON r.run_id = f.received_run "
                                + "WHERE f.archived_path IS NOT NULL AND r.started_at < ? ORDER BY f.file_id")
                .param(before.atStartOfDay())
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .list();
        for (Object[] file : old) {
            try {
                Path copy = Path.of((String) file[1]);
                if (Files.exists(copy)) {
                    copy.toFile().setWritable(true);
                    Files.delete(copy);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete the archived copy " + file[1] + ": " + e.getMessage(), e);
            }
            jdbc.sql("UPDATE received_file SET archived_path = NULL, archive_deleted_on = ? WHERE file_id = ?")
                    .params(today, file[0])
                    .update();
        }
        return new Outcome(old.size(), before);
    }
}
