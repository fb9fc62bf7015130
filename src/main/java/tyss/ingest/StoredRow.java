package tyss.ingest;

import java.util.Map;

import tyss.contract.DatasetSpec;

/** A row ready for the store: pseudonyms in place of identifiers, nothing personal left in clear. */
record StoredRow(DatasetSpec spec, long fileId, int sourceRow, Map<String, Object> columns) {}
