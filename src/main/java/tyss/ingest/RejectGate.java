package tyss.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import tyss.contract.DatasetCatalog;

/**
 * The step after ingest: warns of repeated rows, writes the rejects report, and stops the run when
 * more rows were rejected than the threshold allows (a refused file's rows count as rejected), so a
 * quarter is never reported on half its data.
 */
public class RejectGate implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(RejectGate.class);

    private final JdbcClient jdbc;
    private final DatasetCatalog catalog;
    private final ReceivedFiles files;
    private final double threshold;
    private final Consumer<String> progress;

    /** @param progress where the stage's one line goes (the console) */
    public RejectGate(
            JdbcClient jdbc, DatasetCatalog catalog, ReceivedFiles files, double threshold, Consumer<String> progress) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.files = files;
        this.threshold = threshold;
        this.progress = progress;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext context) throws Exception {
        Map<String, Object> job = context.getStepContext().getJobParameters();
        String runId = (String) job.get("runId"); // as tyss.run.StepParameters names them
        // the quarter's output folder, as the run names it in its job parameters
        Path outDir = Path.of((String) job.get("outDir"));
        DuplicateRows.warn(jdbc, catalog, files, runId);
        Path report = RejectsReport.write(RejectsReport.lines(jdbc, null), outDir);
        progress.accept(Received.of(files, jdbc, runId) + "; rejects report " + report);
        List<ReceivedFiles.Entry> counted = files.all().stream()
                .filter(f -> f.is(ReceivedFiles.LOADED, ReceivedFiles.PARTIAL, ReceivedFiles.REFUSED))
                .toList();
        long read = counted.stream().mapToLong(ReceivedFiles.Entry::rowsRead).sum();
        long rejected =
                counted.stream().mapToLong(ReceivedFiles.Entry::rowsRejected).sum();
        double rate = read == 0 ? 0 : (double) rejected / read;
        log.debug(
                "{} of {} rows rejected ({}); rejects report: {}",
                rejected,
                read,
                String.format("%.1f%%", rate * 100),
                report);
        if (rate > threshold) {
            List<String> refused = counted.stream()
                    .filter(f -> f.is(ReceivedFiles.REFUSED) && f.rowsRejected() > 0)
                    .map(f -> f.sourceName() + " (" + f.rowsRejected() + " rows)")
                    .toList();
            throw new RejectThresholdExceeded(String.format(
                    "%.1f%% of rows were rejected (%d of %d), more than the %.1f%% allowed%s; "
                            + "see %s, correct the files and run again",
                    rate * 100,
                    rejected,
                    read,
                    threshold * 100,
                    refused.isEmpty() ? "" : ", among them every row of the refused " + String.join(", ", refused),
                    report));
        }
        return RepeatStatus.FINISHED;
    }
}
