package tyss.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tyss.run.ExitCodes;

class CliTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void help_lists_every_command_and_exit_code() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains(
                        "run --quarter",
                        "ingest --inbox",
                        "report --quarter",
                        "validate --inbox",
                        "rerun --manifest",
                        "generate-samples",
                        "Exit codes",
                        "4 another run is in progress");
    }

    @Test
    void a_commands_help_is_that_commands_and_names_the_launcher_that_exists() {
        assertThat(run("validate", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("tyss validate: check files without loading them")
                .contains("validate --inbox FOLDER")
                .doesNotContain("rerun --manifest");
        assertThat(Files.isExecutable(Path.of("jobs/tyss"))).isTrue();
        out.reset();
        // only the options the command takes: report refuses --reject-threshold, so its help must not offer it
        assertThat(run("report", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("--baseline PERIOD", "--commentary FILE", "Exit codes:")
                .doesNotContain("--reject-threshold", "--inbox FOLDER", "--key-file");
        out.reset();
        run("--help");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("jobs/tyss");
    }

    @Test
    void an_unknown_command_or_option_is_one_line_and_exit_code_2() {
        assertThat(run("publish")).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("tyss: unknown command 'publish'");
        err.reset();
        assertThat(run("validate", "--inbox", dir.toString(), "--quarterly")).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'validate' has no option --quarterly");
    }

    @Test
    void validate_reads_everything_loads_nothing_and_writes_the_rejects_report() throws IOException {
        Files.createDirectories(dir.resolve("inbox/police"));
        Files.writeString(
                dir.resolve("inbox/police/asb_Q2.csv"),
                "police_person_id,incident_date,category\nP1,01/08/2026,nuisance\nP2,31/02/2026,nuisance\n");
        int code = run(
                "validate",
                "--inbox",
                dir.resolve("inbox").toString(),
                "--out",
                dir.resolve("out").toString());
        assertThat(code).isEqualTo(ExitCodes.INPUT_REJECTED);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("2 rows read, 1 rejected, 0 file(s) refused");
        assertThat(dir.resolve("out/rejects.csv"))
                .content()
                .contains("\"police/asb_Q2.csv\",\"3\",\"incident_date\",\"31/02/2026\"");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    private int run(String... args) {
        return Cli.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                null);
    }
}
