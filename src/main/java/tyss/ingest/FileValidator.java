package tyss.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tyss.contract.DatasetCatalog;
import tyss.contract.DatasetSpec;
import tyss.ingest.LocalMapping.FileMapping;

/** Reads and validates one file without storing anything: the {@code validate} command. */
public final class FileValidator {

    /** What validating a file found. */
    public record Result(String file, String dataset, int read, int rejected, int warned, List<RowIssue> issues) {}

    private final DatasetCatalog catalog;
    private final LocalMapping mapping;

    public FileValidator(DatasetCatalog catalog, LocalMapping mapping) {
        this.catalog = catalog;
        this.mapping = mapping;
    }

    public Result validate(Inbox.Entry entry) {
        Optional<FileMapping> fileMapping = mapping.forFile(entry.relativeName());
        Optional<DatasetSpec> spec =
                fileMapping.flatMap(m -> catalog.find(m.dataset())).or(() -> catalog.detect(entry.relativeName()));
        if (spec.isEmpty()) {
            return refused(
                    entry, null, "not a dataset of the input contract: expected <agency>/<dataset>_*.csv or .xlsx");
        }
        if (entry.isSymbolicLink()) {
            return refused(
                    entry,
                    spec.get().name(),
                    "a symbolic link, not followed: it could point anywhere on the server; put the file itself in the inbox");
        }
        int read = 0;
        int rejected = 0;
        int warned = 0;
        List<RowIssue> issues = new ArrayList<>();
        try (TabularSource source = TabularSource.open(entry.path())) {
            HeaderBinder.Binding binding = new HeaderBinder(spec.get(), fileMapping).bind(source);
            RowChecker checker = new RowChecker(spec.get(), fileMapping, source.decimalComma());
            try {
                while (binding.dataRows().hasNext()) {
                    SourceRow row = binding.dataRows().next();
                    if (row.isBlank()) {
                        continue;
                    }
                    CheckedRow checked = checker.check(0, row.rowNumber(), binding.cells(row), binding.extraCells(row));
                    read++;
                    if (checked.rejected()) {
                        rejected++;
                    } else if (!checked.issues().isEmpty()) {
                        warned++;
                    }
                    issues.addAll(checked.issues());
                }
            } catch (InputFileException e) {
                issues.add(RowIssue.brokenOff(e.getMessage(), read));
            }
            return new Result(entry.relativeName(), spec.get().name(), read, rejected, warned, issues);
        } catch (InputFileException e) {
            return refused(entry, spec.get().name(), e.getMessage(), e.rows());
        } catch (IOException e) {
            return refused(
                    entry,
                    spec.get().name(),
                    "the file cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static Result refused(Inbox.Entry entry, String dataset, String reason) {
        return refused(entry, dataset, reason, 0);
    }

    /** A refused file's rows (where they could be counted) are all rejected with it. */
    private static Result refused(Inbox.Entry entry, String dataset, String reason, int rows) {
        return new Result(entry.relativeName(), dataset, rows, rows, 0, List.of(RowIssue.fileRefused(reason)));
    }
}
