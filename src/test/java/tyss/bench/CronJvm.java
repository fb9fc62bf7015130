package tyss.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM options {@code jobs/tyss-cron.sh} starts the pipeline with, read from the script itself so
 * that the benchmark measures what production runs and the options live in one place.
 */
final class CronJvm {

    private static final Path SCRIPT = Path.of("jobs/tyss-cron.sh");
    private static final Pattern DEFAULT = Pattern.compile("\\$\\{JAVA_OPTS:=([^}]*)}");

    private CronJvm() {}

    static List<String> options() {
        try {
            Matcher m = DEFAULT.matcher(Files.readString(SCRIPT));
            if (!m.find()) {
                throw new IllegalStateException(SCRIPT + " no longer sets a default JAVA_OPTS");
            }
            return List.of(m.group(1).trim().split("\\s+"));
        } catch (IOException e) {
            throw new UncheckedIOException("the benchmark runs from the project folder; cannot read " + SCRIPT, e);
        }
    }
}
