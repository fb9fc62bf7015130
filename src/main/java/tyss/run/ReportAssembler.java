package tyss.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tyss.contract.DatasetCatalog;
import tyss.disclose.Disclosure;
import tyss.disclose.IntruderAudit;
import tyss.disclose.ReportInput;
import tyss.disclose.SmallNumberSuppression;
import tyss.ingest.LocalMapping;
import tyss.ingest.ReceivedFiles;
import tyss.ingest.RejectsReport;
import tyss.link.MatchReport;
import tyss.measure.Coverage;
import tyss.measure.LogicModel;
import tyss.measure.MeasureResult;
import tyss.measure.Rates;
import tyss.measure.ResultRows;
import tyss.measure.Targets;
import tyss.measure.cohort.AnalysisExtract;
import tyss.period.Quarter;
import tyss.protect.PseudonymKey;
import tyss.report.ReportRenderer;

/** Gathers a run's results and run record from the store and hands them to the renderers. */
@Component
class ReportAssembler {

    private static final Logger log = LoggerFactory.getLogger(ReportAssembler.class);
    /** The open-data edition's folder, beside the reports (see {@code tyss.report.OpenData}). */
    static final String OPEN_DATA = "open-data";
    /** Each agency's data-quality summary, beside the reports (see {@code tyss.report.PartnerSummaries}). */
    static final String PARTNERS = ReportRenderer.PARTNERS;

    private final JdbcClient jdbc;
    private final LogicModel model;
    private final RunSettings settings;
    private final DatasetCatalog catalog;
    private final ReceivedFiles received;
    private final MatchReport matches;

    ReportAssembler(
            JdbcClient jdbc,
            LogicModel model,
            RunSettings settings,
            DatasetCatalog catalog,
            ReceivedFiles received,
            MatchReport matches) {
        this.catalog = catalog;
        this.received = received;
        this.matches = matches;
        this.jdbc = jdbc;
        this.model = model;
        this.settings = settings;
    }

