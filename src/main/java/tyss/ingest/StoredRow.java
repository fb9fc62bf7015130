package tyss.ingest;

import java.util.Map;

/** A row ready for the store: pseudonyms in place of identifiers, nothing personal left in clear. */
public record StoredRow(DatasetSpec spec, long fileId, int sourceRow, Map<String, Object> columns) {
}
