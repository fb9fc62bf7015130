package tyss.run;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tyss.measure.Quarter;

/** The few lines printed at the end of a run: files, rows, measures, outputs, time. */
@Component
class RunSummary {

    private final JdbcClient jdbc;

    RunSummary(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void print(PrintStream out, String runId, RunSettings settings, Duration took) {
        var files = jdbc.sql("SELECT COUNT(*), COALESCE(SUM(rows_read), 0), COALESCE(SUM(rows_loaded), 0), COALESCE(SUM(rows_rejected), 0), "
                        + "COALESCE(SUM(CASE WHEN status = 'refused' THEN 1 ELSE 0 END), 0) FROM received_file WHERE received_run = ?")
                .param(runId).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)}).single();
        var results = jdbc.sql("SELECT COUNT(DISTINCT measure_id), COUNT(*) FROM measure_result WHERE run_id = ?")
                .param(runId).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        out.printf("Run %s finished (%s) in %.1f s%n", runId, settings.command().word, took.toMillis() / 1000.0);
        long duplicates = jdbc.sql("SELECT COUNT(*) FROM duplicate_delivery WHERE received_run = ?").param(runId).query(Long.class).single();
        out.printf("  files received: %d new (%d refused%s); rows read %d, loaded %d, rejected %d%n", files[0], files[4],
                duplicates == 0 ? "" : String.format("; %d not loaded, the same bytes as a file already received: see the rejects report", duplicates),
                files[1], files[2], files[3]);
        if (results[1] > 0) {
            long[] reuse = jdbc.sql("SELECT COUNT(*), COALESCE(SUM(CASE WHEN reused_from IS NULL THEN 0 ELSE 1 END), 0) FROM measure_input WHERE run_id = ?")
                    .param(runId).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
            out.printf("  measures computed: %d (%d result rows)%s%n", results[0], results[1], reuse[1] == 0 ? ""
                    : String.format("; %d measure-periods reused from an earlier run with the same inputs", reuse[1]));
        }
        // each file not loaded in full, named with why, rather than a count
        jdbc.sql("SELECT source_name, status, message FROM received_file WHERE received_run = ? AND status IN ('refused', 'partial') "
                        + "ORDER BY source_name")
                .param(runId).query((rs, n) -> String.format("  %s %s: %s", rs.getString(2), rs.getString(1), rs.getString(3))).list()
                .forEach(out::println);
        out.printf("  outputs: %s%n", settings.quarterOutDir().toAbsolutePath());
        Path pdf = settings.quarterOutDir().resolve("tyss-report-" + settings.quarter().map(Quarter::slug).orElse("") + ".pdf");
        if (settings.quarter().isPresent() && Files.exists(pdf)) {
            out.printf("  the commissioners' report: %s%n", pdf.toAbsolutePath());
        }
        if (settings.key() != null && settings.key().isDemo()) {
            out.println("  DEMO KEY: pseudonyms made with the public demo key; use only for synthetic sample data");
        }
    }
}
