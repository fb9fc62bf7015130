package tyss.ingest;

import java.util.Map;

/** One data row of a received file, its cells keyed by contract column. */
public record FileRow(ReceivedFile file, DatasetSpec spec, int rowNumber, Map<String, String> cells, boolean decimalComma) {
}
