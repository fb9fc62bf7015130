package tyss.run;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The line each stage prints as it ends (ingest, link, measures, render, then the summary). On a
 * terminal they sit among the progress lines; under cron, or whenever standard output is not a
 * terminal, they are all the console shows ({@code tyss.console=stages}). Each is kept in the log too.
 */
@Component
class StageLines {

    /** Marks a stage line in the log, so that the console appender does not print it a second time. */
    public static final Marker STAGE = MarkerFactory.getMarker("STAGE");

    private static final Logger log = LoggerFactory.getLogger(StageLines.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final boolean stagesOnly;
    private PrintStream out = System.out;

    StageLines(@Value("${tyss.console:detail}") String console) {
        this.stagesOnly = "stages".equals(console);
    }

    /** Whether the console shows the stage lines alone: the summary is then one line too. */
    boolean stagesOnly() {
        return stagesOnly;
    }

    /** Where the lines go: the standard output the command was given. */
    void printTo(PrintStream out) {
        this.out = out;
    }

    void print(String stage, String text) {
        out.println(LocalTime.now().format(TIME) + " " + stage + ": " + text);
        log.info(STAGE, "{}: {}", stage, text);
    }
}
