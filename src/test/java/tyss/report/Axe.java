package tyss.report;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * axe-core against WCAG 2.2 AA, in headless Chromium ({@code src/test/a11y/axe-check.js}); the
 * test is skipped, saying why, where Chromium, node or the npm packages are missing ({@code .ci/run}
 * installs them).
 */
public final class Axe {

    private static final Path AXE = Path.of("src/test/a11y");
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    /** What the Node check printed and its exit code (0 no violation, 1 violations, 2 it could not run). */
    public record Result(int exit, String output) {}

    private Axe() {}

    public static Result check(Path html) throws IOException, InterruptedException {
        assumeTrue(
                Files.isExecutable(CHROMIUM),
                "skipped: no Chromium at " + CHROMIUM + " (apt-get install chromium; .ci/run installs it)");
        assumeTrue(onPath("node"), "skipped: no node on the PATH (.ci/run installs it)");
        assumeTrue(
                Files.isDirectory(AXE.resolve("node_modules/axe-core")),
                "skipped: run npm ci in " + AXE + " (.ci/run does)");
        Process p = new ProcessBuilder(
                        List.of("node", "axe-check.js", html.toAbsolutePath().toString()))
                .directory(AXE.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), output.strip());
    }

    private static boolean onPath(String command) {
        try {
            return new ProcessBuilder(command, "--version")
                            .redirectErrorStream(true)
                            .start()
                            .waitFor()
                    == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
