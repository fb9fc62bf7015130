package tyss.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import tyss.contract.DatasetCatalog;
import tyss.contract.DatasetSpec;

/**
 * The {@code receive} stage: checksums every file in the inbox, archives an encrypted read-only copy, and
 * records it. The same file twice is recognised and skipped; a changed file under the same name (or
 * the same but for a copy or version mark) is a later delivery of the extract that replaces the
 * earlier one (its rows are removed, and that is recorded); an earlier version delivered again is
 * a delivery too, and replaces the current one.
 */
public class Receiver {

    private static final Logger log = LoggerFactory.getLogger(Receiver.class);

    /** A file received before. */
    record Known(long fileId, String sourceName, String dataset, String status) {}

    /** What happened to the files of one receive. */
    public record Outcome(int received, int alreadyReceived, int replaced, int refused) {}

    private final JdbcClient jdbc;
    private final DatasetCatalog catalog;
    private final LocalMapping mapping;
    private final Path archive;
    private final ArchiveCipher cipher;

    public Receiver(JdbcClient jdbc, DatasetCatalog catalog, LocalMapping mapping, Path archive, ArchiveCipher cipher) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.mapping = mapping;
        this.archive = archive;
        this.cipher = cipher;
    }

    public Outcome receive(Path inbox, String runId) {
        int received = 0;
        int already = 0;
        int replaced = 0;
        int refused = 0;
        Receipts receipts = Receipts.of(inbox);
        for (Inbox.Entry entry : Inbox.list(inbox)) {
            if (entry.isSymbolicLink()) {
                refuseLink(entry, runId);
                refused++;
                continue;
            }
            String sha = Inbox.sha256(entry.path());
            Optional<Known> earlier = jdbc.sql(
                            "SELECT file_id, source_name, dataset, status FROM received_file WHERE sha256 = ?")
                    .param(sha)
                    .query(Known.class)
                    .optional();
            if (earlier.isPresent() && isRevert(earlier.get(), entry.relativeName(), sha)) {
                deliverAgain(earlier.get(), entry.relativeName(), runId, receipts.of(entry.relativeName()));
                received++;
                replaced++;
                continue;
            }
            if (earlier.isPresent()) {
                already++;
                if (!earlier.get().sourceName().equals(entry.relativeName())) {
                    duplicate(entry.relativeName(), sha, earlier.get().sourceName(), runId);
                }
                continue;
            }
            Optional<DatasetSpec> spec = mapping.forFile(entry.relativeName())
                    .flatMap(m -> catalog.find(m.dataset()))
                    .or(() -> catalog.detect(entry.relativeName()));
            long size = size(entry.path());
            if (spec.isEmpty()) {
                insert(
                        sha,
                        entry.relativeName(),
                        null,
                        null,
                        size,
                        runId,
                        ReceivedFiles.REFUSED,
                        "not a dataset of the input contract: expected <agency>/<dataset>_*.csv or .xlsx, e.g. police/missing-reports_2025-26-Q1.csv, or a mapping entry for it");
                refused++;
                log.warn("refused {}: not a dataset of the input contract", entry.relativeName());
                continue;
            }
            if (size == 0) {
                insert(
                        sha,
                        entry.relativeName(),
                        spec.get().name(),
                        null,
                        size,
                        runId,
                        ReceivedFiles.REFUSED,
                        "the file is empty (0 bytes)");
                refused++;
                continue;
            }
            Path copy = archiveCopy(entry.path(), sha);
            long fileId = insert(
                    sha,
                    entry.relativeName(),
                    spec.get().name(),
                    copy.toString(),
                    size,
                    runId,
                    ReceivedFiles.PENDING,
                    null);
            // once, at first receipt: later runs skip the file, so its timeliness never moves
            jdbc.sql("UPDATE received_file SET received_at = ? WHERE file_id = ?")
                    .params(receipts.of(entry.relativeName()), fileId)
                    .update();
            if (supersedeEarlier(spec.get().name(), entry.relativeName(), fileId)) {
                replaced++;
            }
            received++;
        }
        log.info(
                "received {} new file(s); {} already received, {} replacing an earlier version, {} refused",
                received,
                already,
                replaced,
                refused);
        return new Outcome(received, already, replaced, refused);
    }

    /** Recorded as refused (once), never read: a link's target is not the partner's delivery. */
    private void refuseLink(Inbox.Entry entry, String runId) {
        String marker = Inbox.sha256("symbolic link " + entry.relativeName());
        if (jdbc.sql("SELECT COUNT(*) FROM received_file WHERE sha256 = ?")
                        .param(marker)
                        .query(Integer.class)
                        .single()
                == 0) {
            insert(
                    marker,
                    entry.relativeName(),
                    null,
                    null,
                    0,
                    runId,
                    ReceivedFiles.REFUSED,
                    "a symbolic link, not followed: it could point anywhere on the server; put the file itself in the inbox");
            log.warn("refused {}: a symbolic link, not followed", entry.relativeName());
        }
    }

    /** The same bytes under another name (a copy such as "referrals (1).csv"): not loaded twice, but recorded and said. */
    private void duplicate(String sourceName, String sha, String sameAs, String runId) {
        boolean known = jdbc.sql("SELECT COUNT(*) FROM duplicate_delivery WHERE source_name = ? AND sha256 = ?")
                        .params(sourceName, sha)
                        .query(Integer.class)
                        .single()
                > 0;
        if (!known) {
            jdbc.sql("INSERT INTO duplicate_delivery (source_name, sha256, same_as, received_run) VALUES (?, ?, ?, ?)")
                    .params(sourceName, sha, sameAs, runId)
                    .update();
            log.warn("not loaded: {} has the same bytes as {}, already received", sourceName, sameAs);
        }
    }

    /** A file received before, now superseded, whose bytes come again where the latest delivery under that name was other bytes. */
    private boolean isRevert(Known earlier, String sourceName, String sha) {
        if (!earlier.status().equals(ReceivedFiles.SUPERSEDED) || earlier.dataset() == null) {
            return false;
        }
        Optional<String> latest = jdbc.sql(
                        "SELECT sha256 FROM received_file WHERE source_name = ? ORDER BY delivery DESC FETCH FIRST 1 ROWS ONLY")
                .param(sourceName)
                .query(String.class)
                .optional();
        return latest.map(l -> !l.equals(sha)).orElse(true);
    }

    /** An old version delivered again is the latest delivery: it replaces the current one and is read again from the archive. */
    private void deliverAgain(Known file, String sourceName, String runId, LocalDateTime receivedAt) {
        supersedeEarlier(file.dataset(), sourceName, file.fileId());
        jdbc.sql(
                        "UPDATE received_file SET status = ?, superseded_by = NULL, rows_read = 0, rows_loaded = 0, rows_rejected = 0, rows_warned = 0, "
                                + "received_run = ?, received_at = ?, delivery = (SELECT MAX(delivery) + 1 FROM received_file), message = ? WHERE file_id = ?")
                .params(
                        ReceivedFiles.PENDING,
                        runId,
                        receivedAt,
                        "delivered again as " + sourceName + ": the latest delivery, so it replaces the current one",
                        file.fileId())
                .update();
        log.info(
                "{} is an earlier version delivered again (file {}): it replaces the current one",
                sourceName,
                file.fileId());
    }

    /**
     * One delivery per extract: an earlier file of the same dataset under the same name, or under
     * the same name but for a copy or version mark ({@link DeliveryName}), is replaced by this one.
     */
    private boolean supersedeEarlier(String dataset, String sourceName, long newFileId) {
        String extract = DeliveryName.extract(sourceName);
        List<ReceivedFile> earlier = jdbc
                .sql("SELECT file_id, source_name, dataset, archived_path FROM received_file "
                        + "WHERE dataset = ? AND file_id <> ? AND status IN (?, ?, ?) ORDER BY file_id")
                .params(dataset, newFileId, ReceivedFiles.LOADED, ReceivedFiles.PARTIAL, ReceivedFiles.PENDING)
                .query(ReceivedFile.class)
                .list()
                .stream()
                .filter(f -> DeliveryName.extract(f.sourceName()).equals(extract))
                .toList();
        for (ReceivedFile old : earlier) {
            catalog.find(old.dataset())
                    .ifPresent(spec -> jdbc.sql("DELETE FROM " + spec.table() + " WHERE file_id = ?")
                            .param(old.fileId())
                            .update());
            jdbc.sql("DELETE FROM row_issue WHERE file_id = ?")
                    .param(old.fileId())
                    .update();
            jdbc.sql("UPDATE received_file SET status = ?, superseded_by = ?, message = ? WHERE file_id = ?")
                    .params(
                            ReceivedFiles.SUPERSEDED,
                            newFileId,
                            "replaced by a later delivery of the same extract, " + sourceName,
                            old.fileId())
                    .update();
            log.info(
                    "{} replaces {}, an earlier delivery of the same extract (file {})",
                    sourceName,
                    old.sourceName(),
                    old.fileId());
        }
        return !earlier.isEmpty();
    }

    private long insert(
            String sha,
            String name,
            String dataset,
            String archived,
            long size,
            String runId,
            String status,
            String message) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql(
                        "INSERT INTO received_file (sha256, source_name, dataset, archived_path, size_bytes, received_run, status, message, delivery) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(delivery), 0) + 1 FROM received_file))")
                .params(sha, name, dataset, archived, size, runId, status, message)
                .update(key, "file_id");
        return key.getKey().longValue();
    }

    /** An encrypted copy, named by its checksum and extension, readable by the service account only. */
    private Path archiveCopy(Path file, String sha) {
        String name = file.getFileName().toString();
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.')).toLowerCase(Locale.ROOT) : "";
        Path target = archive.resolve(sha.substring(0, 2)).resolve(sha + ext);
        try {
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                cipher.seal(file, target);
                ownerReadOnly(target);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot archive " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** 0400 where the file system has POSIX modes (the data folder above it is 0700 as well). */
    private static void ownerReadOnly(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        } else {
            file.toFile().setReadOnly();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
