package tyss.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;

import tyss.measure.LogicModel;
import tyss.measure.LogicModel.MeasureDefinition;
import tyss.measure.MeasureResult;

/** The quarterly report as a PDF, from the templates in {@code report-templates/}. */
final class PdfReport {

    private PdfReport() {
    }

    static Path write(ReportInput input, Edition edition, Set<MeasureResult> hidden, Path file) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("Quarter", input.quarter().toString());
        parameters.put("Edition", edition.title);
        parameters.put("Banner", edition.banner);
        parameters.put("RunId", input.provenance().runId());
        parameters.put("DataTo", Headline.day(input.quarter().end()));
        parameters.put("DemoNotice", input.provenance().demoKey()
                ? "Synthetic demonstration data, pseudonymised with the public demo key: not for decisions." : null);
        parameters.put("SuppressionNote", edition == Edition.COMMISSIONERS
                ? "c = suppressed: a count of 1 to 5, a figure from which one could be worked out, or a rate resting on one. "
                        + "0 is a true zero; \u2013 means no data."
                : "Unsuppressed figures: small counts are shown. Do not circulate. \u2013 means no data.");
        parameters.put("Provenance", provenance(input));
        parameters.put("CatalogueReport", Templates.get("catalogue.jrxml"));
        parameters.put("QualityReport", Templates.get("data-quality.jrxml"));
        parameters.put("SectionReport", Templates.get("statement-section.jrxml"));
        parameters.put("TableReport", Templates.get("figure-table.jrxml"));
        parameters.put("MissingData", missing(input));
        parameters.put("CohortNote", cohortNote(input, hidden));
        parameters.put("InputHashes", "SHA-256 of each input file\n" + input.files().stream()
                .map(f -> (f.sha256() == null ? "(none)" : f.sha256()) + "  " + f.file()).collect(Collectors.joining("\n")));
        try {
            JasperPrint print = fill(input, hidden, parameters, Map.of());
            print = fill(input, hidden, parameters, Contents.pages(print));
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            JRPdfExporter exporter = new JRPdfExporter();
            exporter.setExporterInput(new SimpleExporterInput(print));
            exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(pdf));
            SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
            configuration.setMetadataTitle("TYSS quarterly outcomes report " + input.quarter() + " (" + edition.title + ")");
            configuration.setMetadataAuthor("TYSS performance team");
            configuration.setMetadataCreator("tyss-reports " + input.provenance().softwareVersion());
            exporter.setConfiguration(configuration);
            exporter.exportReport();
            Files.createDirectories(file.getParent());
            Files.write(file, StableBytes.pdf(pdf.toByteArray(), input.quarter().end(), input.provenance().runId() + edition));
            return file;
        } catch (JRException e) {
            throw new IllegalStateException("the PDF report could not be produced: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One fill of the report. The contents page needs the page each part starts on, which is known
     * only after a fill, so the report is filled twice: the second time with the first's page numbers.
     */
    private static JasperPrint fill(ReportInput input, Set<MeasureResult> hidden, Map<String, Object> fixed, Map<String, Integer> pages)
            throws JRException {
        Map<String, Object> parameters = new HashMap<>(fixed);
        parameters.put("Contents", Contents.text(input.model(), pages));
        // data sources are read once, so each fill gets its own
        parameters.put("CatalogueData", new JRMapCollectionDataSource(catalogue(input.model())));
        parameters.put("QualityData", new JRMapCollectionDataSource(quality(input)));
        parameters.put("LinkageData", new JRMapCollectionDataSource(linkage(input)));
        parameters.put("SectionData", new JRMapCollectionDataSource(StatementSection.rows(input, hidden)));
        return JasperFillManager.fillReport(Templates.get("quarterly-report.jrxml"), parameters,
                new JRMapCollectionDataSource(headlines(input, hidden)));
    }

    /**
     * The cohort's size this quarter and a year ago (S01), under the dashboard: counts for the
     * cohort grow as it grows, which a reader must know before judging them. Null when S01 has none.
     */
    static String cohortNote(ReportInput input, Set<MeasureResult> hidden) {
        var now = Headline.find(input.results(), "S01", "cohort_size", tyss.measure.Period.of(input.quarter()).label());
        if (now.isEmpty()) {
            return null;
        }
        var yearAgo = Headline.find(input.results(), "S01", "cohort_size", tyss.measure.Period.of(input.quarter().sameQuarterLastYear()).label());
        return "The TYSS cohort, the young people referred by the end of the quarter, is " + Headline.show(now.get(), hidden)
                + yearAgo.map(r -> ", against " + Headline.show(r, hidden) + " a year ago").orElse("")
                + ". Counts for the cohort grow as it grows, so read them against its size; the before-and-after table in each "
                + "section follows the same young people across their allocation.";
    }

    /** The dashboard rows: each statement's key measures, as its {@code dashboard} in the logic model names them (all when it names none). */
    private static List<Map<String, ?>> headlines(ReportInput input, Set<MeasureResult> hidden) {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (LogicModel.Statement s : input.model().statements()) {
            String statement = s.number() + ". " + s.title();
            List<MeasureDefinition> key = s.dashboard().isEmpty() ? input.model().measuresOf(s.number())
                    : s.dashboard().stream().map(input.model()::measure).toList();
            for (MeasureDefinition d : key) {
                Headline h = Headline.of(statement, d, input.results(), input.quarter(), hidden);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("statement", h.statement());
                row.put("measureId", h.measureId());
                row.put("measureName", h.measureName());
                row.put("figure", h.figure());
                row.put("current", h.current());
                row.put("previous", h.previous());
                row.put("lastYear", h.lastYear());
                row.put("direction", h.direction());
                row.put("rag", h.rag());
                row.put("trendData", trend(input, d, hidden));
                rows.add(row);
            }
        }
        return rows;
    }

    /** The headline's eight quarters for the sparkline; a suppressed or missing quarter is a gap. Null when there is nothing to draw. */
    static JRMapCollectionDataSource trend(ReportInput input, MeasureDefinition d, Set<MeasureResult> hidden) {
        List<Map<String, ?>> points = new ArrayList<>();
        int shown = 0;
        tyss.measure.Quarter q = input.quarter();
        for (int i = 0; i < 7; i++) {
            q = q.previous();
        }
        String figure = d.headlineFigure();
        for (; q.compareTo(input.quarter()) <= 0; q = q.next()) {
            var r = Headline.find(input.results(), d.id(), figure, tyss.measure.Period.of(q).label());
            Double value = r.filter(x -> !hidden.contains(x) && x.value() != null).map(x -> x.value().doubleValue()).orElse(null);
            shown += value == null ? 0 : 1;
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("quarter", q.toString());
            point.put("value", value);
            points.add(point);
        }
        return shown < 2 ? null : new JRMapCollectionDataSource(points);
    }

    private static List<Map<String, ?>> catalogue(LogicModel model) {
        return model.measures().values().stream().<Map<String, ?>>map(d -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", d.id());
            row.put("name", d.name());
            row.put("kindAndStatements", (d.isSystem() ? "system measure" : "service-level measure") + ", impact statement"
                    + (d.statements().size() > 1 ? "s " : " ") + d.statements().stream().map(String::valueOf).collect(Collectors.joining(", ")));
            row.put("definition", text(d.definition(), "Definition to be confirmed.") + " Headline figures: " + d.figures() + "."
                    + (d.nationalDefinition() == null ? "" : " National definition: " + d.nationalDefinition())
                    + (d.caveats() == null ? "" : " Caveats: " + d.caveats()) + " (definition version " + d.version() + ")");
            row.put("sources", String.join(", ", d.sources()));
            return row;
        }).toList();
    }

    private static List<Map<String, ?>> quality(ReportInput input) {
        return input.files().stream().<Map<String, ?>>map(f -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("file", f.file());
            row.put("dataset", f.dataset() == null ? "(not a dataset)" : f.dataset());
            row.put("status", f.status());
            row.put("read", f.read());
            row.put("loaded", f.loaded());
            row.put("rejected", f.rejected());
            return row;
        }).toList();
    }

    /** This quarter's records of each dataset: how many were linked to a young person in the cohort, outside it, or not at all. */
    private static List<Map<String, ?>> linkage(ReportInput input) {
        Map<String, int[]> byDataset = new java.util.TreeMap<>();
        for (var line : input.linkage()) {
            if (line.quarter().equals(input.quarter().toString())) {
                int[] c = byDataset.computeIfAbsent(line.dataset(), k -> new int[3]);
                c[0] += line.inCohort();
                c[1] += line.outsideCohort();
                c[2] += line.unlinked();
            }
        }
        List<Map<String, ?>> rows = new ArrayList<>();
        rows.add(Map.of("head", true, "label", "Dataset", "v1", "Records", "v2", "In the cohort", "v3", "Outside it", "v4", "Unlinked",
                "v5", "% linked"));
        byDataset.forEach((dataset, c) -> {
            int total = c[0] + c[1] + c[2];
            rows.add(Map.of("head", false, "label", dataset, "v1", String.format("%,d", total), "v2", String.format("%,d", c[0]),
                    "v3", String.format("%,d", c[1]), "v4", String.format("%,d", c[2]),
                    "v5", total == 0 ? Headline.NO_DATA : String.format("%.1f%%", 100.0 * (c[0] + c[1]) / total)));
        });
        if (rows.size() == 1) {
            rows.add(Map.of("head", false, "label", "No records with a date in this quarter", "v1", "", "v2", "", "v3", "", "v4", "", "v5", ""));
        }
        return rows;
    }

    /** Datasets the measures draw on of which no file has been loaded, so the measures that need them have no figures. */
    private static String missing(ReportInput input) {
        Set<String> received = input.files().stream().filter(f -> f.dataset() != null && f.loaded() > 0)
                .map(ReportInput.ReceivedFile::dataset).collect(Collectors.toSet());
        Map<String, List<String>> missing = new java.util.TreeMap<>();
        for (MeasureDefinition d : input.model().measures().values()) {
            for (String source : d.sources()) {
                if (source.contains("/") && !received.contains(source)) {
                    missing.computeIfAbsent(source, k -> new ArrayList<>()).add(d.id());
                }
            }
        }
        if (missing.isEmpty()) {
            return "None: every dataset the measures draw on has been received and loaded.";
        }
        return missing.entrySet().stream().map(e -> e.getKey() + " (needed by " + String.join(", ", e.getValue()) + ")")
                .collect(Collectors.joining("; ", "", ". Measures that need them show \u2013 (no data) until they arrive."));
    }

    private static String provenance(ReportInput input) {
        ReportInput.Provenance p = input.provenance();
        return "Run " + p.runId() + "; software tyss-reports " + p.softwareVersion() + "; logic model version " + input.model().version()
                + "; pseudonymisation key fingerprint " + p.keyFingerprint() + (p.demoKey() ? " (public demo key)" : "")
                + "; configuration " + p.configHash().substring(0, 16) + (p.baseline() == null ? "" : "; baseline " + p.baseline())
                + ". Each measure's definition version is in Annex A. The run manifest beside this report also lists every input file "
                + "with its row counts, and every output with its SHA-256. " + input.files().size() + " files received:";
    }

    private static String text(String value, String fallback) {
        return value == null || value.isBlank() || value.equals("TODO") ? fallback : value;
    }
}
