package tyss.ingest;

import java.util.HashMap;
import java.util.Map;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import tyss.protect.RowProtector;

/** The {@code validate} and {@code protect} stages for one row: never drops a row, only loads or rejects it. */
public class RowProcessor implements ItemProcessor<FileRow, IngestedRow> {

    private final LocalMapping mapping;
    private final RowProtector protector;
    private final Map<Long, RowChecker> checkers = new HashMap<>();

    public RowProcessor(LocalMapping mapping, RowProtector protector) {
        this.mapping = mapping;
        this.protector = protector;
    }

    @Override
    public IngestedRow process(FileRow row) {
        RowChecker checker = checkers.computeIfAbsent(
                row.file().fileId(),
                id -> new RowChecker(row.spec(), mapping.forFile(row.file().sourceName()), row.decimalComma()));
        CheckedRow checked = checker.check(row.file().fileId(), row.rowNumber(), row.cells(), row.extraCells());
        return new IngestedRow(
                checked,
                checked.rejected()
                        ? null
                        : new StoredRow(
                                checked.spec(),
                                checked.fileId(),
                                checked.rowNumber(),
                                protector.protect(checked.spec(), checked.values())));
    }
}