    /** The commentary file's non-blank lines, each a key message (a leading "- " or "* " is the writer's bullet, dropped). */
    private ReportInput.Commentary commentary() {
        return settings.commentaryFile()
                .map(f -> {
                    try {
                        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8).stream()
                                .map(String::strip)
                                .filter(l -> !l.isEmpty())
                                .map(l -> l.replaceFirst("^[-*] ", ""))
                                .toList();
                        return new ReportInput.Commentary(
                                "the performance team's commentary, " + f.getFileName(), lines);
                    } catch (IOException e) {
                        throw new UncheckedIOException(
                                "cannot read the commentary file " + f + ": " + e.getMessage(), e);
                    }
                })
                .orElse(ReportInput.Commentary.NONE);
    }

    List<Path> render(String runId, Quarter quarter, Path outDir) {
        long start = System.nanoTime();
        ReportInput input = input(runId, quarter);
        log.debug("report input read in {} ms", (System.nanoTime() - start) / 1_000_000);
        List<String> incomplete = Disclosure.incomplete(input);
        if (!incomplete.isEmpty() && !settings.publishIncomplete()) {
            List<String> why = received.all().stream()
                    .filter(f -> f.is(ReceivedFiles.REFUSED))
                    .map(f -> f.sourceName() + ": " + f.message())
                    .toList();
            String refused = why.isEmpty() ? "" : ". Files refused, so not received: " + String.join("; ", why);
            throw new IncompleteReport(
                    "the " + quarter + " report would not be complete: " + String.join("; ", incomplete) + refused
                            + ". Nothing was published. Send the missing data and run again, or pass --publish-incomplete to publish it marked "
                            + "incomplete on every page");
        }
        // progress through the longest stage: each step takes tens of seconds on a county's data
        log.info("  render: writing both editions (PDF, workbook, HTML, open data)");
        List<Path> written = new ArrayList<>(new ReportRenderer().render(input, outDir));
        log.info(
                "  render: editions written by {} s; the intruder's audit of the commissioners' edition",
                seconds(start));
        written.add(audit(quarter, outDir));
        log.info("  render: audit done by {} s; the results and the analysis extract", seconds(start));
        written.add(ResultsCsv.write(input.results(), quarter, outDir));
        written.addAll(AnalysisExtract.write(jdbc, quarter, outDir, model, input.coverage()));
        log.debug("results and analysis extract written by {} ms", (System.nanoTime() - start) / 1_000_000);
        return written;
    }

    private static String seconds(long since) {
        return String.format("%.1f", (System.nanoTime() - since) / 1e9);
    }

    /**
     * The intruder's audit of the commissioners' workbook, as a reader would attempt it. Its
     * statement goes beside the report; when it fails, the commissioners' edition is moved to
     * {@code withheld/} with the statement, and the run ends with {@link ExitCodes#DISCLOSURE}.
     */
    private static Path audit(Quarter quarter, Path outDir) {
        String base = "tyss-report-" + quarter.slug();
        IntruderAudit.Result result = IntruderAudit.of(
                outDir.resolve(base + ".xlsx"),
                outDir.resolve(base + ".pdf"),
                outDir.resolve(base + ".html"),
                SmallNumberSuppression.THRESHOLD);
        List<String> lines = new ArrayList<>();
        lines.add("Intruder's audit of the commissioners' edition, " + quarter);
        lines.add(result.suppressedFigures() + " figures withheld, in " + result.groups()
                + " groups linked by arithmetic.");
        lines.addAll(result.findings());
        lines.add(
                result.passed()
                        ? "Passed: no withheld count can be narrowed to fewer than "
                                + (SmallNumberSuppression.THRESHOLD + 1)
                                + " whole values, and no unpublished count to within 1 to "
                                + SmallNumberSuppression.THRESHOLD + "."
                        : "Failed: " + result.findings().size() + " withheld figures can be worked out too closely.");
        try {
            Path statement = outDir.resolve("disclosure-audit.txt");
            Files.write(statement, lines, StandardCharsets.UTF_8);
            if (result.passed()) {
                // copies withheld by an earlier attempt at this quarter are stale now
                for (String name : List.of(base + ".pdf", base + ".xlsx", base + ".html", "disclosure-audit.txt")) {
                    Files.deleteIfExists(outDir.resolve("withheld").resolve(name));
                }
                deleteFolder(outDir.resolve("withheld").resolve(OPEN_DATA));
                deleteFolder(outDir.resolve("withheld").resolve(PARTNERS));
                Files.deleteIfExists(outDir.resolve("withheld"));
                return statement;
            }
            Path withheld = Files.createDirectories(outDir.resolve("withheld"));
            for (String name : List.of(base + ".pdf", base + ".xlsx", base + ".html", "disclosure-audit.txt")) {
                Files.move(outDir.resolve(name), withheld.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
            // the open data is laid out from the same suppressed model: withheld with it
            deleteFolder(withheld.resolve(OPEN_DATA));
            if (Files.isDirectory(outDir.resolve(OPEN_DATA))) {
                Files.move(outDir.resolve(OPEN_DATA), withheld.resolve(OPEN_DATA));
            }
            // so are the partners' summaries
            deleteFolder(withheld.resolve(PARTNERS));
            if (Files.isDirectory(outDir.resolve(PARTNERS))) {
                Files.move(outDir.resolve(PARTNERS), withheld.resolve(PARTNERS));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new DisclosureAuditFailed(result.findings().size()
                + " withheld figures could be worked out from the commissioners' edition; " + "it was moved to "
                + outDir.resolve("withheld") + " with the audit's statement, and not published");
    }

    private static void deleteFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (var files = Files.list(folder)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(folder);
    }

    private ReportInput input(String runId, Quarter quarter) {
        List<MeasureResult> results = ResultRows.ofRun(jdbc, runId);
        results = Rates.withRates(results, population1017());
        var provenance = jdbc.sql(
                        "SELECT software_version, key_fingerprint, config_hash FROM run_record WHERE run_id = ?")
                .param(runId)
                .query((rs, n) -> {
                    String fingerprint = keyFingerprint(rs.getString(2));
                    // a report run has no key of its own: the stored data says whether it was pseudonymised with the
                    // demo key
                    boolean demo = settings.key() != null
                            ? settings.key().isDemo()
                            : fingerprint.contains(PseudonymKey.demo().fingerprint());
                    return new ReportInput.Provenance(
                            runId,
                            rs.getString(1),
                            fingerprint,
                            demo,
                            rs.getString(3),
                            settings.baseline().orElse(null));
                })
                .single();
        List<ReceivedFiles.Entry> all = received.all();
        List<ReportInput.ReceivedFile> files = all.stream()
                .filter(f -> !f.is(ReceivedFiles.SUPERSEDED))
                .map(f -> new ReportInput.ReceivedFile(
                        f.sourceName(),
                        f.dataset(),
                        f.sha256(),
                        f.status(),
                        f.rowsRead(),
                        f.rowsLoaded(),
                        f.rowsRejected()))
                .toList();
        List<MatchReport.Line> linkage = matches.stored();
        return new ReportInput(
                quarter,
                model,
                results,
                provenance,
                files,
                linkage,
                RejectsReport.lines(jdbc, null),
                Coverage.read(jdbc, catalog, all),
                targets(),
                settings.publishIncomplete(),
                settings.mappingFile()
                        .map(f -> LocalMapping.load(f, catalog).publication())
                        .orElse(LocalMapping.Publication.UNNAMED),
                commentary(),
                new PartnerQualityQueries(jdbc, catalog, all).read());
    }

    /** The authority's 10-17 population by mid-year estimate ({@code reference/population}), where received. */
    private Map<Integer, Long> population1017() {
        Map<Integer, Long> byYear = new TreeMap<>();
        catalog.find("reference/population")
                .ifPresent(spec -> jdbc.sql("SELECT pop_year, SUM(people) FROM " + spec.table()
                                + " WHERE age BETWEEN 10 AND 17 GROUP BY pop_year ORDER BY pop_year")
                        .query((rs, n) -> byYear.put(rs.getInt(1), rs.getLong(2)))
                        .list());
        return byYear;
    }

    /** The performance team's targets by measure and financial year ({@code reference/targets}), where received. */
    private Targets targets() {
        Map<String, Map<String, Double>> byYear = new TreeMap<>();
        catalog.find("reference/targets")
                .ifPresent(spec -> jdbc.sql("SELECT measure_id, period, target FROM " + spec.table()
                                + " ORDER BY measure_id, period")
                        .query((rs, n) -> byYear.computeIfAbsent(
                                        rs.getString(1).strip().toUpperCase(Locale.ROOT), k -> new TreeMap<>())
                                .put(rs.getString(2).strip(), rs.getDouble(3)))
                        .list());
        return new Targets(byYear);
    }

    /** A report run has no key of its own: it names the key(s) the stored data was pseudonymised with. */
    private String keyFingerprint(String own) {
        if (own != null) {
            return own;
        }
        return String.join(
                ", ",
                jdbc.sql("SELECT DISTINCT key_fingerprint FROM run_record WHERE key_fingerprint IS NOT NULL ORDER BY 1")
                        .query(String.class)
                        .list());
    }
}
