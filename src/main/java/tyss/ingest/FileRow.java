package tyss.ingest;

import java.util.Map;

import tyss.contract.DatasetSpec;

/** One data row of a received file, its cells keyed by contract column, and how many values it has beyond the header's columns. */
record FileRow(
        ReceivedFile file,
        DatasetSpec spec,
        int rowNumber,
        Map<String, String> cells,
        boolean decimalComma,
        int extraCells) {}
