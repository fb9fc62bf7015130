package tyss.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuarterlyRunFunctionalTest {

    private static final String KEY = "a-test-key-that-is-long-enough";

    @TempDir
    Path dir;

    @Test
    void runs_the_quarter_and_a_second_run_on_the_same_inputs_changes_nothing() throws IOException {
        // given
        Path inbox = smallInbox();
        String[] args = {
            "run",
            "--publish-incomplete",
            "--quarter",
            "2026-27 Q2",
            "--inbox",
            inbox.toString(),
            "--data-dir",
            dir.resolve("data").toString(),
            "--out",
            dir.resolve("out").toString(),
            "--reject-threshold",
            "0.5"
        };

        // when
        TestRuns.Outcome first = TestRuns.cli(KEY, args);
        Map<String, Object> before = counts();
        TestRuns.Outcome second = TestRuns.cli(KEY, args);

        // then
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("rows read 4, loaded 3, rejected 1");
        assertThat(dir.resolve("out/2026-27-Q2/manifest.json")).exists();
        assertThat(dir.resolve("out/2026-27-Q2/rejects.csv"))
                .content()
                .contains("risk_grade", "'extreme' is not a known code");
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).contains("Nothing to do");
        // the store, the archive of received files, the logs and every output are the service account's alone
        for (String folder : List.of("data", "out")) {
            try (var all = Files.walk(dir.resolve(folder))) {
                // folders 0700, files 0600, the archive's encrypted copies 0400: nothing for another account
                assertThat(all.filter(p -> !Files.isSymbolicLink(p))
                                .map(p -> {
                                    try {
                                        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                                    } catch (IOException e) {
                                        throw new UncheckedIOException(e);
                                    }
                                })
                                .distinct())
                        .as(folder)
                        .isSubsetOf("rwx------", "rw-------", "r--------");
            }
        }
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void without_a_terminal_the_console_has_one_line_per_stage_and_the_log_keeps_the_detail() throws IOException {
        // given: no console, as under cron or in a pipe
        assertThat(System.console()).isNull();
        Path inbox = smallInbox();
        String data = dir.resolve("data").toString();
        // when
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        TestRuns.Outcome run = withStandardOutput(
                logged,
                () -> TestRuns.cli(
                        KEY,
                        "run",
                        "--publish-incomplete",
                        "--quarter",
                        "2026-27 Q2",
                        "--inbox",
                        inbox.toString(),
                        "--data-dir",
                        data,
                        "--out",
                        dir.resolve("out").toString(),
                        "--reject-threshold",
                        "0.5"));
        // then: five lines, each "HH:mm:ss stage: ...", and no per-file line among them or on standard output
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines)
                .as(run.out())
                .extracting(l -> l.replaceFirst("^\\d\\d:\\d\\d:\\d\\d (\\w+): .*", "$1"))
                .containsExactly("ingest", "link", "measures", "render", "summary");
        assertThat(lines.get(0)).contains("files received: 2 new (0 refused); rows read 4, loaded 3, rejected 1");
        assertThat(lines.get(4)).contains("finished (run)", "tyss-report-2026-27-Q2.pdf");
        assertThat(logged.toString(StandardCharsets.UTF_8)).doesNotContain("reading file", "wrote");
        assertThat(dir.resolve("data/logs/tyss.log"))
                .content()
                .contains("reading file 1 of 2", "ingest: files received: 2 new", "wrote");

        // and with --progress the lines per file are back
        ByteArrayOutputStream detail = new ByteArrayOutputStream();
        TestRuns.Outcome progress = withStandardOutput(
                detail,
                () -> TestRuns.cli(
                        KEY,
                        "ingest",
                        "--progress",
                        "--inbox",
                        inbox.toString(),
                        "--data-dir",
                        dir.resolve("data2").toString(),
                        "--reject-threshold",
                        "0.5"));
        assertThat(progress.exitCode()).as(progress.err()).isZero();
        assertThat(detail.toString(StandardCharsets.UTF_8)).contains("reading file 1 of 2", "reading file 2 of 2");
        assertThat(progress.out()).contains("ingest: files received", "link: records linked to");
    }

    private static TestRuns.Outcome withStandardOutput(OutputStream to, Supplier<TestRuns.Outcome> run) {
        PrintStream before = System.out;
        System.setOut(new PrintStream(to, true, StandardCharsets.UTF_8));
        try {
            return run.get();
        } finally {
            System.setOut(before);
        }
    }

    @Test
    void ingest_then_report_as_separate_stages_and_report_needs_no_key() throws IOException {
        Path inbox = smallInbox();
        String data = dir.resolve("data").toString();

        TestRuns.Outcome ingest = TestRuns.cli(
                KEY, "ingest", "--inbox", inbox.toString(), "--data-dir", data, "--reject-threshold", "0.5");
        TestRuns.Outcome report = TestRuns.cli(
                null,
                "report",
                "--publish-incomplete",
                "--quarter",
                "2026-27 Q2",
                "--data-dir",
                data,
                "--out",
                dir.resolve("out").toString());

        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(dir.resolve("out/2026-27-Q2/tyss-report-2026-27-Q2.pdf")).exists();
    }

    @Test
    void a_report_from_data_pseudonymised_with_the_demo_key_says_so_on_its_cover() throws IOException {
        Path inbox = smallInbox();
        String data = dir.resolve("data").toString();

        TestRuns.Outcome ingest = TestRuns.cli(
                null, "ingest", "--demo", "--inbox", inbox.toString(), "--data-dir", data, "--reject-threshold", "0.5");
        TestRuns.Outcome report = TestRuns.cli(
                null,
                "report",
                "--publish-incomplete",
                "--quarter",
                "2026-27 Q2",
                "--data-dir",
                data,
                "--out",
                dir.resolve("out").toString());

        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
        assertThat(report.exitCode()).as(report.err()).isZero();
        try (var pdf = Loader.loadPDF(
                dir.resolve("out/2026-27-Q2/tyss-report-2026-27-Q2.pdf").toFile())) {
            var cover = new PDFTextStripper();
            cover.setEndPage(1);
            assertThat(cover.getText(pdf))
                    .contains("Synthetic demonstration data, pseudonymised with the public demo key");
        }
    }

    @Test
    void a_file_delivered_twice_is_skipped_and_a_corrected_one_replaces_the_first() throws IOException {
        Path inbox = smallInbox();
        String[] ingest = {
            "ingest",
            "--inbox",
            inbox.toString(),
            "--data-dir",
            dir.resolve("data").toString(),
            "--out",
            dir.resolve("out").toString(),
            "--reject-threshold",
            "1"
        };
        assertThat(TestRuns.cli(KEY, ingest).exitCode()).isZero();

        // a copy of the same file under another name is recognised by its checksum
        Files.copy(inbox.resolve("police/missing-reports_Q2.csv"), inbox.resolve("police/missing-reports_Q2-copy.csv"));
        assertThat(TestRuns.cli(KEY, ingest).exitCode()).isZero();
        assertThat(count("SELECT COUNT(*) FROM ds_police_missing_reports")).isEqualTo(1);

        // a corrected resubmission of the same extract replaces the earlier rows
        Files.writeString(inbox.resolve("police/missing-reports_Q2.csv"), """
                police_person_id,reported_at,found_at,risk_grade
                NCH1,02/08/2026 21:00,03/08/2026 10:00,medium
                NCH2,05/08/2026 21:00,06/08/2026 10:00,high
                """);
        assertThat(TestRuns.cli(KEY, ingest).exitCode()).isZero();
        assertThat(count("SELECT COUNT(*) FROM ds_police_missing_reports")).isEqualTo(2);
        assertThat(count(
                        "SELECT COUNT(*) FROM received_file WHERE status = 'superseded' AND superseded_by IS NOT NULL"))
                .isEqualTo(1);
    }

    @Test
    void the_latest_delivery_of_an_extract_is_the_one_loaded_whatever_it_is_called_and_a_revert_is_a_delivery()
            throws IOException {
        Path inbox = smallInbox();
        String[] ingest = {
            "ingest",
            "--inbox",
            inbox.toString(),
            "--data-dir",
            dir.resolve("data").toString(),
            "--out",
            dir.resolve("out").toString(),
            "--reject-threshold",
            "1"
        };
        Path original = inbox.resolve("police/missing-reports_Q2.csv");
        String first = Files.readString(original); // one good row (and one rejected)
        String corrected = """
                police_person_id,reported_at,found_at,risk_grade
                NCH1,02/08/2026 21:00,03/08/2026 10:00,medium
                NCH2,05/08/2026 21:00,06/08/2026 10:00,high
                """;
        assertThat(TestRuns.cli(KEY, ingest).exitCode()).isZero();
        assertThat(count("SELECT COUNT(*) FROM ds_police_missing_reports")).isEqualTo(1);

        // corrected under the same name, then the original delivered again: the original is the latest
        Files.writeString(original, corrected);
        assertThat(TestRuns.cli(KEY, ingest).exitCode()).isZero();
        assertThat(count("SELECT COUNT(*) FROM ds_police_missing_reports")).isEqualTo(2);
        Files.writeString(original, first);
        TestRuns.Outcome revert = TestRuns.cli(KEY, ingest);
        assertThat(revert.exitCode()).as(revert.err()).isZero();
        assertThat(revert.out()).doesNotContain("Nothing to do");
        assertThat(count("SELECT COUNT(*) FROM ds_police_missing_reports")).isEqualTo(1);

        // a correction named as a new version (_v2) beside the original replaces it, and stays so on the next run
        Files.writeString(inbox.resolve("police/missing-reports_Q2_v2.csv"), corrected);
        assertThat(TestRuns.cli(KEY, ingest).exitCode()).isZero();
        assertThat(count("SELECT COUNT(*) FROM ds_police_missing_reports")).isEqualTo(2);
        assertThat(TestRuns.cli(KEY, ingest).exitCode()).isZero();
        assertThat(count("SELECT COUNT(*) FROM ds_police_missing_reports")).isEqualTo(2);
        assertThat(
                        count(
                                "SELECT COUNT(*) FROM received_file WHERE dataset = 'police/missing-reports' AND status <> 'superseded'"))
                .isEqualTo(1);
    }

    @Test
    void a_refused_referrals_file_fails_the_run_before_anything_is_published_and_the_summary_names_it()
            throws IOException {
        // the referrals saved as UTF-16 are refused: S01 would say 0 referrals, which is not true (their 2 rows are
        // 2 of the 3 rejected of 4, within a threshold this high)
        Path inbox = smallInbox();
        Path referrals = inbox.resolve("tyss/referrals_Q2.csv");
        Files.write(referrals, Files.readString(referrals).getBytes(StandardCharsets.UTF_16));
        TestRuns.Outcome run = TestRuns.cli(
                KEY,
                "run",
                "--quarter",
                "2026-27 Q2",
                "--inbox",
                inbox.toString(),
                "--data-dir",
                dir.resolve("data").toString(),
                "--out",
                dir.resolve("out").toString(),
                "--reject-threshold",
                "0.8");
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(run.err()).contains("tyss/referrals").doesNotContain("Exception");
        assertThat(run.out() + run.err()).contains("tyss/referrals_Q2.csv", "UTF-16");
        assertThat(dir.resolve("out/2026-27-Q2/tyss-report-2026-27-Q2.pdf")).doesNotExist();
    }

    @Test
    void the_performance_teams_commentary_opens_every_edition_and_the_manifest_says_which_text_was_used()
            throws IOException {
        Path inbox = smallInbox();
        Path commentary = Files.writeString(
                dir.resolve("commentary-2026-27-Q2.txt"), "- The Eastfold hub opened in August.\n{drafted}\n");
        TestRuns.Outcome run = TestRuns.cli(
                KEY,
                "run",
                "--publish-incomplete",
                "--quarter",
                "2026-27 Q2",
                "--inbox",
                inbox.toString(),
                "--data-dir",
                dir.resolve("data").toString(),
                "--out",
                dir.resolve("out").toString(),
                "--reject-threshold",
                "0.5",
                "--commentary",
                commentary.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(dir.resolve("out/2026-27-Q2/manifest.json"))
                .content()
                .contains(
                        "\"key_messages\" : \"the performance team's commentary, commentary-2026-27-Q2.txt\"",
                        "commentary_sha256");
        assertThat(dir.resolve("out/2026-27-Q2/tyss-report-2026-27-Q2.html"))
                .content()
                .contains("<li>", "The Eastfold hub opened in August.");
    }

    @Test
    void the_retention_rule_deletes_archived_inputs_older_than_it_keeps_and_later_manifests_say_so()
            throws IOException {
        Path inbox = smallInbox();
        String data = dir.resolve("data").toString();
        assertThat(TestRuns.cli(
                                KEY,
                                "ingest",
                                "--inbox",
                                inbox.toString(),
                                "--data-dir",
                                data,
                                "--reject-threshold",
                                "0.5")
                        .exitCode())
                .isZero();
        // received "now": a 12-month rule deletes nothing; then the files are made two years old
        TestRuns.Outcome none = TestRuns.cli(null, "retention", "--keep-months", "12", "--data-dir", data);
        assertThat(none.out()).as(none.err()).contains("Retention: 0 archived files");
        TestRuns.query(
                dir.resolve("data"),
                jdbc -> jdbc.update(
                        "UPDATE run_record SET started_at = ?",
                        LocalDateTime.now().minusYears(2)));
        TestRuns.Outcome done = TestRuns.cli(null, "retention", "--keep-months", "12", "--data-dir", data);
        assertThat(done.exitCode()).as(done.err()).isZero();
        assertThat(done.out()).contains("Retention: 2 archived files received before");
        try (var left = Files.walk(dir.resolve("data/archive"))) {
            assertThat(left.filter(Files::isRegularFile)
                            .filter(f -> !f.toString().contains("config")))
                    .isEmpty();
        }
        // the rows stay; a later run says which inputs' copies were deleted
        assertThat(count("SELECT COUNT(*) FROM ds_police_missing_reports")).isEqualTo(1);
        assertThat(TestRuns.cli(
                                KEY,
                                "run",
                                "--publish-incomplete",
                                "--quarter",
                                "2026-27 Q2",
                                "--inbox",
                                inbox.toString(),
                                "--data-dir",
                                data,
                                "--out",
                                dir.resolve("out").toString(),
                                "--reject-threshold",
                                "0.5")
                        .exitCode())
                .isZero();
        assertThat(dir.resolve("out/2026-27-Q2/manifest.json")).content().contains("\"archive_deleted\"");
        assertThat(TestRuns.cli(null, "retention", "--data-dir", data).exitCode())
                .isEqualTo(ExitCodes.BAD_ARGUMENTS);
    }

    @Test
    void a_bad_command_line_gets_one_line_and_exit_code_2() {
        TestRuns.Outcome unknownQuarter = TestRuns.cli(KEY, "run", "--quarter", "2026 Q2", "--inbox", dir.toString());
        assertThat(unknownQuarter.exitCode()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(unknownQuarter.err())
                .startsWith("tyss: '2026 Q2' is not a financial-year quarter")
                .doesNotContain("Exception", "\tat ");

        TestRuns.Outcome missingInbox = TestRuns.cli(
                KEY,
                "run",
                "--quarter",
                "2026-27 Q2",
                "--inbox",
                dir.resolve("nowhere").toString());
        assertThat(missingInbox.exitCode()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(missingInbox.err().lines().toList()).first().asString().contains("does not exist");

        TestRuns.Outcome noKey = TestRuns.cli(null, "ingest", "--inbox", dir.toString());
        assertThat(noKey.exitCode()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(noKey.err()).contains("no pseudonymisation key");
    }

    @Test
    void too_many_rejected_rows_fail_the_run_with_exit_code_3_and_still_leave_the_rejects_report() throws IOException {
        Path inbox = smallInbox();
        TestRuns.Outcome run = TestRuns.cli(
                KEY,
                "run",
                "--publish-incomplete",
                "--quarter",
                "2026-27 Q2",
                "--inbox",
                inbox.toString(),
                "--data-dir",
                dir.resolve("data").toString(),
                "--out",
                dir.resolve("out").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT_REJECTED);
        assertThat(run.err()).contains("25.0% of rows were rejected (1 of 4)");
        assertThat(dir.resolve("out/2026-27-Q2/rejects.csv")).exists();
    }

    @Test
    void the_rows_of_a_refused_file_count_against_the_reject_threshold() throws IOException {
        // given: 1 of the 4 rows loaded is rejected (25%), and a crimes export of 4 rows lacks its required columns
        Path inbox = smallInbox();
        Files.writeString(inbox.resolve("police/crimes_Q2.csv"), """
                police_person_id,offence_date,role
                P1,01/08/2026,suspect
                P2,02/08/2026,victim

                P3,03/08/2026,suspect
                P4,04/08/2026,suspect
                """);
        // when
        TestRuns.Outcome run = TestRuns.cli(
                KEY,
                "ingest",
                "--inbox",
                inbox.toString(),
                "--data-dir",
                dir.resolve("data").toString(),
                "--out",
                dir.resolve("out").toString(),
                "--reject-threshold",
                "0.5");
        // then: 5 of 8 rows are rejected, the refused file's 4 among them (its blank line is no row)
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.INPUT_REJECTED);
        assertThat(run.err())
                .contains(
                        "62.5% of rows were rejected (5 of 8)",
                        "every row of the refused police/crimes_Q2.csv (4 rows)");
    }

    @Test
    void a_copy_of_a_file_under_another_name_is_not_loaded_twice_and_says_so_everywhere() throws IOException {
        // "referrals_Q2 (1).csv" has the same bytes as referrals_Q2.csv: loading both would count
        // each referral twice; skipping it silently would leave no trace that it came.
        Path inbox = smallInbox();
        Files.copy(inbox.resolve("tyss/referrals_Q2.csv"), inbox.resolve("tyss/referrals_Q2 (1).csv"));
        TestRuns.Outcome run = TestRuns.cli(
                KEY,
                "run",
                "--publish-incomplete",
                "--quarter",
                "2026-27 Q2",
                "--inbox",
                inbox.toString(),
                "--data-dir",
                dir.resolve("data").toString(),
                "--out",
                dir.resolve("out").toString(),
                "--reject-threshold",
                "0.5");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains(
                        "rows read 4, loaded 3, rejected 1", "1 not loaded, the same bytes as a file already received");
        // the inbox is read in name order, so the copy (a space sorts before the point) is the one loaded
        assertThat(dir.resolve("out/2026-27-Q2/rejects.csv"))
                .content()
                .contains(
                        "\"tyss/referrals_Q2.csv\"",
                        "WARNING",
                        "not loaded: the same bytes as tyss/referrals_Q2 (1).csv, already received");
        assertThat(dir.resolve("out/2026-27-Q2/manifest.json"))
                .content()
                .contains("not_loaded_same_bytes", "\"same_as\" : \"tyss/referrals_Q2 (1).csv\"");
    }

    private Path smallInbox() throws IOException {
        Path inbox = dir.resolve("inbox");
        Files.createDirectories(inbox.resolve("tyss"));
        Files.createDirectories(inbox.resolve("police"));
        Files.writeString(inbox.resolve("tyss/referrals_Q2.csv"), """
                tyss_id,first_name,last_name,dob,sex,referral_date,referral_source,strand,decision,decision_date,allocated_date
                TY1,Zarvo,Quillet,03/04/2010,M,01/07/2026,6,call-in,accepted,03/07/2026,05/07/2026
                TY2,Mira,Tobble,12/12/2011,F,15/08/2026,school,detached,accepted,16/08/2026,
                """);
        Files.writeString(inbox.resolve("police/missing-reports_Q2.csv"), """
                police_person_id,first_name,last_name,dob,reported_at,found_at,risk_grade
                NCH1,Zarvo,Quillet,03/04/2010,02/08/2026 21:00,03/08/2026 10:00,medium
                NCH2,Nobody,Else,01/01/2012,02/08/2026 21:00,,extreme
                """);
        return inbox;
    }

    private Map<String, Object> counts() {
        return TestRuns.query(
                dir.resolve("data"),
                jdbc -> Map.of(
                        "referrals", jdbc.queryForObject("SELECT COUNT(*) FROM ds_tyss_referrals", Long.class),
                        "missing", jdbc.queryForObject("SELECT COUNT(*) FROM ds_police_missing_reports", Long.class),
                        "files", jdbc.queryForObject("SELECT COUNT(*) FROM received_file", Long.class),
                        "issues", jdbc.queryForObject("SELECT COUNT(*) FROM row_issue", Long.class),
                        "results", jdbc.queryForObject("SELECT COUNT(*) FROM measure_result", Long.class),
                        "people", jdbc.queryForObject("SELECT COUNT(*) FROM person_key", Long.class),
                        "files_read",
                                List.of(jdbc.queryForObject("SELECT SUM(rows_read) FROM received_file", Long.class))));
    }

    private long count(String sql) {
        return TestRuns.query(dir.resolve("data"), jdbc -> jdbc.queryForObject(sql, Long.class));
    }
}
