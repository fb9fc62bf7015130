package tyss.run;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tyss.ingest.Received;
import tyss.ingest.ReceivedFiles;
import tyss.measure.ResultRows;
import tyss.period.Quarter;

/**
 * The lines printed at the end of a run: files, rows, measures, outputs, time; under cron (stages
 * only) the same in one line, the last stage's.
 */
@Component
class RunSummary {

    private final JdbcClient jdbc;
    private final ReceivedFiles files;
    private final StageLines stages;

    RunSummary(JdbcClient jdbc, ReceivedFiles files, StageLines stages) {
        this.jdbc = jdbc;
        this.files = files;
        this.stages = stages;
    }

    void print(PrintStream out, String runId, RunSettings settings, Duration took) {
        List<String> lines = new ArrayList<>();
        lines.add(Received.of(files, jdbc, runId).toString());
        ResultRows.Counts results = ResultRows.counts(jdbc, runId);
        if (results.rows() > 0) {
            lines.add(String.format(
                    "measures computed: %d (%d result rows)%s",
                    results.measures(),
                    results.rows(),
                    results.reused() == 0
                            ? ""
                            : String.format(
                                    "; %d measure-periods reused from an earlier run with the same inputs",
                                    results.reused())));
        }
        // each file not loaded in full, named with why, rather than a count
        files.all().stream()
                .filter(f -> f.receivedRun().equals(runId) && f.is(ReceivedFiles.REFUSED, ReceivedFiles.PARTIAL))
                .forEach(f -> lines.add(String.format("%s %s: %s", f.status(), f.sourceName(), f.message())));
        lines.add("outputs: " + settings.quarterOutDir().toAbsolutePath());
        Path pdf = settings.quarterOutDir()
                .resolve("tyss-report-" + settings.quarter().map(Quarter::slug).orElse("") + ".pdf");
        if (settings.quarter().isPresent() && Files.exists(pdf)) {
            lines.add("the commissioners' report: " + pdf.toAbsolutePath());
        }
        if (settings.key() != null && settings.key().isDemo()) {
            lines.add("DEMO KEY: pseudonyms made with the public demo key; use only for synthetic sample data");
        }
        String finished = String.format(
                "Run %s finished (%s) in %.1f s", runId, settings.command().word, took.toMillis() / 1000.0);
        if (stages.stagesOnly()) {
            stages.print("summary", finished + "; " + String.join("; ", lines));
            return;
        }
        out.println(finished);
        lines.forEach(line -> out.println("  " + line));
    }
}
