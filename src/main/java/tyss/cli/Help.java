package tyss.cli;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The text of {@code --help}. */
final class Help {

    /** A usage line: the command as typed, then (after two spaces or more) what it does. */
    private static final Pattern USAGE = Pattern.compile("\\s+(tyss \\S.*?\\S)\\s{2,}(\\S.*)");

    private Help() {}

    /** An option's first line in the Options block: "  --name ARG   what it does". */
    private static final Pattern OPTION = Pattern.compile("\\s{2}--([a-z-]+).*");

    /** One command's usage line and the options it takes, for {@code COMMAND --help}. */
    static String of(String command, Set<String> options) {
        String text = text();
        Matcher usage = text.lines()
                .map(USAGE::matcher)
                .filter(m -> m.matches() && m.group(1).startsWith("tyss " + command + " "))
                .findFirst()
                .orElse(null);
        if (usage == null) {
            return "tyss: no command '" + command + "'\n\n" + text;
        }
        return "tyss " + command + ": " + usage.group(2) + "\n\nUsage:\n  " + usage.group(1) + "\n\n"
                + only(text.substring(text.indexOf("Options:")), options);
    }

    /** The Options block cut to the given options (an option's continuation lines go with it); --help and the rest stay. */
    private static String only(String block, Set<String> options) {
        StringBuilder kept = new StringBuilder();
        boolean keep = true;
        for (String line : block.split("\n", -1)) {
            Matcher option = OPTION.matcher(line);
            if (option.matches()) {
                keep = options == null
                        || options.contains(option.group(1))
                        || option.group(1).equals("help");
            } else if (!line.startsWith("    ")) {
                keep = true;
            }
            if (keep) {
                kept.append(line).append('\n');
            }
        }
        return kept.substring(0, kept.length() - 1);
    }

    static String text() {
        return """
                tyss: TYSS quarterly outcome reports from partner agency exports
                (run as jobs/tyss, the launcher, or as java -jar target/tyss-reports.jar)

                Usage:
                  tyss run --quarter "2025-26 Q1" --inbox FOLDER [options]   receive, ingest, link, compute and report
                  tyss ingest --inbox FOLDER [options]                     receive, ingest and link only
                  tyss report --quarter "2025-26 Q1" [options]              compute and report from what is stored
                  tyss validate --inbox FOLDER [--mapping FILE] [--out DIR]  check files without loading them
                  tyss rerun --manifest FILE [--archive DIR] [--out DIR]     repeat a published run from the archive and compare
                  tyss generate-samples --out FOLDER [--seed N] [--scale N] [--plant-effect F | --authorities N]  write synthetic sample exports (F: a known effect of the service, e.g. 0.4)
                  tyss region --file REGION.yml --quarter Q [--parallel N]     every authority of a region into one PostgreSQL store
                  tyss retention --keep-months N [--data-dir DIR]         delete archived inputs received more than N months ago
                  tyss audit --workbook FILE.xlsx [--pdf FILE.pdf] [--html FILE.html]  the intruder's audit of a commissioners' edition

                Options:
                  --quarter Q            financial-year quarter, e.g. "2025-26 Q1" (Q1 = Apr-Jun, Q4 = Jan-Mar),
                                         or "latest" for the latest complete quarter
                  --inbox FOLDER         partner exports as <agency>/<dataset>_*.csv|xlsx, searched recursively
                  --mapping FILE         a local authority's column mapping (jobs/mappings/<la>.yml)
                  --out DIR              where outputs go (default out/; a quarter's go to out/<2025-26-Q1>/)
                  --data-dir DIR         the embedded database and the archive of received files (default data/)
                  --key-file FILE        the pseudonymisation key (or set TYSS_PSEUDONYM_KEY); required to ingest
                  --demo                 use the public demo key: synthetic sample data only, never real records
                  --reject-threshold F   fail the run if more than F of rows are rejected (default 0.05, or 5%)
                  --baseline PERIOD      the evaluator's baseline, a financial year "2024-25" or a quarter
                  --embedded-store       use the embedded H2 store even where the postgres profile is active
                  --publish-incomplete   publish even though a key measure's data was not received (every page says so)
                  --commentary FILE      the quarter's key messages, one per line, instead of those drafted from the
                                         figures (a line {drafted} puts the drafted ones there)
                  --quiet                one line per stage (ingest, link, measures, render, summary), as when
                                         standard output is not a terminal (cron, a pipe); the detail is in the log
                  --progress             a line per file and every fifth measure even when it is not a terminal
                  --debug                more logging, and stack traces on failure
                  --file REGION.yml      the region: each authority's role, inbox, mapping, key file, data and out folders, and the regional edition's out
                  --parallel N           how many of the region's authorities run at once (default 2)
                  --authorities N        a region of N synthetic authorities, with its region.yml
                  --help, --version

                Exit codes:
                  0 finished   1 internal failure (run the same command again to resume)   2 bad arguments
                  3 too many input rows rejected (see rejects.csv)   4 another run is in progress
                  5 a rerun did not reproduce the published outputs (its statement says what changed)
                  6 the intruder's audit could work out a withheld figure: the commissioners' edition was not published
                  7 a key measure's data was not received for the quarter (or no data reaches it): nothing was published
                """;
    }
}
