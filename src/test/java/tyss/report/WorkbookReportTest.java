package tyss.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTLineSer;

import tyss.disclose.PartnerQuality;
import tyss.disclose.ReportInput;
import tyss.ingest.LocalMapping;
import tyss.measure.LogicModel;
import tyss.measure.MeasureResult;
import tyss.measure.MeasureResult.Unit;
import tyss.period.Period;
import tyss.period.Quarter;

/**
 * The workbook read back with POI against the Analysis Function's spreadsheet guidance: cover,
 * contents with links, numbered notes, one real table per sheet with nothing blank in it, GSS
 * shorthand, percentages stored as fractions, and charts that read the trends table's cells.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkbookReportTest {

    private static final Quarter Q = Quarter.parse("2026-27 Q2");
    /** The fixture's one file, tyss/referrals.csv, delivering 2026-27 Q2: 10 rows read, 9 loaded, 1 rejected; received 25 days after 30 Sep. */
    private static final PartnerQuality QUALITY = new PartnerQuality(
            List.of(new PartnerQuality.Delivery(
                    1, "tyss/referrals", "2026-27 Q2", LocalDate.of(2026, 10, 25), 10, 9, 1, 0)),
            List.of(new PartnerQuality.Issue(1, "ERROR", "referral_source", "not a referral source", 1)),
            List.of(new PartnerQuality.Filled(1, "referral_date", true, 9, 9, 0)),
            List.of());

    private Path out;

    @BeforeAll
    void render(@TempDir Path dir) {
        out = dir;
        ReportInput base = ReportRendererTest.fixture();
        List<MeasureResult> results = new ArrayList<>(base.results());
        // S02's headline share: 10 of 20 reduced every quarter (50.0%), 1 of 20 (5.0%, withheld) this quarter
        for (Period p : Period.forReport(Q)) {
            int n = p.label().equals(Q.toString()) ? 1 : 10;
            results.add(new MeasureResult(
                    "S02",
                    "pct_reduced",
                    "1",
                    p,
                    "all",
                    "all",
                    BigDecimal.valueOf(n),
                    BigDecimal.valueOf(20),
                    BigDecimal.valueOf(n * 5L).setScale(1),
                    Unit.PERCENT));
        }
        new ReportRenderer()
                .render(
                        new ReportInput(
                                Q,
                                base.model(),
                                results,
                                base.provenance(),
                                base.files(),
                                base.linkage(),
                                base.rejects(),
                                base.coverage(),
                                base.targets(),
                                false,
                                LocalMapping.Publication.UNNAMED,
                                ReportInput.Commentary.NONE,
                                QUALITY),
                        out);
    }

    private XSSFWorkbook open(String name) throws IOException {
        return new XSSFWorkbook(Files.newInputStream(out.resolve(name)));
    }

    @Test
    void a_cover_contents_and_notes_come_first_and_the_contents_link_to_every_sheet() throws IOException {
        try (XSSFWorkbook wb = open("tyss-report-2026-27-Q2.xlsx")) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            assertThat(names)
                    .startsWith("Cover", "Contents", "Notes", "Summary", WorkbookReport.TRENDS)
                    .contains("1 Exploitation", "Data", "Catalogue", "Data quality", "Linkage")
                    .doesNotContain("Rejects");
            String cover = text(wb.getSheet("Cover"));
            assertThat(cover)
                    .contains(
                            "Period covered",
                            "Publisher",
                            "Contact",
                            "What is withheld and why",
                            "[c] confidential",
                            "[x] not available",
                            "[z] not applicable",
                            "Commissioners' edition");
            XSSFSheet contents = wb.getSheet("Contents");
            Set<String> linked = new HashSet<>();
            for (Row row : contents) {
                XSSFCell c = (XSSFCell) row.getCell(0);
                if (c != null && c.getHyperlink() != null) {
                    linked.add(c.getHyperlink().getAddress());
                }
            }
            for (String name : names.subList(2, names.size())) {
                assertThat(linked).as("contents link to " + name).contains("'" + name + "'!A1");
            }
        }
        try (XSSFWorkbook wb = open("tyss-report-2026-27-Q2-internal.xlsx")) {
            assertThat(wb.getSheet("Rejects")).isNotNull();
            assertThat(text(wb.getSheet("Contents"))).contains("Rejects");
        }
    }

    @Test
    void every_sheet_but_the_cover_is_one_named_table_with_its_header_under_the_title_and_no_blank_cell()
            throws IOException {
        for (String file : List.of("tyss-report-2026-27-Q2.xlsx", "tyss-report-2026-27-Q2-internal.xlsx")) {
            try (XSSFWorkbook wb = open(file)) {
                Set<String> tableNames = new HashSet<>();
                for (int i = 1; i < wb.getNumberOfSheets(); i++) {
                    XSSFSheet sheet = wb.getSheetAt(i);
                    String where = file + " " + sheet.getSheetName();
                    assertThat(sheet.getTables()).as(where).hasSize(1);
                    XSSFTable table = sheet.getTables().get(0);
                    assertThat(tableNames.add(table.getName()))
                            .as(where + " table name unique")
                            .isTrue();
                    assertThat(table.getName()).matches("Table_[a-z0-9_]+");
                    assertThat(table.getCTTable().getAutoFilter())
                            .as(where + " filter")
                            .isNotNull();
                    assertThat(table.getCTTable().getHeaderRowCount()).isEqualTo(1);
                    AreaReference area = new AreaReference(table.getCTTable().getRef(), wb.getSpreadsheetVersion());
                    int header = area.getFirstCell().getRow();
                    assertThat(area.getFirstCell().getCol()).isZero();
                    // the title in A1 and one or two lines of text, no blank row between them and the table
                    assertThat(header).as(where).isBetween(2, 3);
                    for (int r = 0; r < header; r++) {
                        assertThat(sheet.getRow(r).getCell(0).getStringCellValue())
                                .as(where + " row " + r)
                                .isNotBlank();
                    }
                    assertThat(sheet.getLastRowNum())
                            .as(where + ": the table is the last thing on the sheet")
                            .isEqualTo(area.getLastCell().getRow());
                    for (int c = 0; c <= area.getLastCell().getCol(); c++) {
                        assertThat(table.getCTTable()
                                        .getTableColumns()
                                        .getTableColumnArray(c)
                                        .getName())
                                .as(where)
                                .isEqualTo(sheet.getRow(header).getCell(c).getStringCellValue());
                    }
                    for (int r = header + 1; r <= area.getLastCell().getRow(); r++) {
                        for (int c = 0; c <= area.getLastCell().getCol(); c++) {
                            var cell = sheet.getRow(r).getCell(c);
                            assertThat(cell)
                                    .as(where + " " + new CellReference(r, c).formatAsString())
                                    .isNotNull();
                            assertThat(new DataFormatter().formatCellValue(cell))
                                    .as(where + " " + new CellReference(r, c).formatAsString())
                                    .isNotBlank();
                        }
                    }
                }
            }
        }
    }

    @Test
    void a_figure_not_shown_is_gss_shorthand_and_every_note_referred_to_is_on_the_notes_sheet() throws IOException {
        try (XSSFWorkbook wb = open("tyss-report-2026-27-Q2.xlsx")) {
            Set<String> texts = new TreeSet<>();
            Set<Integer> referred = new TreeSet<>();
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                XSSFSheet sheet = wb.getSheetAt(i);
                for (Row row : sheet) {
                    for (var cell : row) {
                        if (cell.getCellType() == CellType.STRING) {
                            texts.add(cell.getStringCellValue());
                            if (!sheet.getSheetName().equals("Notes")) {
                                Matcher m = Pattern.compile("\\[note (\\d+)]").matcher(cell.getStringCellValue());
                                while (m.find()) {
                                    referred.add(Integer.parseInt(m.group(1)));
                                }
                            }
                        }
                    }
                }
            }
            assertThat(texts).contains("[c]", "[z]").doesNotContain("c", "\u2013", "z", "not received");
            // S01 referrals this quarter: 3, withheld
            XSSFSheet data = wb.getSheet("Data");
            int header = header(data);
            boolean found = false;
            for (Row row : data) {
                if (row.getRowNum() > header
                        && row.getCell(0).getStringCellValue().equals("S01")
                        && row.getCell(4).getStringCellValue().equals(Q.toString())
                        && row.getCell(7).getStringCellValue().equals("all")) {
                    assertThat(row.getCell(11).getStringCellValue()).isEqualTo("[c]");
                    found = true;
                }
            }
            assertThat(found).isTrue();
            List<String> notes = new ArrayList<>();
            XSSFSheet sheet = wb.getSheet("Notes");
            for (Row row : sheet) {
                if (row.getRowNum() > header(sheet)) {
                    notes.add(row.getCell(0).getStringCellValue());
                }
            }
            assertThat(referred).isNotEmpty();
            for (int n : referred) {
                assertThat(notes).contains("[note " + n + "]");
            }
            assertThat(notes).hasSize(referred.size());
        }
    }

    @Test
    void percentages_are_stored_as_fractions_formatted_as_percentages() throws IOException {
        try (XSSFWorkbook wb = open("tyss-report-2026-27-Q2.xlsx")) {
            XSSFSheet data = wb.getSheet("Data");
            int percentages = 0;
            for (Row row : data) {
                if (row.getRowNum() > header(data)
                        && row.getCell(12).getStringCellValue().equals("percent")
                        && row.getCell(11).getCellType() == CellType.NUMERIC) {
                    assertThat(row.getCell(11).getNumericCellValue()).isEqualTo(0.5);
                    assertThat(row.getCell(11).getCellStyle().getDataFormatString())
                            .isEqualTo("0.0%");
                    assertThat(new DataFormatter().formatCellValue(row.getCell(11)))
                            .isEqualTo("50.0%");
                    percentages++;
                }
            }
            assertThat(percentages).as("the seven earlier quarters at least").isGreaterThanOrEqualTo(7);
        }
    }

    @Test
    void each_dashboard_measure_has_a_named_chart_with_alternative_text_that_reads_the_trends_table()
            throws IOException {
        LogicModel model = LogicModel.load();
        Set<String> dashboard = new LinkedHashSet<>();
        model.statements().forEach(s -> dashboard.addAll(s.dashboard()));
        try (XSSFWorkbook wb = open("tyss-report-2026-27-Q2.xlsx")) {
            XSSFSheet trends = wb.getSheet(WorkbookReport.TRENDS);
            List<XSSFChart> charts = trends.getDrawingPatriarch().getCharts();
            assertThat(charts).hasSize(dashboard.size());
            String xml = trends.getDrawingPatriarch().getCTDrawing().xmlText();
            Set<String> columns = new HashSet<>();
            for (XSSFChart chart : charts) {
                CTLineSer series =
                        chart.getCTChart().getPlotArea().getLineChartArray(0).getSerArray(0);
                String values = series.getVal().getNumRef().getF();
                assertThat(values)
                        .startsWith("'" + WorkbookReport.TRENDS + "'!$")
                        .matches(".*\\$\\d+:\\$[A-Z]+\\$\\d+");
                assertThat(series.getCat().getStrRef().getF()).isEqualTo("'" + WorkbookReport.TRENDS + "'!$A$4:$A$11");
                columns.add(values);
            }
            assertThat(columns).as("one column each").hasSize(dashboard.size());
            for (String id : dashboard) {
                assertThat(xml).contains("name=\"Chart " + id + "\"");
            }
            assertThat(Pattern.compile("descr=\"Line chart of ")
                            .matcher(xml)
                            .results()
                            .count())
                    .isEqualTo(dashboard.size());
            // S02's column: 50.0% stored as 0.5, this quarter withheld
            int header = header(trends);
            int s02 = -1;
            for (var cell : trends.getRow(header)) {
                if (cell.getStringCellValue().startsWith("S02 ")) {
                    s02 = cell.getColumnIndex();
                }
            }
            assertThat(trends.getRow(header + 1).getCell(s02).getNumericCellValue())
                    .isEqualTo(0.5);
            assertThat(trends.getRow(header + 8).getCell(s02).getStringCellValue())
                    .isEqualTo("[c]");
        }
    }

    @Test
    void the_catalogue_gives_a_shares_numerator_and_denominator_from_the_logic_model_and_z_for_a_count()
            throws IOException {
        LogicModel model = LogicModel.load();
        try (XSSFWorkbook wb = open("tyss-report-2026-27-Q2.xlsx")) {
            XSSFSheet catalogue = wb.getSheet("Catalogue");
            int header = header(catalogue);
            int filled = 0;
            for (Row row : catalogue) {
                if (row.getRowNum() <= header) {
                    continue;
                }
                var d = model.measure(row.getCell(0).getStringCellValue());
                String numerator = row.getCell(7).getStringCellValue();
                String denominator = row.getCell(8).getStringCellValue();
                if (d.numerator() != null) {
                    assertThat(numerator).isEqualTo(d.numerator());
                    assertThat(denominator).isEqualTo(d.denominator());
                    filled++;
                } else {
                    assertThat(numerator).isEqualTo("[z]");
                }
            }
            assertThat(filled)
                    .as("the headline shares at least: S02, S04, S07, S10, S12, Y16")
                    .isGreaterThanOrEqualTo(6);
        }
    }

    @Test
    void both_editions_score_each_partner_dataset_by_quarter_in_one_table_with_shorthand_and_fractions()
            throws IOException {
        for (String file : List.of("tyss-report-2026-27-Q2.xlsx", "tyss-report-2026-27-Q2-internal.xlsx")) {
            try (XSSFWorkbook wb = open(file)) {
                XSSFSheet card = wb.getSheet(WorkbookReport.SCORECARD);
                assertThat(card.getTables())
                        .extracting(XSSFTable::getName)
                        .containsExactly("Table_partner_data_quality");
                int header = header(card);
                List<String> names = new ArrayList<>();
                card.getRow(header).forEach(c -> names.add(c.getStringCellValue()));
                assertThat(names)
                        .startsWith("agency", "dataset", "quarter")
                        .contains(
                                "days after quarter end",
                                "timeliness",
                                "completeness",
                                "rows rejected %",
                                "validity",
                                "with a strong identifier %",
                                "joining another agency's records %",
                                "linkability");
                // four rows, 2025-26 Q3 to 2026-27 Q2; no file delivered the first three, so their figures are [x]
                assertThat(card.getLastRowNum()).isEqualTo(header + 4);
                Row q3 = card.getRow(header + 1);
                assertThat(q3.getCell(names.indexOf("quarter")).getStringCellValue())
                        .isEqualTo("2025-26 Q3");
                assertThat(q3.getCell(names.indexOf("days after quarter end")).getStringCellValue())
                        .isEqualTo("[x]");
                Row q2 = card.getRow(header + 4);
                assertThat(q2.getCell(names.indexOf("agency")).getStringCellValue())
                        .isEqualTo("tyss");
                assertThat(q2.getCell(names.indexOf("received on")).getStringCellValue())
                        .isEqualTo("2026-10-25");
                assertThat(q2.getCell(names.indexOf("days after quarter end")).getNumericCellValue())
                        .isEqualTo(25.0);
                assertThat(q2.getCell(names.indexOf("timeliness")).getStringCellValue())
                        .isEqualTo("\u25D0 check");
                // 1 of 10 rejected: stored as the fraction 0.1, shown as 10.0%, red against the 5% amber limit
                var rejected = q2.getCell(names.indexOf("rows rejected %"));
                assertThat(rejected.getNumericCellValue()).isEqualTo(0.1);
                assertThat(rejected.getCellStyle().getDataFormatString()).isEqualTo("0.0%");
                assertThat(q2.getCell(names.indexOf("validity")).getStringCellValue())
                        .isEqualTo("\u25CB poor");
                assertThat(q2.getCell(names.indexOf("rejected and warned by column and reason"))
                                .getStringCellValue())
                        .isEqualTo("rejected, referral_source: not a referral source (1)");
                assertThat(q2.getCell(names.indexOf("least filled share")).getNumericCellValue())
                        .isEqualTo(1.0);
                assertThat(card.getRow(header - 1).getCell(0).getStringCellValue())
                        .contains("[note 8]", "green at 20 days or fewer");
            }
        }
    }

    private static int header(XSSFSheet sheet) {
        return new AreaReference(
                        sheet.getTables().get(0).getCTTable().getRef(),
                        sheet.getWorkbook().getSpreadsheetVersion())
                .getFirstCell()
                .getRow();
    }

    private static String text(XSSFSheet sheet) {
        StringBuilder all = new StringBuilder();
        for (Row row : sheet) {
            for (var cell : row) {
                all.append(new DataFormatter().formatCellValue(cell)).append('\n');
            }
        }
        return all.toString();
    }
}
