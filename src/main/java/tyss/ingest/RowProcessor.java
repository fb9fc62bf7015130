package tyss.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import tyss.contract.DatasetSpec;
import tyss.contract.PersonKey;
import tyss.protect.RowProtector;

/**
 * The {@code validate} and {@code protect} stages for one row: never drops a row, only loads or rejects it. It runs
 * on the read-ahead thread, so everything a row needs before storing (its person too) is worked out here.
 */
public class RowProcessor implements ItemProcessor<FileRow, IngestedRow> {

    private final LocalMapping mapping;
    private final RowProtector protector;
    private final Map<Long, RowChecker> checkers = new HashMap<>();
    private final Map<String, List<String>> keyColumns = new HashMap<>();

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
        if (checked.rejected()) {
            return new IngestedRow(checked, null);
        }
        Map<String, Object> stored = protector.protect(checked.spec(), checked.values());
        return new IngestedRow(
                checked,
                new StoredRow(
                        checked.spec(),
                        checked.fileId(),
                        checked.rowNumber(),
                        stored,
                        personOf(checked.spec(), stored)));
    }

    /** The person a stored row's most trusted key gives, until the link step says otherwise. */
    private String personOf(DatasetSpec spec, Map<String, Object> stored) {
        if (!spec.linkable()) {
            return null;
        }
        String key =
                PersonKey.mostTrusted(keyColumns.computeIfAbsent(spec.name(), n -> PersonKey.columns(spec)), stored);
        return key == null ? null : PersonKey.personOf(key);
    }
}
