package tyss.ingest;

import java.util.Map;

import tyss.contract.DatasetSpec;

/**
 * A row ready for the store: pseudonyms in place of identifiers, nothing personal left in clear,
 * and for a linkable dataset the person its most trusted key gives (null if it carries no key).
 */
record StoredRow(DatasetSpec spec, long fileId, int sourceRow, Map<String, Object> columns, String personId) {}
