package tyss.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import tyss.ingest.ArchiveRetention;
import tyss.measure.cohort.Baseline;
import tyss.period.Quarter;
import tyss.protect.PseudonymKey;
import tyss.run.ExitCodes;
import tyss.run.Pipeline;
import tyss.run.PrivateFolders;
import tyss.run.RunIdentity;
import tyss.run.RunLock;
import tyss.run.RunSettings;
import tyss.run.RunSettings.Command;

/**
 * The command line: {@code run}, {@code ingest}, {@code report}, {@code validate} and
 * {@code generate-samples}. Arguments are checked before anything starts; every failure is one
 * line on standard error and an exit code from {@link ExitCodes}, never a stack trace.
 */
final class Cli {

    private static final Set<String> KEY = Set.of("key-file", "demo");
    /** The H2 user's password, and (if set) the password H2 encrypts the database file under. */
    static final String DB_PASSWORD = "TYSS_DB_PASSWORD";

    static final String DB_FILE_PASSWORD = "TYSS_DB_FILE_PASSWORD";
    private static final Set<String> COMMON = Set.of("data-dir", "out", "debug", "quiet", "progress");
    private static final Map<String, Set<String>> OPTIONS = options();

    private Cli() {}

    public static int run(String[] args) {
        return run(args, System.out, System.err, System.getenv(PseudonymKey.ENVIRONMENT_VARIABLE));
    }

    static int run(String[] args, PrintStream out, PrintStream err, String keyFromEnvironment) {
        Arguments arguments;
        RunSettings settings;
        try {
            arguments = Arguments.parse(args, OPTIONS);
            if (arguments.command().equals("help")) {
                out.print(arguments
                        .get("command")
                        .map(c -> Help.of(c, OPTIONS.get(c)))
                        .orElseGet(Help::text));
                return ExitCodes.OK;
            }
            if (arguments.command().equals("version")) {
                out.println("tyss-reports " + RunIdentity.runningVersion());
                return ExitCodes.OK;
            }
            if (arguments.command().equals("generate-samples")) {
                return SampleCommand.run(arguments, out);
            }
            if (arguments.command().equals("audit")) {
                return AuditCommand.run(arguments, out);
            }
            if (arguments.command().equals("region")) {
                return RegionCommand.run(arguments, out, err);
            }
            if (arguments.command().equals("rerun")) {
                return RerunCommand.run(arguments, out, err, keyFromEnvironment);
            }
            settings = settings(arguments, keyFromEnvironment);
        } catch (UsageException | IllegalArgumentException | PseudonymKey.MissingKeyException e) {
            // NumberFormatException is an IllegalArgumentException: a bad --seed or --scale lands here too.
            err.println("tyss: " + e.getMessage());
            err.println("Try 'jobs/tyss --help' (or java -jar target/tyss-reports.jar --help).");
            return ExitCodes.BAD_ARGUMENTS;
        }
        PrivateFolders.make(
                settings.command() == Command.VALIDATE
                        ? new Path[] {settings.outDir()}
                        : new Path[] {settings.dataDir(), settings.outDir()});
        if (settings.command() == Command.VALIDATE) {
            return new ValidateCommand(settings, out, err).run();
        }
        // Locked before Spring starts: a second launch must not even open the database.
        Optional<RunLock> lock = RunLock.tryAcquire(settings.dataDir());
        if (lock.isEmpty()) {
            err.println("tyss: another run is in progress on "
                    + settings.dataDir().toAbsolutePath() + "; this one did nothing");
            return ExitCodes.ALREADY_RUNNING;
        }
        if (console(arguments).equals("detail")) {
            // starting the store and the batch framework takes 10-20 s with nothing else to show for it
            out.printf(
                    "%tT starting %s%s: opening the store in %s%n",
                    LocalTime.now(),
                    settings.command().word,
                    settings.quarter().map(q -> " " + q).orElse(""),
                    settings.dataDir());
        }
        try (RunLock held = lock.get();
                ConfigurableApplicationContext context =
                        start(settings, arguments.has("debug"), arguments.has("embedded-store"), console(arguments))) {
            int code = settings.command() == Command.RETENTION
                    ? retention(context, arguments, out)
                    : context.getBean(Pipeline.class).run(out, err);
            PrivateFolders.tighten(settings.dataDir(), settings.outDir());
            return code;
        } catch (RuntimeException | IOException e) {
            err.println("tyss: internal failure: " + Messages.oneLine(e) + " (details in "
                    + settings.dataDir().resolve("logs/tyss.log") + ")");
            if (arguments.has("debug")) {
                e.printStackTrace(err);
            }
            return ExitCodes.INTERNAL_FAILURE;
        }
    }

    /**
     * {@code detail} (a line per file, every fifth measure, each output) on a terminal; {@code stages}
     * (one line per stage) when standard output is not one, as under cron or in a pipe.
     */
    private static String console(Arguments a) {
        boolean terminal = System.console() != null;
        return a.has("quiet") || !a.has("progress") && !terminal ? "stages" : "detail";
    }

