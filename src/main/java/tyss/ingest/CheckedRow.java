package tyss.ingest;

import java.util.List;
import java.util.Map;

import tyss.contract.DatasetSpec;

/**
 * A row after validation: typed values by contract column (names, dates of birth and postcodes
 * still in clear, in memory only, until {@code protect} replaces them) and its issues.
 */
record CheckedRow(long fileId, DatasetSpec spec, int rowNumber, Map<String, Object> values, List<RowIssue> issues) {

    public boolean rejected() {
        return issues.stream().anyMatch(RowIssue::isError);
    }
}
