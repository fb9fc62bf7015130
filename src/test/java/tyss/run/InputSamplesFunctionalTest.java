package tyss.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.opencsv.CSVParserBuilder;
import com.opencsv.CSVReaderHeaderAware;
import com.opencsv.CSVReaderHeaderAwareBuilder;
import com.opencsv.exceptions.CsvValidationException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import tyss.disclose.IntruderAudit;
import tyss.protect.LeakScan;
import tyss.report.EesRules;

/** README command 1: the quarterly run on the committed samples, with the demo key. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InputSamplesFunctionalTest {

    private static final Set<String> IDENTIFYING = Set.of(
            "tyss_id",
            "la_child_id",
            "upn",
            "nhs_number",
            "yot_id",
            "police_person_id",
            "first_name",
            "last_name",
            "CHILD",
            "Person ID");
    private Path dir;
    private TestRuns.Outcome run;

    @BeforeAll
    void runTheSamples(@TempDir Path tempDir) {
        dir = tempDir;
        run = TestRuns.cli(
                null,
                "run",
                "--quarter",
                "2026-27 Q2",
                "--inbox",
                "input-samples",
                "--mapping",
                "jobs/mappings/sample-county.yml",
                "--demo",
                "--data-dir",
                dir.resolve("data").toString(),
                "--out",
                dir.resolve("out").toString());
    }

    @Test
    void finishes_and_leaves_the_reports_the_workbooks_and_the_manifest() {
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(dir.resolve("out/2026-27-Q2"))
                .isDirectoryContaining(p -> p.getFileName().toString().equals("tyss-report-2026-27-Q2.pdf"))
                .isDirectoryContaining(p -> p.getFileName().toString().equals("tyss-report-2026-27-Q2.xlsx"))
                .isDirectoryContaining(p -> p.getFileName().toString().equals("manifest.json"));
    }

    @Test
    void the_open_data_files_of_the_samples_pass_the_explore_education_statistics_rules_and_are_in_the_manifest()
            throws IOException {
        Path openData = dir.resolve("out/2026-27-Q2/open-data");
        List<Path> data;
        try (var files = Files.list(openData)) {
            data = files.filter(p -> !p.toString().endsWith(".meta.csv"))
                    .sorted()
                    .toList();
        }
        assertThat(data).hasSize(3);
        String manifest = Files.readString(dir.resolve("out/2026-27-Q2/manifest.json"));
        for (Path file : data) {
            Path meta = file.resolveSibling(file.getFileName().toString().replace(".csv", ".meta.csv"));
            assertThat(EesRules.problems(file, meta))
                    .as(file.getFileName().toString())
                    .isEmpty();
            assertThat(manifest).contains("open-data/" + file.getFileName(), "open-data/" + meta.getFileName());
        }
    }

    @Test
    void the_intruders_audit_of_the_commissioners_workbook_pins_no_withheld_count() throws IOException {
        Path out = dir.resolve("out/2026-27-Q2");
        IntruderAudit.Result audit = IntruderAudit.of(out.resolve("tyss-report-2026-27-Q2.xlsx"), 5);
        assertThat(audit.findings()).isEmpty();
        assertThat(audit.suppressedFigures()).isGreaterThan(1000);
        assertThat(Files.readString(out.resolve("disclosure-audit.txt"))).contains("Passed");
        assertThat(Files.readString(out.resolve("manifest.json"))).contains("disclosure-audit.txt");
    }

    @Test
    void with_an_evaluators_baseline_the_audit_pins_no_withheld_count_either() throws IOException {
        Path out = dir.resolve("with-baseline");
        TestRuns.Outcome report = TestRuns.cli(
                null,
                "report",
                "--quarter",
                "2026-27 Q2",
                "--baseline",
                "2024-25",
                "--data-dir",
                dir.resolve("data").toString(),
                "--out",
                out.toString());
        assertThat(report.exitCode()).as(report.err()).isZero();
        Path workbook = out.resolve("2026-27-Q2/tyss-report-2026-27-Q2.xlsx");
        assertThat(IntruderAudit.of(workbook, 5).findings()).isEmpty();
        try (var wb = new XSSFWorkbook(Files.newInputStream(workbook))) {
            assertThat(StreamSupport.stream(wb.getSheet("Data").spliterator(), false)
                            .anyMatch(r -> r.getCell(0) != null
                                    && r.getCell(0).toString().equals("Y08")))
                    .as("Y08 baseline statistics published")
                    .isTrue();
        }
    }

    @Test
    void a_quarter_no_received_data_reaches_is_refused_and_with_the_option_shows_not_received_never_0()
            throws IOException {
        // The samples end on 30 September 2026: nothing reaches 2030-31 Q1.
        Path out = dir.resolve("future");
        TestRuns.Outcome refused = TestRuns.cli(
                null,
                "report",
                "--quarter",
                "2030-31 Q1",
                "--data-dir",
                dir.resolve("data").toString(),
                "--out",
                out.toString());
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(refused.err())
                .contains("no data received reaches 2030-31 Q1", "--publish-incomplete")
                .doesNotContain("Exception");
        assertThat(out.resolve("2030-31-Q1/tyss-report-2030-31-Q1.pdf")).doesNotExist();
        TestRuns.Outcome published = TestRuns.cli(
                null,
                "report",
                "--quarter",
                "2030-31 Q1",
                "--publish-incomplete",
                "--data-dir",
                dir.resolve("data").toString(),
                "--out",
                out.toString());
        assertThat(published.exitCode()).as(published.err()).isZero();
        try (var pdf = Loader.loadPDF(
                out.resolve("2030-31-Q1/tyss-report-2030-31-Q1.pdf").toFile())) {
            var stripper = new PDFTextStripper();
            for (int p = 1; p <= pdf.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                assertThat(stripper.getText(pdf)).as("page " + p).contains("INCOMPLETE");
            }
            // the dashboard, after the cover with its key messages (which run on to a second page here): S01
            // referrals are not received, not 0
            String dashboard = "";
            for (int p = 2; p <= pdf.getNumberOfPages() && !dashboard.contains("On a year"); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                dashboard = stripper.getText(pdf);
            }
            assertThat(dashboard)
                    .containsPattern("referrals\\s+not\\s+received")
                    .doesNotContainPattern("referrals\\s+0\\s");
        }
        // the HTML edition carries the same banner at its top, and its dashboard the same not received
        String html = Files.readString(out.resolve("2030-31-Q1/tyss-report-2030-31-Q1.html"));
        assertThat(html.substring(0, html.indexOf("<h1>"))).contains("<p class=\"banner\">INCOMPLETE");
        assertThat(html)
                .contains("referrals</td><td class=\"n\">not received</td>")
                .doesNotContain("referrals</td><td class=\"n\">0</td>");
    }

    @Test
    void a_refused_partner_file_shows_as_not_received_and_is_named() throws IOException {
        // Without the sample county's mapping the screenings export (its own column names) is
        // refused: Y01, which rests on it alone, shows not received for the quarter, and Annex B names the file.
        Path other = dir.resolve("no-mapping");
        TestRuns.Outcome run = TestRuns.cli(
                null,
                "run",
                "--quarter",
                "2026-27 Q2",
                "--inbox",
                "input-samples",
                "--demo",
                "--data-dir",
                other.resolve("data").toString(),
                "--out",
                other.resolve("out").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String text;
        try (var pdf = Loader.loadPDF(
                other.resolve("out/2026-27-Q2/tyss-report-2026-27-Q2.pdf").toFile())) {
            text = new PDFTextStripper().getText(pdf);
        }
        // a long file name may break at its hyphen
        assertThat(text.replace("-\n", "-"))
                .contains("social-care/exploitation-screenings (needed by Y01)", "eclipse-screenings_2026-27-Q2.csv")
                .containsPattern("Whole authority[^\\n]*\\n\\s*screenings\\s+not\\s+received");
    }

    @Test
    void the_rejects_report_lists_the_planted_bad_rows_and_only_those() throws IOException {
        Set<String> planted = new TreeSet<>();
        for (Map<String, String> row : rows(Path.of("input-samples/EXPECTED-REJECTS.csv"))) {
            planted.add(row.get("file") + ":" + row.get("row") + ":" + row.get("column"));
        }
        Set<String> rejected = new TreeSet<>();
        for (Map<String, String> row : rows(dir.resolve("out/2026-27-Q2/rejects.csv"))) {
            rejected.add(row.get("file") + ":" + row.get("row") + ":" + row.get("column"));
        }
        // 7 bad rows planted one by one, and 12 in the export degraded on purpose (health/cypmh's blank exploitation
        // factor)
        assertThat(rejected).isEqualTo(planted).hasSize(26);
    }

    /**
     * The scorecard read back with POI from the commissioners' workbook: one named table, GSS
     * shorthand, shares stored as fractions; health/cypmh, the dataset the samples degrade on
     * purpose (late, most rows without the NHS number, a required column blank in a quarter of them),
     * is the one red in 2026-27 Q2, on all four dimensions.
     */
    @Test
    void the_scorecard_shows_the_dataset_the_samples_degrade_on_purpose_red_on_every_dimension_and_no_other()
            throws IOException {
        Path workbook = dir.resolve("out/2026-27-Q2/tyss-report-2026-27-Q2.xlsx");
        try (var wb = new XSSFWorkbook(Files.newInputStream(workbook))) {
            var sheet = wb.getSheet("Partner data quality");
            assertThat(sheet.getTables()).hasSize(1);
            assertThat(sheet.getTables().get(0).getName()).isEqualTo("Table_partner_data_quality");
            int header = sheet.getTables().get(0).getStartCellReference().getRow();
            Map<String, Integer> column = new HashMap<>();
            sheet.getRow(header).forEach(c -> column.put(c.getStringCellValue(), c.getColumnIndex()));
            List<String> rags = List.of("timeliness", "completeness", "validity", "linkability");
            Set<String> redThisQuarter = new TreeSet<>();
            Set<String> shorthand = new TreeSet<>();
            Row cypmh = null;
            for (int r = header + 1; r <= sheet.getLastRowNum(); r++) {
                var row = sheet.getRow(r);
                for (var c : row) {
                    if (c.getCellType() == CellType.STRING
                            && c.getStringCellValue().matches("\\[[cxz]\\]")) {
                        shorthand.add(c.getStringCellValue());
                    }
                }
                if (!row.getCell(column.get("quarter")).getStringCellValue().equals("2026-27 Q2")) {
                    continue;
                }
                String dataset = row.getCell(column.get("dataset")).getStringCellValue();
                for (String rag : rags) {
                    if (row.getCell(column.get(rag)).getStringCellValue().equals("\u25CB poor")) {
                        redThisQuarter.add(dataset);
                    }
                }
                if (dataset.equals("health/cypmh")) {
                    cypmh = row;
                }
            }
            assertThat(redThisQuarter).containsExactly("health/cypmh");
            assertThat(cypmh).isNotNull();
            for (String rag : rags) {
                assertThat(cypmh.getCell(column.get(rag)).getStringCellValue())
                        .as(rag)
                        .isEqualTo("\u25CB poor");
            }
            // received on 21 November, 52 days after 30 September (the receipts log), stored as a number
            assertThat(cypmh.getCell(column.get("days after quarter end")).getNumericCellValue())
                    .isEqualTo(52);
            var rejectedShare = cypmh.getCell(column.get("rows rejected %"));
            assertThat(rejectedShare.getNumericCellValue()).isBetween(0.05, 1.0);
            assertThat(rejectedShare.getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(shorthand).contains("[x]");
        }
        // its one-page summary for the partner: self-contained, no figure cell the audit would read, and no pseudonym
        String summary = Files.readString(dir.resolve("out/2026-27-Q2/partners/health-data-quality.html"));
        assertThat(summary)
                .startsWith("<!DOCTYPE html>")
                .contains(
                        "<html lang=\"en-GB\">", "health/cypmh: \u25CB poor in 2026-27 Q2", "received 21 November 2026")
                .doesNotContain("<script", "http://", "https://", "<td class=\"n\">");
        assertThat(summary).doesNotContainPattern("P[0-9a-f]{16}");
        assertThat(Files.readString(dir.resolve("out/2026-27-Q2/manifest.json")))
                .contains("partners/health-data-quality.html");
    }

    @Test
    void every_measure_with_data_has_figures_for_the_latest_quarter() throws IOException {
        List<String> ids = TestRuns.query(
                dir.resolve("data"),
                jdbc -> jdbc.queryForList(
                        "SELECT DISTINCT measure_id FROM measure_result WHERE period_label = '2026-27 Q2' AND result_value > 0 ORDER BY 1",
                        String.class));
        assertThat(ids).contains("S01", "Y02");
    }

    @Test
    void no_identifier_or_name_from_the_inputs_reaches_the_store_the_logs_or_any_output() throws IOException {
        Set<String> identifiers = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("input-samples"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".csv") && !p.endsWith("EXPECTED-REJECTS.csv"))
                    .toList()) {
                for (Map<String, String> row : rows(file)) {
                    row.forEach((column, value) -> {
                        if (IDENTIFYING.contains(column) && value != null && value.length() > 3) {
                            identifiers.add(value);
                        }
                    });
                }
            }
        }
        assertThat(identifiers).hasSizeGreaterThan(5_000);
        assertThat(LeakScan.scanTokens(
                        List.of(dir.resolve("data/db"), dir.resolve("data/logs"), dir.resolve("out")), identifiers))
                .isEmpty();
        assertThat(run.out() + run.err()).doesNotContain("LA300001", "TY10000");
    }

    private static List<Map<String, String>> rows(Path file) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        String text = Files.readString(
                file,
                file.toString().contains("joint-working") && file.toString().contains("inbox")
                        ? Charset.forName("windows-1252")
                        : StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        char separator = text.substring(0, text.indexOf('\n')).contains(";") ? ';' : ',';
        try (Reader reader = new StringReader(text);
                CSVReaderHeaderAware csv = (CSVReaderHeaderAware) new CSVReaderHeaderAwareBuilder(reader)
                        .withCSVParser(
                                new CSVParserBuilder().withSeparator(separator).build())
                        .build()) {
            Map<String, String> row;
            while ((row = csv.readMap()) != null) {
                rows.add(row);
            }
        } catch (CsvValidationException e) {
            throw new IOException(e);
        }
        return rows;
    }
}