    private static ConfigurableApplicationContext start(
            RunSettings settings, boolean debug, boolean embeddedStore, String console) {
        // Passed as command-line properties so they outrank application.yml, the environment and system properties.
        List<String> properties = new ArrayList<>();
        properties.add("--tyss.data-dir=" + settings.dataDir().toAbsolutePath());
        properties.add("--tyss.console=" + console);
        if (embeddedStore) {
            // An evaluator's rerun works in a fresh embedded store, never in a shared PostgreSQL one.
            properties.add("--spring.profiles.active=embedded");
        }
        if (debug) {
            properties.add("--logging.level.tyss=DEBUG");
        }
        // H2's own file encryption where the operator asks for it: its password is "file-password user-password"
        String filePassword = System.getenv(DB_FILE_PASSWORD);
        if (filePassword != null && !filePassword.isBlank()) {
            properties.add("--tyss.db-cipher=;CIPHER=AES");
            properties.add("--spring.datasource.password=" + filePassword.strip() + " "
                    + Objects.requireNonNullElse(System.getenv(DB_PASSWORD), ""));
        }
        return new SpringApplicationBuilder(TyssApplication.class)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("runSettings", settings))
                .run(properties.toArray(String[]::new));
    }

    /** {@code retention --keep-months N}: deletes archived copies of files received longer ago than that. */
    private static int retention(ConfigurableApplicationContext context, Arguments a, PrintStream out) {
        int months = Integer.parseInt(a.get("keep-months").orElseThrow());
        ArchiveRetention.Outcome done =
                ArchiveRetention.apply(context.getBean(JdbcClient.class), months, LocalDate.now());
        out.printf(
                "Retention: %d archived file%s received before %s deleted (kept %d months); their rows stay in the store, pseudonymised.%n",
                done.deleted(), done.deleted() == 1 ? "" : "s", done.before(), months);
        return ExitCodes.OK;
    }

    static RunSettings settings(Arguments a, String keyFromEnvironment) {
        Command command = switch (a.command()) {
            case "run" -> Command.RUN;
            case "ingest" -> Command.INGEST;
            case "report" -> Command.REPORT;
            case "validate" -> Command.VALIDATE;
            case "retention" -> Command.RETENTION;
            default -> throw new UsageException("unknown command " + a.command());
        };
        boolean needsQuarter = command == Command.RUN || command == Command.REPORT;
        boolean needsInbox = command != Command.REPORT && command != Command.RETENTION;
        if (command == Command.RETENTION
                && a.get("keep-months").map(Integer::parseInt).orElse(0) < 1) {
            throw new UsageException(
                    "'retention' needs --keep-months N, at least 1 (how long the archive keeps received files)");
        }
        Optional<Quarter> quarter = a.get("quarter")
                .map(q -> q.equalsIgnoreCase("latest")
                        ? Quarter.containing(LocalDate.now()).previous()
                        : Quarter.parse(q));
        if (needsQuarter && quarter.isEmpty()) {
            throw new UsageException("'" + a.command() + "' needs --quarter, e.g. --quarter \"2025-26 Q1\"");
        }
        Optional<Path> inbox = a.get("inbox").map(Path::of);
        if (needsInbox && inbox.isEmpty()) {
            throw new UsageException("'" + a.command() + "' needs --inbox FOLDER (the folder of partner exports)");
        }
        inbox.ifPresent(p -> {
            if (!Files.isDirectory(p)) {
                throw new UsageException("the inbox folder " + p + " does not exist");
            }
        });
        Optional<Path> mapping = a.get("mapping").map(Path::of);
        mapping.ifPresent(p -> {
            if (!Files.isRegularFile(p)) {
                throw new UsageException("the mapping file " + p + " does not exist");
            }
        });
        PseudonymKey key = null;
        if (command == Command.RUN || command == Command.INGEST) {
            key = a.has("demo")
                    ? PseudonymKey.demo()
                    : PseudonymKey.resolve(a.get("key-file").map(Path::of).orElse(null), keyFromEnvironment);
        }
        double threshold = a.get("reject-threshold").map(Cli::threshold).orElse(RunSettings.DEFAULT_REJECT_THRESHOLD);
        a.get("baseline").ifPresent(Baseline::parse); // a bad baseline is a bad argument, found now
        Optional<Path> commentary = a.get("commentary").map(Path::of);
        commentary.ifPresent(p -> {
            if (!Files.isRegularFile(p)) {
                throw new UsageException("the commentary file " + p + " does not exist");
            }
        });
        return new RunSettings(
                command,
                quarter,
                inbox,
                Path.of(a.get("out").orElse("out")),
                Path.of(a.get("data-dir").orElse("data")),
                mapping,
                key,
                threshold,
                a.get("baseline"),
                a.has("publish-incomplete"),
                commentary);
    }

    private static double threshold(String text) {
        try {
            double value = text.endsWith("%")
                    ? Double.parseDouble(text.substring(0, text.length() - 1)) / 100
                    : Double.parseDouble(text);
            if (value < 0 || value > 1) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UsageException(
                    "--reject-threshold takes a fraction from 0 to 1 or a percentage, e.g. 0.05 or 5%, not '" + text
                            + "'");
        }
    }

    private static Map<String, Set<String>> options() {
        Map<String, Set<String>> m = new LinkedHashMap<>();
        m.put(
                "run",
                union(
                        COMMON,
                        KEY,
                        Set.of(
                                "quarter",
                                "inbox",
                                "mapping",
                                "reject-threshold",
                                "baseline",
                                "embedded-store",
                                "publish-incomplete",
                                "commentary")));
        m.put("ingest", union(COMMON, KEY, Set.of("inbox", "mapping", "reject-threshold")));
        m.put("report", union(COMMON, Set.of("quarter", "baseline", "publish-incomplete", "commentary")));
        m.put("validate", union(COMMON, Set.of("inbox", "mapping")));
        m.put("generate-samples", Set.of("out", "seed", "scale", "plant-effect", "authorities"));
        m.put("audit", Set.of("workbook", "pdf", "html"));
        m.put("retention", union(COMMON, Set.of("keep-months")));
        m.put(
                "region",
                Set.of("file", "quarter", "reject-threshold", "baseline", "publish-incomplete", "parallel", "debug"));
        m.put("rerun", union(Set.of("out", "debug", "manifest", "archive"), KEY));
        return m;
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new TreeSet<>();
        for (Set<String> s : sets) {
            all.addAll(s);
        }
        return all;
    }
}
