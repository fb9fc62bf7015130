package tyss.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tyss.ingest.Receipts;
import tyss.measure.LogicModel;

/** An evaluator reruns a published quarter from the archive, months later, in a fresh store. */
class RerunFunctionalTest {

    private static final String KEY = "rerun-test-key-0123456789";

    @TempDir
    Path dir;

    @Test
    void a_rerun_from_the_archive_reproduces_the_published_outputs_byte_for_byte() throws IOException {
        Path manifest = publish();
        // the inbox is gone by now: only the archive remains
        deleteInbox();

        TestRuns.Outcome rerun = TestRuns.cli(
                KEY,
                "rerun",
                "--manifest",
                manifest.toString(),
                "--archive",
                dir.resolve("data/archive").toString(),
                "--out",
                dir.resolve("evaluation").toString());

        assertThat(rerun.exitCode()).as(rerun.out() + rerun.err()).isZero();
        assertThat(rerun.out())
                .containsPattern("Reproduced: all \\d+ outputs of run [0-9a-f]{16} are byte-for-byte identical");
        assertThat(dir.resolve("evaluation/rerun-2026-27-Q2.txt")).content().startsWith("Reproduced");
    }

    @Test
    void the_manifest_keeps_when_each_file_was_delivered_and_the_rerun_receives_them_on_those_days()
            throws IOException {
        Path manifest = publish();
        assertThat(Files.readString(manifest))
                .contains("\"received_at\" : \"2026-10-05T00:00\"", "\"received_at\" : \"2026-10-20T14:30\"");
        deleteInbox();
        TestRuns.Outcome rerun = TestRuns.cli(
                KEY,
                "rerun",
                "--manifest",
                manifest.toString(),
                "--archive",
                dir.resolve("data/archive").toString(),
                "--out",
                dir.resolve("evaluation").toString());
        assertThat(rerun.exitCode()).as(rerun.out() + rerun.err()).isZero();
        assertThat(Files.readString(dir.resolve("evaluation/2026-27-Q2/manifest.json")))
                .contains("\"received_at\" : \"2026-10-05T00:00\"");
    }

    @Test
    void a_rerun_that_differs_says_what_changed() throws IOException {
        Path manifest = publish();
        String current = LogicModel.load().measure("S01").version();
        // as if the published run had used another definition of S01 and produced another rejects report
        Files.writeString(
                manifest,
                Files.readString(manifest)
                        .replaceFirst("\"S01\" : \"" + current + "\"", "\"S01\" : \"0\"")
                        .replaceFirst(
                                "(\"file\" : \"rejects.csv\",\\s*\"sha256\" : \")[0-9a-f]+", "$1" + "0".repeat(64)));

        TestRuns.Outcome rerun = TestRuns.cli(
                KEY,
                "rerun",
                "--manifest",
                manifest.toString(),
                "--archive",
                dir.resolve("data/archive").toString(),
                "--out",
                dir.resolve("evaluation").toString());

        assertThat(rerun.exitCode()).isEqualTo(ExitCodes.NOT_REPRODUCED);
        assertThat(rerun.out())
                .containsPattern("Not reproduced exactly: (\\d+) of \\d+ outputs are identical")
                .contains("definition of S01: version 0 -> " + current);
    }

    @Test
    void a_rerun_with_another_key_is_refused() throws IOException {
        Path manifest = publish();
        TestRuns.Outcome rerun = TestRuns.cli(
                "some-other-key-0123456789",
                "rerun",
                "--manifest",
                manifest.toString(),
                "--archive",
                dir.resolve("data/archive").toString(),
                "--out",
                dir.resolve("evaluation").toString());
        assertThat(rerun.exitCode()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(rerun.err()).contains("a rerun needs the same key");
    }

    private Path publish() throws IOException {
        Path inbox = dir.resolve("inbox");
        Files.createDirectories(inbox.resolve("tyss"));
        Files.createDirectories(inbox.resolve("social-care"));
        Files.writeString(inbox.resolve("tyss/referrals_Q2.csv"), """
                tyss_id,first_name,last_name,dob,sex,referral_date,referral_source,strand,decision,decision_date,allocated_date
                TY1,Zarvo,Quillet,03/04/2010,M,01/07/2026,6,call-in,accepted,03/07/2026,05/07/2026
                TY2,Mira,Tobble,12/12/2011,F,15/08/2026,school,detached,accepted,16/08/2026,
                """);
        Files.writeString(inbox.resolve("social-care/screens_Q2.csv"), """
                Person ID,Date of Screening,Risk Level,Exploitation Type
                LA1,03/07/2026,Significant risk,CCE
                LA2,04/07/2026,Extreme,CCE
                """);
        // delivered in October: a rerun on another day must still say so, or the scorecard's timeliness moves
        Files.writeString(inbox.resolve(Receipts.FILE), """
                file,received_at
                tyss/referrals_Q2.csv,2026-10-05
                social-care/screens_Q2.csv,2026-10-20T14:30
                """);
        Path mapping = dir.resolve("mapping.yml");
        Files.writeString(mapping, """
                files:
                  - dataset: social-care/exploitation-screenings
                    match: "social-care/screens*"
                    columns: {la_child_id: ["Person ID"], screening_date: ["Date of Screening"], tier: ["Risk Level"], type: ["Exploitation Type"]}
                    values: {tier: {"Significant risk": high}}
                """);
        TestRuns.Outcome run = TestRuns.cli(
                KEY,
                "run",
                "--publish-incomplete",
                "--quarter",
                "2026-27 Q2",
                "--inbox",
                inbox.toString(),
                "--mapping",
                mapping.toString(),
                "--data-dir",
                dir.resolve("data").toString(),
                "--out",
                dir.resolve("out").toString(),
                "--reject-threshold",
                "0.5");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Files.delete(mapping);
        return dir.resolve("out/2026-27-Q2/manifest.json");
    }

    private void deleteInbox() throws IOException {
        try (var walk = Files.walk(dir.resolve("inbox"))) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
