package tyss.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import tyss.disclose.Disclosure;
import tyss.disclose.IntruderAudit;
import tyss.disclose.ReportInput;
import tyss.disclose.SmallNumberSuppression;
import tyss.ingest.RejectsReport;
import tyss.measure.Coverage;
import tyss.measure.LogicModel;
import tyss.measure.MeasureResult;
import tyss.measure.MeasureResult.Unit;
import tyss.measure.Targets;
import tyss.period.Period;
import tyss.period.Quarter;

/** Both editions rendered from a fixture of results, some with small counts. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportRendererTest {

    private static final Quarter Q = Quarter.parse("2026-27 Q2");
    private Path out;
    private ReportInput input;

    @BeforeAll
    void render(@TempDir Path dir) {
        out = dir;
        input = fixture();
        new ReportRenderer().render(input, out);
    }

    @Test
    void the_commissioners_pdf_shows_no_count_from_one_to_five_in_its_measure_tables() throws IOException {
        String text = pdfText("tyss-report-2026-27-Q2.pdf");
        assertThat(text)
                .contains(
                        "1. Exploitation",
                        "2. Safety and wellbeing",
                        "3. Life chances",
                        "Annex A. Methodology",
                        "Page 2 of");
        // S01 referrals per quarter: 40 ... 3 (this quarter); Y02 people missing: 4 this quarter. Both must be c.
        // The dashboard runs from after the cover (which ends with the contents) to the first annex.
        int coverEnds = text.indexOf("Annex B. Data quality and provenance");
        String dashboard = text.substring(coverEnds, text.indexOf("Annex A. Methodology", coverEnds));
        Matcher s01 = Pattern.compile("referrals\\s+(c|[0-9,]+)\\s+(c|[0-9,]+|\u2013)\\s+(c|[0-9,]+|\u2013)")
                .matcher(dashboard);
        assertThat(s01.find()).isTrue();
        assertThat(s01.group(1)).isEqualTo("c");
        assertThat(s01.group(2)).isEqualTo("40");
        assertThat(dashboard).doesNotContainPattern("people missing\\s+[1-5]\\s");
    }

    @Test
    void each_statement_has_a_section_with_its_outcomes_and_every_measure_and_the_contents_give_their_pages()
            throws IOException {
        String text = pdfText("tyss-report-2026-27-Q2.pdf");
        assertThat(text)
                .contains(
                        "Impact: Reducing the likelihood of vulnerable adolescents' involvement in exploitation",
                        "Outcomes",
                        "\u2022 Reduced number of missing episodes",
                        "S01  Identification, assessment and allocation numbers",
                        "Also evidenced by S03 (statement 1), S07 (statement 1)");
        // S01 referrals: 3 this quarter (c), 40 last quarter and a year ago; the 12 months span this
        // quarter, so less the quarters shown they would give it: c too.
        assertThat(text).containsPattern("referrals\\s+c\\s+40\\s+40\\s+c");
        try (PDDocument pdf =
                Loader.loadPDF(out.resolve("tyss-report-2026-27-Q2.pdf").toFile())) {
            assertThat(pdf.getDocumentCatalog().getDocumentOutline())
                    .as("bookmarks")
                    .isNotNull();
            // tagged, in English, its title shown by the viewer (PDF/UA's first requirements; WCAG 2.2 AA)
            assertThat(pdf.getDocumentCatalog().getMarkInfo()).isNotNull();
            assertThat(pdf.getDocumentCatalog().getMarkInfo().isMarked())
                    .as("tagged")
                    .isTrue();
            assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
            assertThat(pdf.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
            assertThat(pdf.getDocumentCatalog().getViewerPreferences().displayDocTitle())
                    .isTrue();
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            String cover = stripper.getText(pdf);
            for (String part : List.of(
                    "Annex A. Methodology and glossary",
                    "Annex B. Data quality and provenance",
                    "2. Safety and wellbeing")) {
                Matcher listed = Pattern.compile(Pattern.quote(part) + "[^\\n]*?\\s(\\d+)\\s*$", Pattern.MULTILINE)
                        .matcher(cover);
                assertThat(listed.find()).as(part + " in the contents").isTrue();
                int page = Integer.parseInt(listed.group(1));
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                // a statement starts where the last one ends, so its heading is on the page, not always at its top
                assertThat(stripper.getText(pdf)).as(part + " on page " + page).contains(part);
            }
        }
    }

    @Test
    void the_internal_edition_says_so_on_every_page_and_sheet() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(
                out.resolve("tyss-report-2026-27-Q2-internal.pdf").toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            for (int p = 1; p <= pdf.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                assertThat(stripper.getText(pdf)).as("page " + p).contains("INTERNAL \u2014 NOT FOR CIRCULATION");
            }
        }
        try (XSSFWorkbook wb =
                new XSSFWorkbook(Files.newInputStream(out.resolve("tyss-report-2026-27-Q2-internal.xlsx")))) {
            for (Sheet sheet : wb) {
                // the line under the sheet's title
                assertThat(sheet.getRow(1).getCell(0).getStringCellValue())
                        .as(sheet.getSheetName())
                        .contains("INTERNAL");
            }
        }
        assertThat(pdfText("tyss-report-2026-27-Q2.pdf")).doesNotContain("INTERNAL");
    }

    @Test
    void the_workbook_data_sheet_has_one_row_per_result_and_suppresses_small_counts() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out.resolve("tyss-report-2026-27-Q2.xlsx")))) {
            Sheet data = wb.getSheet("Data");
            int header = 2;
            assertThat(data.getLastRowNum() - header).isEqualTo(input.results().size());
            for (Row row : data) {
                if (row.getRowNum() <= header) {
                    continue;
                }
                Cell value = row.getCell(11);
                String unit = row.getCell(12).getStringCellValue();
                if ((unit.equals("people") || unit.equals("events")) && value.getCellType() == CellType.NUMERIC) {
                    assertThat(value.getNumericCellValue())
                            .as("row " + row.getRowNum())
                            .matches(v -> v == 0 || v > 5);
                }
            }
            assertThat(wb.getSheet(WorkbookReport.TRENDS).getDrawingPatriarch().getCharts())
                    .isNotEmpty();
        }
    }

    @Test
    void no_cell_from_input_data_can_become_a_formula_and_rejected_rows_stay_internal() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out.resolve("tyss-report-2026-27-Q2.xlsx")))) {
            // a rejected row holds what a partner sent: it is for the performance team, not for circulation
            assertThat(wb.getSheet("Rejects")).isNull();
        }
        try (XSSFWorkbook wb =
                new XSSFWorkbook(Files.newInputStream(out.resolve("tyss-report-2026-27-Q2-internal.xlsx")))) {
            List<String> values = new ArrayList<>();
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
                        if (cell.getCellType() == CellType.STRING) {
                            values.add(cell.getStringCellValue());
                        }
                    }
                }
            }
            assertThat(values).contains("'=HYPERLINK(\"http://x\")").doesNotContain("=HYPERLINK(\"http://x\")");
        }
    }

    @Test
    void the_same_input_gives_the_same_bytes(@TempDir Path again) throws IOException {
        new ReportRenderer().render(fixture(), again);
        for (String name : List.of(
                "tyss-report-2026-27-Q2.pdf",
                "tyss-report-2026-27-Q2.xlsx",
                "tyss-report-2026-27-Q2-internal.pdf",
                "tyss-report-2026-27-Q2.html",
                "tyss-report-2026-27-Q2-internal.html")) {
            assertThat(Files.readAllBytes(again.resolve(name)))
                    .as(name)
                    .isEqualTo(Files.readAllBytes(out.resolve(name)));
        }
    }

    @Test
    void the_commissioners_workbook_passes_the_intruders_audit_and_fails_it_without_secondary_suppression(
            @TempDir Path dir) {
        // The two attacks of issue 15 in this quarter's results: Y03 first-time entrants 11 in the
        // authority and 6 in the cohort (5 outside it); S13 YOUTH STAR 20 pairs, 1 improved (5.0%),
        // 19 no change (95.0%), 0 deteriorated. Primary suppression alone withholds only the 1.
        ReportInput base = fixture();
        List<MeasureResult> results = new ArrayList<>(base.results());
        Period now = Period.of(Q);
        results.add(count("Y03", "first_time_entrants", now, "population", "authority", 11));
        results.add(count("Y03", "first_time_entrants", now, "population", "cohort", 6));
        results.add(count("S13", "pairs", now, "tool", "YOUTH_STAR", 20));
        for (var share : List.of(
                List.of("pct_reliable_improvement", 1),
                List.of("pct_no_reliable_change", 19),
                List.of("pct_reliable_deterioration", 0))) {
            int n = (Integer) share.get(1);
            results.add(new MeasureResult(
                    "S13",
                    (String) share.get(0),
                    "1",
                    now,
                    "tool",
                    "YOUTH_STAR",
                    BigDecimal.valueOf(n),
                    BigDecimal.valueOf(20),
                    BigDecimal.valueOf(n * 5L),
                    Unit.PERCENT));
        }
        ReportInput input = new ReportInput(
                Q,
                base.model(),
                results,
                base.provenance(),
                base.files(),
                base.linkage(),
                base.rejects(),
                base.coverage(),
                base.targets(),
                false);
        Path with = dir.resolve("with");
        Path without = dir.resolve("without");
        new ReportRenderer().render(input, with);
        new ReportRenderer(new Disclosure(new SmallNumberSuppression(5, false))).render(input, without);
        assertThat(IntruderAudit.of(with.resolve("tyss-report-2026-27-Q2.xlsx"), 5)
                        .findings())
                .isEmpty();
        assertThat(IntruderAudit.of(without.resolve("tyss-report-2026-27-Q2.xlsx"), 5)
                        .findings())
                .anySatisfy(
                        f -> assertThat(f)
                                .contains(
                                        "Y03 first_time_entrants, 2026-27 Q2, population outside the cohort can be worked out as exactly 5"))
                .anySatisfy(f -> assertThat(f)
                        .contains(
                                "S13 pct_reliable_improvement, 2026-27 Q2, tool YOUTH_STAR (the count behind the share) "
                                        + "can be worked out as exactly 1"));
    }

    @Test
    void the_audit_reads_the_pdf_too_and_catches_a_figure_the_workbook_withholds() {
        // The internal PDF prints S01's 3 referrals this quarter, which the commissioners' workbook withholds.
        Path workbook = out.resolve("tyss-report-2026-27-Q2.xlsx");
        assertThat(IntruderAudit.of(workbook, out.resolve("tyss-report-2026-27-Q2.pdf"), 5)
                        .findings())
                .isEmpty();
        assertThat(IntruderAudit.of(workbook, out.resolve("tyss-report-2026-27-Q2-internal.pdf"), 5)
                        .findings())
                .anySatisfy(f ->
                        assertThat(f).startsWith("the PDF prints 3 on page").contains("referrals"));
    }

    @Test
    void the_audit_reads_the_html_edition_too_and_catches_a_figure_the_workbook_withholds() {
        // every figure cell of the commissioners' HTML is published in its workbook or a symbol; the internal HTML
        // prints S01's 3
        Path workbook = out.resolve("tyss-report-2026-27-Q2.xlsx");
        Path pdf = out.resolve("tyss-report-2026-27-Q2.pdf");
        assertThat(IntruderAudit.of(workbook, pdf, out.resolve("tyss-report-2026-27-Q2.html"), 5)
                        .findings())
                .isEmpty();
        assertThat(IntruderAudit.of(workbook, pdf, out.resolve("tyss-report-2026-27-Q2-internal.html"), 5)
                        .findings())
                .anySatisfy(f -> assertThat(f).startsWith("the HTML edition prints 3 "));
    }

    @Test
    void the_html_edition_is_one_page_with_headings_captioned_tables_and_charts_with_text_alternatives()
            throws IOException {
        String html = Files.readString(out.resolve("tyss-report-2026-27-Q2.html"));
        assertThat(html)
                .startsWith("<!DOCTYPE html>\n<html lang=\"en-GB\">")
                .contains("<title>TYSS quarterly outcomes report 2026-27 Q2")
                .contains("<h1>", "<h2 id=\"statement-1\">1. Exploitation</h2>", "<h3 id=\"measure-S01\">S01 ")
                .doesNotContain("<script", "<link", "src=\"http", "url(", "@import", "INTERNAL");
        // every table has a caption, every header cell a scope, every chart a role and a text alternative
        assertThat(count(html, "<table>")).isPositive().isEqualTo(count(html, "<caption"));
        assertThat(count(html, "<th>")).isZero();
        assertThat(count(html, "<svg "))
                .isPositive()
                .isEqualTo(count(html, "role=\"img\" aria-labelledby="))
                .isEqualTo(count(html, "<desc "));
        // S01 referrals this quarter: 3, withheld, so a gap in its chart, named in the note
        assertThat(html).contains("2026-27 Q2 c (suppressed)").doesNotContain("<td class=\"n\">3</td>");
        assertThat(Files.readString(out.resolve("tyss-report-2026-27-Q2-internal.html")))
                .contains("INTERNAL \u2014 NOT FOR CIRCULATION");
    }

    @Test
    void the_html_edition_escapes_every_text_from_the_data(@TempDir Path dir) throws IOException {
        // a locality named by a partner's lookup as markup: it must reach the page as text, never as an element
        ReportInput base = fixture();
        List<MeasureResult> results = new ArrayList<>(base.results());
        String hostile = "<img src=x onerror=alert(1)> & \"Ward\" 'A'";
        for (Period p : Period.forReport(Q)) {
            results.add(count("S01", "referrals", p, "locality", hostile, 20));
        }
        ReportInput input = new ReportInput(
                Q,
                base.model(),
                results,
                base.provenance(),
                base.files(),
                base.linkage(),
                base.rejects(),
                base.coverage(),
                base.targets(),
                false);
        new ReportRenderer().render(input, dir);
        for (String name : List.of("tyss-report-2026-27-Q2.html", "tyss-report-2026-27-Q2-internal.html")) {
            String html = Files.readString(dir.resolve(name));
            assertThat(html)
                    .as(name)
                    .contains("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Ward&quot; &#39;A&#39;")
                    .doesNotContain("<img");
        }
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    private String pdfText(String name) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(out.resolve(name).toFile())) {
            return new PDFTextStripper().getText(pdf);
        }
    }

    /** S01 referrals 40 in every earlier quarter and 3 this quarter; Y02 people missing 12 then 4; by source with one small cell. */
    static ReportInput fixture() {
        List<MeasureResult> results = new ArrayList<>();
        for (Period p : Period.forReport(Q)) {
            boolean now = p.label().equals(Q.toString());
            results.add(count("S01", "referrals", p, "all", "all", now ? 3 : 40));
            results.add(count("S01", "referrals", p, "source", "police", now ? 2 : 30));
            results.add(count("S01", "referrals", p, "source", "school", now ? 1 : 10));
            results.add(count("Y02", "people_missing", p, "population", "cohort", now ? 4 : 12));
        }
        LogicModel model = LogicModel.load();
        return new ReportInput(
                Q,
                model,
                results,
                new ReportInput.Provenance("0123456789abcdef", "test", "fingerprint", true, "c".repeat(64), null),
                List.of(new ReportInput.ReceivedFile(
                        "tyss/referrals.csv", "tyss/referrals", "ab".repeat(32), "loaded", 10, 9, 1)),
                List.of(),
                List.of(new RejectsReport.Line(
                        "police/crimes.csv", 3, "outcome", "=HYPERLINK(\"http://x\")", "ERROR", "too long", null)),
                everythingReceived(model),
                Targets.none(),
                false);
    }

    /** Every source of every measure received, for every period. */
    static Coverage everythingReceived(LogicModel model) {
        Map<String, Set<YearMonth>> months = new HashMap<>();
        Set<YearMonth> always = new TreeSet<>();
        for (YearMonth m = YearMonth.of(2020, 1); m.getYear() < 2031; m = m.plusMonths(1)) {
            always.add(m);
        }
        model.measures().values().forEach(d -> d.sources().forEach(s -> months.put(s, always)));
        return new Coverage(months, List.of());
    }

    private static MeasureResult count(String id, String figure, Period p, String breakdown, String cell, int n) {
        return new MeasureResult(
                id, figure, "1", p, breakdown, cell, BigDecimal.valueOf(n), null, BigDecimal.valueOf(n), Unit.PEOPLE);
    }
}
