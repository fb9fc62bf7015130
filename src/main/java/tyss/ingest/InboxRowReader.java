package tyss.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import tyss.contract.DatasetCatalog;
import tyss.contract.DatasetSpec;
import tyss.ingest.LocalMapping.FileMapping;

/**
 * The {@code read} stage: every data row of every received file, one file after another, with
 * the header found and bound. Restartable: the file and the number of rows already handed on are
 * saved at each commit, so a restarted run resumes there and loads no row twice. A file that
 * cannot be read is recorded with the reason and the next file is read. What it records about files
 * goes through {@link #bookkeeping}, so that {@link ReadAhead} can run it in the transaction of the
 * chunk that reaches it rather than on its own thread.
 */
public class InboxRowReader implements ItemStreamReader<FileRow> {

    private static final Logger log = LoggerFactory.getLogger(InboxRowReader.class);
    private static final String FILE_KEY = "inbox.file";
    private static final String ROWS_KEY = "inbox.rows";
    /** How often a long file reports progress on the console. */
    private static final int PROGRESS_EVERY = 100_000;

    private final ReceivedFiles files;
    private final DatasetCatalog catalog;
    private final LocalMapping mapping;
    private final ArchiveCipher cipher;
    private final Path workDir;

    private Iterator<ReceivedFile> queue;
    private Path plainCopy;
    private int fileCount;
    private int fileNumber;
    private long fileStarted;
    private ReceivedFile current;
    private DatasetSpec spec;
    private TabularSource source;
    private HeaderBinder.Binding binding;
    private int rowsHandedOn;
    private long resumeFile = -1;
    private int resumeRows;
    private Consumer<Runnable> bookkeeping = Runnable::run;

    /** Files are read from their encrypted archive copy, opened into {@code workDir} (private) while read and deleted after. */
    public InboxRowReader(
            ReceivedFiles files, DatasetCatalog catalog, LocalMapping mapping, ArchiveCipher cipher, Path workDir) {
        this.files = files;
        this.catalog = catalog;
        this.mapping = mapping;
        this.cipher = cipher;
        this.workDir = workDir;
    }

    /** Where the file table's updates go: run at once unless another reader hands them to the chunk that reaches them. */
    void deferBookkeeping(Consumer<Runnable> to) {
        this.bookkeeping = to;
    }

    /** How far reading has gone: the file of the last row handed on and how many of its rows that makes. */
    record Position(long fileId, int rows) {}

    Position position() {
        return current == null ? null : new Position(current.fileId(), rowsHandedOn);
    }

    static void save(Position position, ExecutionContext context) {
        if (position != null) {
            context.putLong(FILE_KEY, position.fileId());
            context.putInt(ROWS_KEY, position.rows());
        }
    }

    @Override
    public void open(ExecutionContext context) {
        if (context.containsKey(FILE_KEY)) {
            resumeFile = context.getLong(FILE_KEY);
            resumeRows = context.getInt(ROWS_KEY);
        }
        List<ReceivedFile> pending = files.pending();
        queue = pending.iterator();
        fileCount = pending.size();
        fileNumber = 0;
    }

    @Override
    public void update(ExecutionContext context) {
        save(position(), context);
    }

    @Override
    public FileRow read() {
        while (true) {
            if (binding == null && !openNextFile()) {
                return null;
            }
            try {
                while (binding.dataRows().hasNext()) {
                    SourceRow row = binding.dataRows().next();
                    if (row.isBlank()) {
                        continue;
                    }
                    rowsHandedOn++;
                    if (rowsHandedOn % PROGRESS_EVERY == 0) {
                        log.info("  {}: {} rows read", current.sourceName(), String.format("%,d", rowsHandedOn));
                    }
                    return new FileRow(
                            current,
                            spec,
                            row.rowNumber(),
                            binding.cells(row),
                            source.decimalComma(),
                            binding.extraCells(row));
                }
                finishFile(ReceivedFiles.LOADED, ignoredNote());
            } catch (InputFileException e) {
                long fileId = current.fileId();
                List<RowIssue> issue = List.of(RowIssue.brokenOff(e.getMessage(), rowsHandedOn));
                bookkeeping.accept(() -> files.addIssues(fileId, issue));
                finishFile(ReceivedFiles.PARTIAL, e.getMessage());
            }
        }
    }

