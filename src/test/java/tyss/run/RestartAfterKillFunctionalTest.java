package tyss.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tyss.ingest.Inbox;

/**
 * A run killed with SIGKILL mid-ingest or mid-render is restarted by running the same command
 * again; it resumes, loads no row twice, and its outputs are byte for byte those of a run that
 * was never interrupted.
 */
class RestartAfterKillFunctionalTest {

    private static final String KEY = "restart-test-key-0123456789";
    private static final int CONTACT_ROWS = 4_500;

    @TempDir
    Path dir;

    private Path inbox;

    @BeforeEach
    void inbox() throws IOException {
        inbox = dir.resolve("inbox");
        Files.createDirectories(inbox.resolve("tyss"));
        Files.writeString(inbox.resolve("tyss/referrals_Q2.csv"), """
                tyss_id,first_name,last_name,dob,sex,referral_date,referral_source,strand,decision,decision_date,allocated_date
                TY1,Zarvo,Quillet,03/04/2010,M,01/07/2026,6,call-in,accepted,03/07/2026,05/07/2026
                TY2,Mira,Tobble,12/12/2011,F,15/08/2026,school,detached,accepted,16/08/2026,20/08/2026
                """);
        StringBuilder contacts = new StringBuilder("tyss_id,contact_date,type,minutes,worker_id\n");
        for (int i = 0; i < CONTACT_ROWS; i++) {
            contacts.append(i % 2 == 0 ? "TY1" : "TY2")
                    .append(',')
                    .append(String.format("%02d/07/2026", 1 + i % 28))
                    .append(i % 3 == 0 ? ",1:1," : ",family,")
                    .append(i == 17 ? "lots" : String.valueOf(30 + i % 60))
                    .append(",W1\n");
        }
        Files.writeString(inbox.resolve("tyss/contacts_Q2.csv"), contacts);
    }

    @Test
    void a_run_killed_mid_ingest_with_rows_read_ahead_resumes_and_ends_as_if_never_interrupted() throws Exception {
        Path reference = uninterrupted();
        Path killed = dir.resolve("killed");
        // killed with 2,000 rows committed and all 4,500 contacts read, checked and pseudonymised ahead:
        // the restart must resume at the last row stored, not the last row read
        killAt(killed, "tyss.fault.pause-after-chunks=2", "contacts_Q2.csv: 4,500 rows in");

        TestRuns.Outcome restart = TestRuns.cli(KEY, args(killed));

        assertThat(restart.exitCode()).as(restart.err()).isZero();
        assertThat(rowCounts(killed))
                .isEqualTo(rowCounts(reference))
                .containsEntry("contacts", (long) CONTACT_ROWS - 1);
        assertThat(outputs(killed)).isEqualTo(outputs(reference));
    }

    @Test
    void a_run_killed_mid_render_resumes_and_ends_as_if_never_interrupted() throws Exception {
        Path reference = uninterrupted();
        Path killed = dir.resolve("killed");
        killAt(killed, "tyss.fault.pause-before-step=render");

        TestRuns.Outcome restart = TestRuns.cli(KEY, args(killed));

        assertThat(restart.exitCode()).as(restart.err()).isZero();
        assertThat(rowCounts(killed)).isEqualTo(rowCounts(reference));
        assertThat(outputs(killed)).isEqualTo(outputs(reference));
    }

    @Test
    void a_second_launch_while_one_runs_exits_at_once_with_code_4_and_leaves_the_first_alone() throws Exception {
        Path data = dir.resolve("busy");
        Path log = dir.resolve("first.log");
        Process first = TestRuns.startJvm(KEY, log, List.of("tyss.fault.pause-before-step=render"), args(data));
        try {
            awaitLine(log, "fault injection: paused");
            TestRuns.Outcome second = TestRuns.cli(KEY, args(data));
            assertThat(second.exitCode()).isEqualTo(ExitCodes.ALREADY_RUNNING);
            assertThat(second.err()).contains("another run is in progress");
            assertThat(first.isAlive()).isTrue();
        } finally {
            first.destroyForcibly().waitFor();
        }
    }

    private Path uninterrupted() {
        Path reference = dir.resolve("reference");
        TestRuns.Outcome run = TestRuns.cli(KEY, args(reference));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return reference;
    }

    private void killAt(Path data, String fault, String... alsoAwaited) throws Exception {
        Path log = dir.resolve("killed.log");
        // Chunks of 1,000 rows, so the pause after chunk 2 falls in the middle of the 4,500 contacts.
        Process process = TestRuns.startJvm(KEY, log, List.of(fault, "tyss.chunk-size=1000"), args(data));
        try {
            awaitLine(log, "fault injection: paused");
            for (String line : alsoAwaited) {
                awaitLine(log, line);
            }
        } finally {
            process.destroyForcibly().waitFor();
        }
    }

    private static void awaitLine(Path log, String text) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(
                "the run never reached '" + text + "':\n" + (Files.exists(log) ? Files.readString(log) : "(no log)"));
    }

    private String[] args(Path base) {
        // --progress: the output goes to a file, where the fault injection's line is awaited
        return new String[] {
            "run",
            "--progress",
            "--publish-incomplete",
            "--quarter",
            "2026-27 Q2",
            "--inbox",
            inbox.toString(),
            "--data-dir",
            base.resolve("data").toString(),
            "--out",
            base.resolve("out").toString()
        };
    }

    private static Map<String, Long> rowCounts(Path base) {
        return TestRuns.query(
                base.resolve("data"),
                jdbc -> Map.of(
                        "contacts", jdbc.queryForObject("SELECT COUNT(*) FROM ds_tyss_contacts", Long.class),
                        "referrals", jdbc.queryForObject("SELECT COUNT(*) FROM ds_tyss_referrals", Long.class),
                        "issues", jdbc.queryForObject("SELECT COUNT(*) FROM row_issue", Long.class),
                        "read", jdbc.queryForObject("SELECT SUM(rows_read) FROM received_file", Long.class),
                        "loaded", jdbc.queryForObject("SELECT SUM(rows_loaded) FROM received_file", Long.class)));
    }

    /** Every output file's bytes, by its path in the quarter's folder (the open data's under open-data/). */
    private static Map<String, String> outputs(Path base) throws IOException {
        Map<String, String> files = new TreeMap<>();
        Path out = base.resolve("out/2026-27-Q2");
        try (Stream<Path> list = Files.walk(out)) {
            for (Path p : list.filter(Files::isRegularFile).toList()) {
                files.put(out.relativize(p).toString(), Inbox.sha256(p));
            }
        }
        assertThat(files).isNotEmpty();
        return files;
    }
}
