package tyss.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * The {@code store} end of ingest: loaded rows into their dataset tables, issues into {@code
 * row_issue}, and each file's counts, all in the chunk's transaction, so read = loaded + rejected
 * holds even across a crash and restart.
 */
public class IngestWriter implements ItemWriter<IngestedRow> {

    private final DatasetWriter datasets;
    private final ReceivedFiles files;

    public IngestWriter(DatasetWriter datasets, ReceivedFiles files) {
        this.datasets = datasets;
        this.files = files;
    }

    @Override
    public void write(Chunk<? extends IngestedRow> chunk) {
        List<StoredRow> stored = new ArrayList<>();
        Map<Long, int[]> counts = new LinkedHashMap<>();
        Map<Long, List<RowIssue>> issues = new LinkedHashMap<>();
        for (IngestedRow row : chunk) {
            long fileId = row.checked().fileId();
            int[] c = counts.computeIfAbsent(fileId, id -> new int[4]);
            c[0]++;
            if (row.loaded()) {
                stored.add(row.stored());
                c[1]++;
            } else {
                c[2]++;
            }
            if (!row.checked().issues().isEmpty()) {
                if (row.loaded()) {
                    c[3]++;
                }
                issues.computeIfAbsent(fileId, id -> new ArrayList<>())
                        .addAll(row.checked().issues());
            }
        }
        datasets.write(stored);
        issues.forEach(files::addIssues);
        counts.forEach((fileId, c) -> files.addCounts(fileId, c[0], c[1], c[2], c[3]));
    }
}
