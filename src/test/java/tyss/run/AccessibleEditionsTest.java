package tyss.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The accessibility checks of issue 19 on the sample quarter's commissioners' edition (run with an
 * evaluator's baseline, so every kind of table is drawn): the HTML edition through axe-core in
 * headless Chromium against WCAG 2.2 AA.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibleEditionsTest {

    private static final Path AXE = Path.of("src/test/a11y");
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private Path out;

    @BeforeAll
    void runTheSamples(@TempDir Path dir) {
        TestRuns.Outcome run = TestRuns.cli(null, "run", "--quarter", "2026-27 Q2", "--inbox", "input-samples", "--mapping",
                "jobs/mappings/sample-county.yml", "--demo", "--baseline", "2024-25", "--data-dir", dir.resolve("data").toString(),
                "--out", dir.resolve("out").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        out = dir.resolve("out/2026-27-Q2");
    }

    @Test
    void the_html_edition_has_no_axe_core_violation_of_wcag_2_2_aa() throws Exception {
        Axe result = axe(out.resolve("tyss-report-2026-27-Q2.html"));
        System.out.println(result.output());
        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).contains(" 0 violated");
    }

    @Test
    void axe_core_fails_an_html_edition_with_an_image_without_alternative_text(@TempDir Path dir) throws Exception {
        String html = Files.readString(out.resolve("tyss-report-2026-27-Q2.html"), StandardCharsets.UTF_8)
                .replace("<main id=\"main\">", "<main id=\"main\"><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\">");
        Path broken = Files.writeString(dir.resolve("broken.html"), html, StandardCharsets.UTF_8);
        Axe result = axe(broken);
        System.out.println(result.output());
        assertThat(result.exit()).as(result.output()).isEqualTo(1);
        assertThat(result.output()).contains("VIOLATION image-alt");
    }

    /** What the Node check printed and its exit code (0 no violation, 1 violations, 2 it could not run). */
    private record Axe(int exit, String output) {
    }

    private static Axe axe(Path html) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(CHROMIUM), "skipped: no Chromium at " + CHROMIUM + " (apt-get install chromium; .ci/run installs it)");
        assumeTrue(onPath("node"), "skipped: no node on the PATH (.ci/run installs it)");
        assumeTrue(Files.isDirectory(AXE.resolve("node_modules/axe-core")), "skipped: run npm ci in " + AXE + " (.ci/run does)");
        Process p = new ProcessBuilder(List.of("node", "axe-check.js", html.toAbsolutePath().toString())).directory(AXE.toFile())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Axe(p.waitFor(), output.strip());
    }

    private static boolean onPath(String command) {
        try {
            return new ProcessBuilder(command, "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