    private boolean openNextFile() {
        while (queue.hasNext()) {
            current = queue.next();
            fileNumber++;
            rowsHandedOn = 0;
            spec = catalog.find(current.dataset()).orElseThrow();
            Optional<FileMapping> fileMapping = mapping.forFile(current.sourceName());
            try {
                source = TabularSource.open(plainCopy(current));
                binding = new HeaderBinder(spec, fileMapping).bind(source);
                skipRowsAlreadyRead();
                fileStarted = System.nanoTime();
                log.info("reading file {} of {}: {} as {}", fileNumber, fileCount, current.sourceName(), spec.name());
                return true;
            } catch (InputFileException | IOException e) {
                String reason = e instanceof InputFileException
                        ? e.getMessage()
                        : "the file cannot be read (" + e.getClass().getSimpleName() + ")";
                long fileId = current.fileId();
                List<RowIssue> issue = List.of(RowIssue.fileRefused(reason));
                // its rows are all rejected, so the reject threshold weighs a refused file as it does a loaded one
                int rows = e instanceof InputFileException refused ? refused.rows() : 0;
                bookkeeping.accept(() -> {
                    files.addIssues(fileId, issue);
                    files.addCounts(fileId, rows, 0, rows, 0);
                });
                finishFile(ReceivedFiles.REFUSED, reason);
            }
        }
        current = null;
        return false;
    }

    /** The archived file's plain bytes under its own extension (the reader chooses the format by it); any left by a killed run are replaced. */
    private Path plainCopy(ReceivedFile file) throws IOException {
        Files.createDirectories(workDir);
        String archived = Path.of(file.archivedPath()).getFileName().toString();
        plainCopy = workDir.resolve("reading-" + file.fileId()
                + (archived.contains(".") ? archived.substring(archived.lastIndexOf('.')) : ""));
        cipher.open(Path.of(file.archivedPath()), plainCopy);
        return plainCopy;
    }

    private void skipRowsAlreadyRead() {
        if (current.fileId() != resumeFile) {
            return;
        }
        int skipped = 0;
        while (skipped < resumeRows && binding.dataRows().hasNext()) {
            if (!binding.dataRows().next().isBlank()) {
                skipped++;
            }
        }
        rowsHandedOn = skipped;
        resumeFile = -1;
    }

    private String ignoredNote() {
        return binding.ignoredHeaders().isEmpty()
                ? null
                : "columns not in the contract were ignored: " + String.join(", ", binding.ignoredHeaders());
    }

    private void finishFile(String status, String message) {
        double seconds = Math.max(1e-3, (System.nanoTime() - fileStarted) / 1e9);
        if (binding != null) {
            log.info(
                    "  {}: {} rows in {} s ({} rows/s)",
                    current.sourceName(),
                    String.format("%,d", rowsHandedOn),
                    String.format("%.1f", seconds),
                    String.format("%,.0f", rowsHandedOn / seconds));
        }
        long fileId = current.fileId();
        bookkeeping.accept(() -> files.finish(fileId, status, message));
        closeSource();
        binding = null;
    }

    private void closeSource() {
        if (source != null) {
            try {
                source.close();
            } catch (IOException e) {
                log.warn("could not close {}: {}", current.sourceName(), e.getMessage());
            }
            source = null;
        }
        if (plainCopy != null) {
            try {
                Files.deleteIfExists(plainCopy);
            } catch (IOException e) {
                log.warn(
                        "could not delete the working copy of {}: {}",
                        current == null ? "a file" : current.sourceName(),
                        e.getMessage());
            }
            plainCopy = null;
        }
    }

    @Override
    public void close() throws ItemStreamException {
        closeSource();
    }
}
