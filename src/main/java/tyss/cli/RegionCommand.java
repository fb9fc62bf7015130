package tyss.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tyss.period.Quarter;
import tyss.run.ExitCodes;
import tyss.run.RegionFile;
import tyss.run.RegionRun;

/**
 * {@code region --file region.yml --quarter Q}: every authority of a region runs its quarter into
 * the one shared PostgreSQL store, one partition each, then the regional edition is made from what
 * they published; exit 0 when all finished and the edition was made, else the exit code of the first
 * authority (in the file's order) that did not finish, or 1 when the edition could not be made.
 */
final class RegionCommand {

    private RegionCommand() {}

    static int run(Arguments a, PrintStream out, PrintStream err) {
        Path file = a.get("file")
                .map(Path::of)
                .orElseThrow(() -> new UsageException("'region' needs --file REGION.yml (the region's authorities)"));
        if (!Files.isRegularFile(file)) {
            throw new UsageException("the region file " + file + " does not exist");
        }
        Quarter quarter = Quarter.parse(a.get("quarter")
                .orElseThrow(() -> new UsageException("'region' needs --quarter, e.g. --quarter \"2025-26 Q1\"")));
        int parallel = a.get("parallel").map(Integer::parseInt).orElse(2);
        if (parallel < 1) {
            throw new UsageException("--parallel takes how many authorities run at once, at least 1, not " + parallel);
        }
        String url = setting("TYSS_DB_URL", "jdbc:postgresql://127.0.0.1:5432/tyss");
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new UsageException(
                    "a region shares a PostgreSQL store: set TYSS_DB_URL to it (jdbc:postgresql://...), not " + url);
        }
        RegionFile region = RegionFile.load(file);
        // without Spring Boot's logging set-up the libraries would print at DEBUG; each authority's run logs to its own
        // data folder
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(a.has("debug") ? ch.qos.logback.classic.Level.INFO : ch.qos.logback.classic.Level.WARN);
        List<String> arguments = new ArrayList<>(List.of("--quarter", quarter.toString()));
        a.get("reject-threshold").ifPresent(t -> arguments.addAll(List.of("--reject-threshold", t)));
        a.get("baseline").ifPresent(b -> arguments.addAll(List.of("--baseline", b)));
        if (a.has("publish-incomplete")) {
            arguments.add("--publish-incomplete");
        }
        out.printf(
                "Region: %d authorities into %s, %d at a time%n",
                region.authorities().size(), url.replaceFirst("\\?.*", ""), parallel);
        List<RegionRun.Outcome> outcomes;
        RegionRun run = new RegionRun(
                region,
                new RegionRun.Store(url, setting("TYSS_DB_USER", "tyss"), setting("TYSS_DB_PASSWORD", "")),
                arguments,
                parallel,
                out);
        try {
            outcomes = run.run();
        } catch (IllegalArgumentException e) {
            err.println("tyss: " + e.getMessage());
            return ExitCodes.BAD_ARGUMENTS;
        } catch (Exception e) {
            err.println("tyss: the regional run failed: " + Messages.oneLine(e));
            if (a.has("debug")) {
                e.printStackTrace(err);
            }
            return ExitCodes.INTERNAL_FAILURE;
        }
        int code = ExitCodes.OK;
        for (RegionRun.Outcome o : outcomes) {
            out.printf("  %s: exit %d in %.1f s%n", o.authority(), o.exitCode(), o.seconds());
            if (code == ExitCodes.OK && o.exitCode() != ExitCodes.OK) {
                code = o.exitCode();
            }
        }
        long finished =
                outcomes.stream().filter(o -> o.exitCode() == ExitCodes.OK).count();
        out.printf("Region: %d of %d authorities finished %s%n", finished, outcomes.size(), quarter);
        if (finished < outcomes.size()) {
            out.println("Regional edition: not made, since it compares every authority's published quarter");
            return code;
        }
        try {
            List<Path> edition = run.regionalEdition(quarter);
            out.printf(
                    "Regional edition: %s (%d files)%n",
                    edition.get(edition.size() - 1).getParent(), edition.size());
        } catch (IllegalStateException e) {
            err.println("tyss: the regional edition was not made: " + e.getMessage());
            return ExitCodes.INTERNAL_FAILURE;
        }
        return code;
    }

    /** The store's settings as the postgres profile reads them: a system property, else the environment. */
    private static String setting(String name, String otherwise) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null || value.isBlank() ? otherwise : value;
    }
}
