package tyss.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.openxmlformats.schemas.drawingml.x2006.main.CTNonVisualDrawingProps;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTable;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTableColumns;

import tyss.disclose.Cell;
import tyss.disclose.Edition;
import tyss.disclose.Figure;
import tyss.disclose.ReportInput;
import tyss.disclose.ReportModel;
import tyss.disclose.Scorecard;
import tyss.disclose.ScorecardThresholds;
import tyss.ingest.LocalMapping;
import tyss.measure.LogicModel;
import tyss.measure.LogicModel.MeasureDefinition;
import tyss.measure.MeasureResult;
import tyss.measure.Rates;
import tyss.measure.cohort.MatchedComparison;
import tyss.output.SafeText;
import tyss.output.StableBytes;
import tyss.period.Period;
import tyss.period.Quarter;

/**
 * The quarterly workbook, laid out to the Government Analysis Function's guidance on releasing
 * statistics in spreadsheets: a cover, contents and notes, then one table per sheet (a real Excel
 * table, its title in A1 and at most two lines of text above its header row), GSS shorthand for a
 * figure not shown, percentages stored as fractions, and a native chart per dashboard measure
 * that reads the cells of the trends table. Written with SXSSF and inline strings; every text cell
 * from input data goes through {@link SafeText}.
 */
final class WorkbookReport implements ReportFormat {

    /** The GSS shorthand for each reason a figure is not shown (the PDF prints the model's own symbols). */
    static final Map<Cell.Reason, String> SHORTHAND = new EnumMap<>(Map.of(
            Cell.Reason.SUPPRESSED,
            "[c]",
            Cell.Reason.NO_DATA,
            "[x]",
            Cell.Reason.NOT_RECEIVED,
            "[x]",
            Cell.Reason.NOT_APPLICABLE,
            "[z]"));

    static final String TRENDS = "Dashboard trends";
    static final String SCORECARD = "Partner data quality";
    private static final String NOT_AVAILABLE = "[x]";
    private static final String NOT_APPLICABLE = "[z]";

    private ReportModel input;
    private Edition edition;
    private SXSSFWorkbook wb;
    private CellStyle head;
    private CellStyle title;
    private CellStyle banner;
    private CellStyle link;
    /** A shorthand in a column of numbers, aligned with them. */
    private CellStyle placeholder;

    private final Map<MeasureResult.Unit, CellStyle> formats = new EnumMap<>(MeasureResult.Unit.class);
    /** RAG in words and symbol, and in the PDF's colours. */
    private final Map<Headline.Rag, CellStyle> ragStyles = new EnumMap<>(Headline.Rag.class);

    private final List<String[]> contents = new ArrayList<>();

    WorkbookReport() {}

    private WorkbookReport(ReportModel input) {
        this.input = input;
        this.edition = input.edition();
    }

    @Override
    public String extension() {
        return "xlsx";
    }

    @Override
    public void write(ReportModel model, Path file) {
        new WorkbookReport(model).write(file);
    }

    private Path write(Path file) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(500)) {
            wb = workbook;
            styles();
            plan();
            cover();
            contents();
            notes();
            summary();
            trends();
            for (ReportModel.StatementPart s : input.statements()) {
                statement(s);
            }
            data();
            catalogue();
            quality();
            linkage();
            scorecard();
            matchedComparison();
            if (edition == Edition.INTERNAL) {
                rejects();
            }
            var created = input.quarter()
                    .end()
                    .atStartOfDay()
                    .atOffset(ZoneOffset.UTC)
                    .toInstant();
            var properties = wb.getXSSFWorkbook().getProperties().getCoreProperties();
            properties.setCreated(Optional.of(Date.from(created)));
            properties.setCreator("tyss-reports");
            properties.setTitle(heading());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            wb.write(bytes);
            Files.createDirectories(file.getParent());
            Files.write(
                    file, StableBytes.zip(bytes.toByteArray(), input.quarter().end()));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String heading() {
        return "TYSS quarterly outcomes report, " + input.quarter() + " (" + edition.title + ")";
    }

    /** The sheets after the contents, each with what it holds: known before any is written, as the contents come first. */
    private void plan() {
        contents.add(new String[] {"Notes", "Notes referred to in the tables, by number"});
        contents.add(new String[] {
            "Summary",
            "The dashboard: each measure's headline this quarter, last quarter and a year ago, its direction and target"
        });
        contents.add(new String[] {
            TRENDS, "The dashboard measures' headlines over the last eight quarters, with a chart of each"
        });
        for (ReportModel.StatementPart s : input.statements()) {
            contents.add(new String[] {
                statementSheet(s.statement()),
                "Impact statement " + s.statement().number() + ": every figure of its measures, by quarter"
            });
        }
        contents.add(new String[] {"Data", "All results, one row per figure (pivot-ready)"});
        contents.add(
                new String[] {"Catalogue", "The measure catalogue: definitions, numerators, denominators and sources"});
        contents.add(new String[] {"Data quality", "Files received and what became of their rows"});
        contents.add(
                new String[] {"Linkage", "How each dataset's records linked to the young people the TYSS works with"});
        contents.add(new String[] {
            SCORECARD,
            "Each partner dataset's timeliness, completeness, validity and linkability in each of the last "
                    + "four quarters, with a RAG for each"
        });
        contents.add(new String[] {
            MATCHED,
            "The matched comparison's balance: each covariate's standardised mean difference before and after matching, with the young people matched and not"
        });
        if (edition == Edition.INTERNAL) {
            contents.add(new String[] {"Rejects", "Rejected rows, warnings and refused files (internal edition only)"});
        }
    }

    private static String statementSheet(LogicModel.Statement s) {
        return s.number() + " " + s.title();
    }

    private void styles() {
        Font bold = wb.createFont();
        bold.setBold(true);
        head = wb.createCellStyle();
        head.setFont(bold);
        Font big = wb.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
        title = wb.createCellStyle();
        title.setFont(big);
        Font red = wb.createFont();
        red.setBold(true);
        red.setColor(IndexedColors.DARK_RED.getIndex());
        banner = wb.createCellStyle();
        banner.setFont(red);
        Font underlined = wb.createFont();
        underlined.setUnderline(Font.U_SINGLE);
        underlined.setColor(IndexedColors.BLUE.getIndex());
        link = wb.createCellStyle();
        link.setFont(underlined);
        for (Headline.Rag status : Headline.Rag.values()) {
            Font font = wb.createFont();
            font.setBold(true);
            ((XSSFFont) font).setColor(new XSSFColor(HexFormat.of().parseHex(status.colour.substring(1)), null));
            CellStyle style = wb.createCellStyle();
            style.setFont(font);
            ragStyles.put(status, style);
        }
        placeholder = wb.createCellStyle();
        placeholder.setAlignment(HorizontalAlignment.RIGHT);
        // whole counts, percentages to one place (stored as fractions, so a formula gets 0.5, not 50), others to one or
        // two
        var dataFormat = wb.createDataFormat();
        for (MeasureResult.Unit unit : MeasureResult.Unit.values()) {
            CellStyle style = wb.createCellStyle();
            style.setDataFormat(dataFormat.getFormat(
                    switch (unit) {
                        case PEOPLE, EVENTS -> "#,##0";
                        case PERCENT -> "0.0%";
                        case RATE -> "#,##0.0#";
                        default -> "#,##0.0";
                    }));
            formats.put(unit, style);
        }
    }

    /** A sheet's title in A1, then its lines of text (the internal banner first), one a row; returns the next row. */
    private int top(Sheet sheet, String heading, String... lines) {
        int r = 0;
        cell(sheet.createRow(r++), 0, heading).setCellStyle(title);
        if (input.banner() != null) {
            cell(sheet.createRow(r++), 0, input.banner()).setCellStyle(banner);
        }
        for (String line : lines) {
            cell(sheet.createRow(r++), 0, line);
        }
        return r;
    }

    /** The header row of a sheet's one table, directly under its title and text; returns the first data row. */
    private int header(Sheet sheet, int r, String... columns) {
        Row header = sheet.createRow(r);
        for (int c = 0; c < columns.length; c++) {
            cell(header, c, columns[c]).setCellStyle(head);
            sheet.setColumnWidth(c, Math.max(10, Math.min(60, columns[c].length() + 6)) * 256);
        }
        sheet.createFreezePane(0, r + 1);
        // printed landscape, one page wide, with the heading row repeated on every page
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        sheet.setRepeatingRows(new CellRangeAddress(r, r, 0, columns.length - 1));
        return r + 1;
    }

    /**
     * Makes the header row and the rows below it a named Excel table with a filter. A table with
     * no rows gets one saying so, as Excel needs one. Returns the row after the table.
     */
    private int table(Sheet sheet, String name, int headerRow, int next, String... columns) {
        if (next == headerRow + 1) {
            Row none = sheet.createRow(next++);
            cell(none, 0, "none");
            for (int c = 1; c < columns.length; c++) {
                cell(none, c, NOT_APPLICABLE).setCellStyle(placeholder);
            }
        }
        XSSFSheet xs = wb.getXSSFWorkbook().getSheet(sheet.getSheetName());
        AreaReference area = new AreaReference(
                new CellReference(headerRow, 0),
                new CellReference(next - 1, columns.length - 1),
                SpreadsheetVersion.EXCEL2007);
        XSSFTable t = xs.createTable(area);
        CTTable ct = t.getCTTable();
        ct.setName(name);
        ct.setDisplayName(name);
        ct.setHeaderRowCount(1);
        // the streamed rows are not in the sheet POI holds, so the column names are set here rather than read from the
        // header cells
        CTTableColumns cols = ct.getTableColumns();
        for (int c = 0; c < columns.length; c++) {
            cols.getTableColumnArray(c).setName(columns[c]);
        }
        ct.addNewAutoFilter().setRef(area.formatAsString());
        var style = ct.isSetTableStyleInfo() ? ct.getTableStyleInfo() : ct.addNewTableStyleInfo();
        style.setName("TableStyleLight1");
        style.setShowRowStripes(true);
        return next;
    }

    /** Column widths in characters, from the first column; the rest keep the width their heading gave them. */
    private static void widths(Sheet sheet, int... characters) {
        for (int c = 0; c < characters.length; c++) {
            sheet.setColumnWidth(c, characters[c] * 256);
        }
    }

    private void cover() {
        Sheet sheet = wb.createSheet("Cover");
        sheet.setColumnWidth(0, 120 * 256);
        LocalMapping.Publication p = input.publication();
        ReportModel.SuppressionCount s = input.suppression();
        List<String[]> sections = new ArrayList<>();
        sections.add(new String[] {
            "About this workbook",
            "The Targeted Youth Support Service's quarterly outcome measures, by the impact "
                    + "statements of its logic model (version "
                    + input.logicModel().version() + "). The Contents sheet links to every table."
        });
        sections.add(new String[] {"Key messages", String.join("\n", KeyMessages.of(input))});
        sections.add(new String[] {
            "Period covered",
            input.quarter() + ": " + Headline.day(input.quarter().start()) + " to "
                    + Headline.day(input.quarter().end())
                    + " (financial-year quarters, April to March), with the seven quarters before it, the "
                    + "financial year to date and the 12 months to its end."
        });
        sections.add(new String[] {
            "Edition",
            edition.title
                    + (edition == Edition.INTERNAL
                            ? ": unsuppressed figures, for the performance team only. Not for circulation."
                            : ": suppressed for circulation to commissioners and partners.")
        });
        sections.add(new String[] {"Publisher", p.publisher()});
        sections.add(new String[] {
            "Contact", p.contact() == null ? "not configured (the mapping's publication: contact)" : p.contact()
        });
        sections.add(new String[] {
            "What is withheld and why",
            edition == Edition.INTERNAL
                    ? "Nothing is withheld in this edition: it shows every figure, including counts of 1 to 5 that could identify a young person."
                    : "To protect the young people's confidentiality, a count of 1 to 5 (or a percentage or rate resting on one) is withheld, "
                            + "shown [c]: " + s.primary() + " figures. A further " + s.secondary()
                            + " figures are withheld, also shown [c], because "
                            + "with the totals and other cells published they would give a withheld count back. A true zero is shown as 0. See note 1."
        });
        sections.add(new String[] {
            "Shorthand used in this workbook",
            "[c] confidential: withheld to protect confidentiality (see above). "
                    + "[x] not available: the data the figure needs was not received from the partner agency for that period, or no figure "
                    + "was computed for that cell. [z] not applicable: the figure cannot apply, such as the numerator of a count. "
                    + "The PDF report prints c, \u2013 and \"not received\" for the same cells. See notes 1 to 3."
        });
        if (input.banner() != null && edition != Edition.INTERNAL) {
            sections.add(new String[] {"Completeness", input.banner()});
        }
        sections.add(new String[] {
            "Source",
            "Partner agencies' exports and the TYSS case records, run "
                    + input.provenance().runId() + " of tyss-reports "
                    + input.provenance().softwareVersion() + "."
        });
        int r = top(sheet, heading());
        for (String[] section : sections) {
            cell(sheet.createRow(r++), 0, section[0]).setCellStyle(head);
            for (String line : section[1].split("\n")) {
                cell(sheet.createRow(r++), 0, line);
            }
        }
    }

    private void contents() {
        Sheet sheet = wb.createSheet("Contents");
        int r = top(sheet, "Contents", "This worksheet contains one table. Each sheet name links to its sheet.");
        String[] columns = {"Sheet name", "What it holds"};
        int first = r;
        r = header(sheet, r, columns);
        widths(sheet, 30, 110);
        for (String[] entry : contents) {
            Row row = sheet.createRow(r++);
            var name = cell(row, 0, entry[0]);
            Hyperlink to = wb.getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
            to.setAddress("'" + entry[0].replace("'", "''") + "'!A1");
            name.setHyperlink(to);
            name.setCellStyle(link);
            cell(row, 1, entry[1]);
        }
        table(sheet, "Table_contents", first, r, columns);
    }

    /** The notes, numbered; tables refer to them as [note n] in the line above the table. */
    static final List<String> NOTES = List.of(
            "Disclosure control: in the commissioners' edition a count of 1 to 5, and a percentage or rate whose numerator is one, is "
                    + "withheld and shown [c]; so is any further figure from which, with the totals and other cells shown, a withheld "
                    + "count could be worked out to fewer than 6 values. A true zero is shown. The internal edition withholds nothing.",
            "[x]: not available. Either the data the figure needs was not received from the partner agency for that period (the PDF "
                    + "prints \"not received\"; such a figure is never shown as 0), or no figure was computed for the cell (the PDF prints \u2013).",
            "[z]: not applicable, such as the numerator or denominator of a count, or a rate where there is no cohort to divide by.",
            "Percentages are stored as fractions and formatted as percentages, so 0.5 is shown as 50.0%. Rates are per 100 young "
                    + "people in the cohort, or per 10,000 (first-time entrants per 100,000) of the authority's 10 to 17 population, as named.",
            "Quarters are financial-year quarters: Q1 is April to June. The year to date runs from 1 April; the 12 months end with the quarter.",
            "Linkage counts are records, not people; they are suppressed like the other figures, as they share people with them.",
            "A figure marked p is provisional: its source is still being completed by the partner agency and may change next quarter.",
            "Partner data quality, per dataset and quarter. A file delivers the quarter its name gives (_2026-27-Q2, or the last of a "
                    + "span such as _2024-04_2026-06), else that of its latest row. Timeliness: days from the quarter's "
                    + "end to the day its last file was received. Completeness: the share of rows with each required and key optional column "
                    + "filled (of the rows loaded, and for a required column also those rejected because it was blank). Validity: rows "
                    + "rejected and warned, by reason. Linkability, of the quarter's records by their date: the share carrying a strong "
                    + "identifier (an agency's ID, UPN or NHS number, not only a name and date of birth), the share whose young person is in "
                    + "another agency's records too (every record with a key has a person of its own, so linked to a person alone would be "
                    + "100%), and the share in the TYSS cohort. Rows and records are not people; the shares resting on people are withheld "
                    + "like other figures.");

    private void notes() {
        Sheet sheet = wb.createSheet("Notes");
        int r = top(
                sheet,
                "Notes",
                "This worksheet contains one table. Notes are referred to in the tables as [note 1] and so on.");
        String[] columns = {"Note number", "Note text"};
        int first = r;
        r = header(sheet, r, columns);
        widths(sheet, 14, 120);
        for (int i = 0; i < NOTES.size(); i++) {
            Row row = sheet.createRow(r++);
            cell(row, 0, "[note " + (i + 1) + "]");
            cell(row, 1, NOTES.get(i));
        }
        table(sheet, "Table_notes", first, r, columns);
    }

    private void summary() {
        Sheet sheet = wb.createSheet("Summary");
        String[] columns = {
            "Statement",
            "Measure",
            "Name",
            "Figure",
            "This quarter",
            "Last quarter",
            "A year ago",
            "This quarter per 100 in the cohort",
            "A year ago per 100 in the cohort",
            "On a year ago",
            "Against target"
        };
        int first = top(
                sheet,
                heading(),
                "This worksheet contains one table: every measure's headline figure. [note 1] [note 2] [note 3] [note 4] [note 7]");
        int r = header(sheet, first, columns);
        widths(sheet, 22, 9, 60, 28, 12, 12, 12, 14, 14, 18, 14);
        for (ReportModel.StatementPart part : input.statements()) {
            LogicModel.Statement s = part.statement();
            for (ReportModel.MeasurePart m : part.measures()) {
                MeasureDefinition d = m.definition();
                Headline h = Headline.of(s.number() + ". " + s.title(), d, input);
                Row row = sheet.createRow(r++);
                int c = 0;
                for (String text : List.of(
                        h.statement(),
                        h.measureId(),
                        h.measureName(),
                        h.figure().isEmpty() ? "no single headline" : h.figure())) {
                    cell(row, c++, text);
                }
                for (Quarter q : List.of(
                        input.quarter(),
                        input.quarter().previous(),
                        input.quarter().sameQuarterLastYear())) {
                    value(row, c++, input.headline(d.id(), d.headlineFigure(), Period.of(q)));
                }
                // the rate per 100 in the cohort as it stood, for the cohort's counts: what the direction compares
                for (Quarter q : List.of(input.quarter(), input.quarter().sameQuarterLastYear())) {
                    var now = input.headline(d.id(), d.headlineFigure(), Period.of(q));
                    var rate = now.filter(f -> f.breakdown().equals("population"))
                            .flatMap(f -> input.find(
                                    d.id(), f.figure() + Rates.PER_100, f.breakdown(), f.breakdownValue(), f.period()));
                    if (rate.isPresent()) {
                        value(row, c++, rate.get());
                    } else {
                        cell(row, c++, NOT_APPLICABLE).setCellStyle(placeholder);
                    }
                }
                cell(row, c++, h.direction().equals(Headline.NO_DATA) ? NOT_AVAILABLE : h.direction());
                var rag = cell(row, c, h.rag().isEmpty() ? "no target" : h.rag());
                if (h.status() != Headline.Rag.NONE) {
                    rag.setCellStyle(ragStyles.get(h.status()));
                }
            }
        }
        table(sheet, "Table_summary", first, r, columns);
    }

    /** The dashboard's measures, each once, in the order of the statements. */
    private List<MeasureDefinition> dashboard() {
        LinkedHashSet<MeasureDefinition> measures = new LinkedHashSet<>();
        for (LogicModel.Statement s : input.logicModel().statements()) {
            s.dashboard().stream()
                    .map(input.logicModel()::measure)
                    .filter(d -> !d.headlineFigure().isEmpty())
                    .forEach(measures::add);
        }
        return List.copyOf(measures);
    }

    /**
     * One table, a row per quarter and a column per dashboard measure's headline, and a native
     * line chart of each column that reads its cells (so a reader who changes the table changes the chart).
     */
    private void trends() {
        Sheet sheet = wb.createSheet(TRENDS);
        List<MeasureDefinition> measures = dashboard();
        List<Quarter> quarters = new ArrayList<>();
        Quarter q = input.quarter();
        for (int i = 0; i < 7; i++) {
            q = q.previous();
        }
        for (; q.compareTo(input.quarter()) <= 0; q = q.next()) {
            quarters.add(q);
        }
        String[] columns = new String[measures.size() + 1];
        columns[0] = "Quarter";
        for (int i = 0; i < measures.size(); i++) {
            columns[i + 1] =
                    measures.get(i).id() + " " + Headline.label(measures.get(i).headlineFigure());
        }
        int first = top(
                sheet,
                "Dashboard measures over the last eight quarters",
                "This worksheet contains one table and a chart of each of its columns below it. [note 1] [note 2] [note 4] [note 5]");
        int r = header(sheet, first, columns);
        widths(sheet, 12);
        for (Quarter each : quarters) {
            Row row = sheet.createRow(r++);
            cell(row, 0, each.toString());
            for (int i = 0; i < measures.size(); i++) {
                value(
                        row,
                        i + 1,
                        input.headline(measures.get(i).id(), measures.get(i).headlineFigure(), Period.of(each)));
            }
        }
        int end = table(sheet, "Table_dashboard_trends", first, r, columns);
        XSSFSheet xs = wb.getXSSFWorkbook().getSheet(TRENDS);
        XSSFDrawing drawing = xs.createDrawingPatriarch();
        String quotedSheet = "'" + TRENDS + "'!";
        String categories = quotedSheet
                + new AreaReference(
                                new CellReference(first + 1, 0, true, true),
                                new CellReference(first + quarters.size(), 0, true, true),
                                SpreadsheetVersion.EXCEL2007)
                        .formatAsString();
        for (int i = 0; i < measures.size(); i++) {
            MeasureDefinition d = measures.get(i);
            int chartTop = end + 1 + (i / 2) * 18;
            int left = (i % 2) * 8;
            XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, left, chartTop, left + 8, chartTop + 17);
            XSSFChart chart = drawing.createChart(anchor);
            String name = columns[i + 1] + ", last eight quarters";
            chart.setTitleText(name);
            chart.setTitleOverlay(false);
            var x = chart.createCategoryAxis(AxisPosition.BOTTOM);
            var y = chart.createValueAxis(AxisPosition.LEFT);
            boolean percent = input.headline(d.id(), d.headlineFigure(), Period.of(input.quarter()))
                    .map(f -> f.unit() == MeasureResult.Unit.PERCENT)
                    .orElse(false);
            if (percent) {
                y.setNumberFormat("0%");
            }
            String values = quotedSheet
                    + new AreaReference(
                                    new CellReference(first + 1, i + 1, true, true),
                                    new CellReference(first + quarters.size(), i + 1, true, true),
                                    SpreadsheetVersion.EXCEL2007)
                            .formatAsString();
            // the cells are streamed, so POI cannot read them back: the same values go in the chart's cache beside its
            // references
            String[] labels = quarters.stream().map(Quarter::toString).toArray(String[]::new);
            Double[] points = quarters.stream()
                    .map(each -> input.headline(d.id(), d.headlineFigure(), Period.of(each))
                            .map(f -> stored(f))
                            .orElse(null))
                    .toArray(Double[]::new);
            XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, x, y);
            XDDFChartData.Series series = data.addSeries(
                    XDDFDataSourcesFactory.fromArray(labels, categories),
                    XDDFDataSourcesFactory.fromArray(points, values));
            series.setTitle(columns[i + 1], new CellReference(TRENDS, first, i + 1, true, true));
            if (series instanceof XDDFLineChartData.Series line) {
                line.setSmooth(false);
            }
            var stroke = new XDDFLineProperties(new XDDFSolidFillProperties(XDDFColor.from(new byte[] {11, 60, 93})));
            stroke.setWidth(2.25);
            var shape = new XDDFShapeProperties();
            shape.setLineProperties(stroke);
            series.setShapeProperties(shape);
            chart.plot(data);
            CTNonVisualDrawingProps props = chart.getGraphicFrame()
                    .getCTGraphicalObjectFrame()
                    .getNvGraphicFramePr()
                    .getCNvPr();
            props.setId(i + 1L); // POI numbers the first frame 0; drawing ids start at 1
            props.setName("Chart " + d.id());
            props.setDescr("Line chart of " + d.id() + " " + d.name() + ": " + Headline.label(d.headlineFigure())
                    + " in each of the eight quarters "
                    + quarters.get(0) + " to " + input.quarter() + ", read from column "
                    + CellReference.convertNumToColString(i + 1)
                    + " of the table above. A withheld or unavailable quarter is a gap in the line.");
        }
    }

    /** A shown figure's value as the workbook stores it (a percentage as a fraction), else null. */
    private static Double stored(Figure f) {
        BigDecimal n = f.number();
        if (n == null) {
            return null;
        }
        return f.unit() == MeasureResult.Unit.PERCENT ? n.movePointLeft(2).doubleValue() : n.doubleValue();
    }

    private void statement(ReportModel.StatementPart part) {
        LogicModel.Statement s = part.statement();
        Sheet sheet = wb.createSheet(statementSheet(s));
        String[] columns = {"Measure", "Figure", "Period", "Breakdown", "Cell", "Value", "Unit"};
        int first = top(
                sheet,
                s.number() + ". " + s.title() + ": " + s.impact(),
                "This worksheet contains one table: each quarter's figures of the statement's measures. [note 1] [note 2] [note 3] [note 4]");
        int r = header(sheet, first, columns);
        widths(sheet, 9, 30, 26, 16, 26, 12, 10);
        for (ReportModel.MeasurePart measure : part.measures()) {
            MeasureDefinition d = measure.definition();
            for (Figure m : input.figures()) {
                if (m.measureId().equals(d.id()) && m.period().kind() == Period.Kind.QUARTER) {
                    Row row = sheet.createRow(r++);
                    cell(row, 0, d.id());
                    cell(row, 1, m.figure());
                    cell(row, 2, m.period().label());
                    cell(row, 3, m.breakdown());
                    cell(row, 4, SafeText.of(m.breakdownValue()));
                    value(row, 5, m);
                    cell(row, 6, m.unit().name().toLowerCase());
                }
            }
        }
        table(sheet, "Table_statement_" + s.number(), first, r, columns);
    }

    private void data() {
        Sheet sheet = wb.createSheet("Data");
        String[] columns = {
            "measure_id",
            "measure_name",
            "figure",
            "period_kind",
            "period",
            "period_start",
            "period_end",
            "breakdown",
            "breakdown_value",
            "numerator",
            "denominator",
            "value",
            "unit",
            "suppressed",
            "definition_version"
        };
        int first = top(
                sheet,
                "All results, one row per figure (pivot-ready)",
                "This worksheet contains one table. [note 1] [note 2] [note 3] [note 4] [note 5]");
        int r = header(sheet, first, columns);
        widths(sheet, 11, 50, 28, 18, 24);
        LogicModel model = input.logicModel();
        for (Figure m : input.figures()) {
            Row row = sheet.createRow(r++);
            cell(row, 0, m.measureId());
            cell(
                    row,
                    1,
                    model.measures().containsKey(m.measureId())
                            ? model.measure(m.measureId()).name()
                            : NOT_APPLICABLE);
            cell(row, 2, m.figure());
            cell(row, 3, m.period().kind().name().toLowerCase());
            cell(row, 4, m.period().label());
            cell(row, 5, m.period().start().toString());
            cell(row, 6, m.period().end().toString());
            cell(row, 7, m.breakdown());
            cell(row, 8, SafeText.of(m.breakdownValue()));
            count(row, 9, m.numerator());
            count(row, 10, m.denominator());
            value(row, 11, m);
            cell(row, 12, m.unit().name().toLowerCase());
            cell(row, 13, m.isSuppressed() ? "yes" : "no");
            cell(row, 14, m.definitionVersion());
        }
        table(sheet, "Table_data", first, r, columns);
    }

    private void catalogue() {
        Sheet sheet = wb.createSheet("Catalogue");
        String[] columns = {
            "id",
            "name",
            "kind",
            "statements",
            "headline",
            "direction of good",
            "definition",
            "numerator",
            "denominator",
            "national definition",
            "caveats",
            "sources",
            "version"
        };
        int first = top(
                sheet,
                "Measure catalogue (logic model version " + input.logicModel().version() + ")",
                "This worksheet contains one table. [z] where a measure has no numerator, denominator, national definition or caveat.");
        int r = header(sheet, first, columns);
        widths(sheet, 6, 60, 10, 12);
        for (MeasureDefinition d : input.logicModel().measures().values()) {
            Row row = sheet.createRow(r++);
            String[] values = {
                d.id(),
                d.name(),
                d.kind(),
                d.statements().toString(),
                d.headlineFigure().isEmpty() ? "no single headline" : d.headline(),
                d.direction().name().toLowerCase(),
                d.definition(),
                d.numerator(),
                d.denominator(),
                d.nationalDefinition(),
                d.caveats(),
                String.join(", ", d.sources()),
                d.version()
            };
            for (int c = 0; c < values.length; c++) {
                cell(row, c, values[c] == null || values[c].isBlank() ? NOT_APPLICABLE : values[c]);
            }
        }
        table(sheet, "Table_catalogue", first, r, columns);
    }

    private void quality() {
        Sheet sheet = wb.createSheet("Data quality");
        String[] columns = {"file", "dataset", "status", "rows read", "rows loaded", "rows rejected", "sha256"};
        int first = top(sheet, "Files received and what became of their rows", "This worksheet contains one table.");
        int r = header(sheet, first, columns);
        widths(sheet, 55, 34, 11);
        for (ReportInput.ReceivedFile f : input.files()) {
            Row row = sheet.createRow(r++);
            cell(row, 0, SafeText.of(f.file()));
            cell(row, 1, f.dataset() == null ? NOT_AVAILABLE : f.dataset());
            cell(row, 2, f.status());
            row.createCell(3).setCellValue(f.read());
            row.createCell(4).setCellValue(f.loaded());
            row.createCell(5).setCellValue(f.rejected());
            cell(row, 6, f.sha256());
        }
        table(sheet, "Table_data_quality", first, r, columns);
    }

    private void linkage() {
        Sheet sheet = wb.createSheet("Linkage");
        String[] columns = {"dataset", "quarter", "breakdown", "cell", "records"};
        int first = top(
                sheet,
                "How each dataset's records linked to the young people the TYSS works with",
                "This worksheet contains one table of records, suppressed like the figures. [note 1] [note 6] "
                        + PdfReport.LINKAGE_ACCURACY);
        int r = header(sheet, first, columns);
        widths(sheet, 34, 14, 14, 20, 12);
        for (Figure l : input.linkage()) {
            Row row = sheet.createRow(r++);
            cell(row, 0, l.figure());
            cell(row, 1, l.period().label());
            cell(row, 2, l.breakdown());
            cell(row, 3, l.breakdownValue());
            value(row, 4, l);
        }
        table(sheet, "Table_linkage", first, r, columns);
    }

    private static final String MATCHED = "Matched comparison";

    /**
     * The matched comparison's balance (issue 18): for each system measure and span, each
     * covariate's standardised mean difference between the cohort and the comparison before and
     * after matching, with the pairs, the cohort not matched and the pool, as the model holds them
     * (a withheld count is [c]).
     */
    private void matchedComparison() {
        Sheet sheet = wb.createSheet(MATCHED);
        String[] columns = {
            "measure_id",
            "span_months",
            "covariate",
            "smd_before_matching",
            "smd_after_matching",
            "matched_pairs",
            "cohort_not_matched",
            "comparison_pool"
        };
        int first = top(
                sheet,
                "The matched comparison: balance before and after matching",
                "This worksheet contains one table. A standardised mean difference is the difference in the covariate's means between the "
                        + "cohort and the comparison over their pooled standard deviation; the goal is under "
                        + MatchedComparison.BALANCE_GOAL
                        + " either way. Annex A of the PDF gives the method; the Data sheet has every figure with the counts it rests on. [note 1]");
        int r = header(sheet, first, columns);
        widths(sheet, 11, 12, 24);
        Period now = Period.of(input.quarter());
        String cf = MatchedComparison.BREAKDOWN;
        // a standardised difference to three places, as computed (the workbook's one-place format for means would show
        // 0.059 as 0.1)
        CellStyle smd = wb.createCellStyle();
        smd.setDataFormat(wb.createDataFormat().getFormat("+0.000;-0.000;0.000"));
        for (MeasureDefinition d : input.logicModel().measures().values()) {
            for (int months : CounterfactualTables.SPANS) {
                String s = "_" + months + "m";
                for (String covariate : CounterfactualTables.covariates(input, d.id(), months)) {
                    Row row = sheet.createRow(r++);
                    cell(row, 0, d.id());
                    row.createCell(1).setCellValue(months);
                    cell(row, 2, covariate);
                    value(row, 3, input.find(d.id(), "smd_before" + s, cf, covariate, now));
                    value(row, 4, input.find(d.id(), "smd_after" + s, cf, covariate, now));
                    for (int c : new int[] {3, 4}) {
                        if (row.getCell(c).getCellType() == CellType.NUMERIC) {
                            row.getCell(c).setCellStyle(smd);
                        }
                    }
                    value(row, 5, input.find(d.id(), "matched" + s, cf, MeasureResult.ALL, now));
                    value(row, 6, input.find(d.id(), "unmatched" + s, cf, MeasureResult.ALL, now));
                    value(row, 7, input.find(d.id(), "pool" + s, cf, MeasureResult.ALL, now));
                }
            }
        }
        table(sheet, "Table_matched_comparison", first, r, columns);
    }

    /**
     * The partner data-quality scorecard, from the edition's model: a row per dataset and quarter
     * over the last four, each dimension with its figures and its RAG in words and symbol.
     */
    private void scorecard() {
        Sheet sheet = wb.createSheet(SCORECARD);
        Scorecard card = input.scorecard();
        ScorecardThresholds t = card.thresholds();
        String[] names = {
            "agency",
            "dataset",
            "quarter",
            "files delivering the quarter",
            "received on",
            "days after quarter end",
            "timeliness",
            "least filled column",
            "least filled share",
            "completeness",
            "columns filled (required and key optional)",
            "rows read",
            "rows rejected",
            "rows rejected %",
            "rows with warnings",
            "validity",
            "rejected and warned by column and reason",
            "records",
            "with a strong identifier %",
            "joining another agency's records %",
            "in the TYSS cohort %",
            "linkability"
        };
        int first = top(
                sheet,
                "Partner data quality: how timely, complete, valid and linkable each dataset was in the last four quarters",
                "This worksheet contains one table, a row per dataset and quarter. RAG: timeliness "
                        + t.timelinessDays().describe(" days")
                        + "; completeness " + t.completenessPercent().describe("%") + "; rejected rows "
                        + t.rejectedPercent().describe("%")
                        + "; strong identifier " + t.strongIdentifierPercent().describe("%")
                        + ". [note 1] [note 2] [note 6] [note 8]");
        int r = header(sheet, first, names);
        widths(sheet, 12, 30, 12, 10, 12, 10, 12, 20, 10, 12, 60, 10, 10, 10, 10, 12, 70, 10, 10, 10, 10, 12);
        for (Scorecard.Row s : card.rows()) {
            Row row = sheet.createRow(r++);
            int c = 0;
            cell(row, c++, s.agency());
            cell(row, c++, s.dataset());
            cell(row, c++, s.quarter().toString());
            row.createCell(c++).setCellValue(s.files());
            cell(
                    row,
                    c++,
                    s.receivedOn() == null ? NOT_AVAILABLE : s.receivedOn().toString());
            count(row, c++, s.daysLate());
            rag(row, c++, s.timeliness());
            cell(row, c++, s.lowestColumn() == null ? NOT_AVAILABLE : s.lowestColumn());
            share(row, c++, s.lowestShare());
            rag(row, c++, s.completeness());
            cell(
                    row,
                    c++,
                    s.columns().isEmpty()
                            ? NOT_AVAILABLE
                            : s.columns().stream()
                                    .map(col -> col.column()
                                            + (col.required() ? " (required) " : " ")
                                            + SHORTHAND.getOrDefault(
                                                    col.share() instanceof Cell.Symbol sym ? sym.reason() : null,
                                                    col.share().text()))
                                    .collect(Collectors.joining("; ")));
            count(row, c++, s.rowsRead());
            count(row, c++, s.rejected());
            share(row, c++, s.rejectedShare());
            count(row, c++, s.warned());
            rag(row, c++, s.validity());
            cell(
                    row,
                    c++,
                    s.files() == 0
                            ? NOT_AVAILABLE
                            : s.reasons().isEmpty()
                                    ? "none"
                                    : s.reasons().stream()
                                            .map(w -> (w.severity().equals("ERROR") ? "rejected, " : "warned, ")
                                                    + SafeText.of(w.text()) + " (" + w.rows() + ")")
                                            .collect(Collectors.joining("; ")));
            count(row, c++, s.records());
            share(row, c++, s.strongId());
            share(row, c++, s.joined());
            share(row, c++, s.inCohort());
            rag(row, c++, s.linkability());
        }
        table(sheet, "Table_partner_data_quality", first, r, names);
    }

    /** A share stored as a fraction, or its shorthand. */
    private void share(Row row, int c, Cell share) {
        if (share instanceof Cell.Number n) {
            var cell = row.createCell(c);
            cell.setCellValue(n.value().movePointLeft(2).doubleValue());
            cell.setCellStyle(formats.get(MeasureResult.Unit.PERCENT));
        } else {
            symbol(row, c, share);
        }
    }

    private void rag(Row row, int c, Scorecard.Rag rag) {
        if (rag == Scorecard.Rag.NONE) {
            cell(row, c, NOT_AVAILABLE).setCellStyle(placeholder);
            return;
        }
        cell(row, c, rag.label())
                .setCellStyle(ragStyles.get(
                        switch (rag) {
                            case GREEN -> Headline.Rag.ON;
                            case AMBER -> Headline.Rag.NEAR;
                            default -> Headline.Rag.OFF;
                        }));
    }

    private void rejects() {
        Sheet sheet = wb.createSheet("Rejects");
        String[] columns = {"file", "row", "column", "value", "severity", "reason", "expected"};
        int first = top(
                sheet,
                "Rejected rows, warnings and refused files",
                "This worksheet contains one table. What partners sent: internal only.");
        int r = header(sheet, first, columns);
        widths(sheet, 50, 8, 22, 24, 10, 60, 50);
        for (var l : input.rejects()) {
            Row row = sheet.createRow(r++);
            cell(row, 0, SafeText.of(l.file()));
            if (l.row() != null) {
                row.createCell(1).setCellValue(l.row());
            } else {
                cell(row, 1, NOT_APPLICABLE).setCellStyle(placeholder);
            }
            cell(row, 2, l.column() == null ? NOT_APPLICABLE : l.column());
            cell(row, 3, l.value() == null ? NOT_APPLICABLE : SafeText.of(l.value()));
            cell(row, 4, l.severity());
            cell(row, 5, SafeText.of(l.reason()));
            cell(row, 6, l.expected() == null ? NOT_APPLICABLE : SafeText.of(l.expected()));
        }
        table(sheet, "Table_rejects", first, r, columns);
    }

    private void value(Row row, int c, Optional<Figure> m) {
        if (m.isPresent()) {
            value(row, c, m.get());
        } else {
            cell(row, c, NOT_AVAILABLE).setCellStyle(placeholder);
        }
    }

    private void value(Row row, int c, Figure m) {
        if (m.value() instanceof Cell.Number) {
            var cell = row.createCell(c);
            cell.setCellValue(stored(m));
            cell.setCellStyle(formats.get(m.unit()));
        } else {
            symbol(row, c, m.value());
        }
    }

    /** A numerator or denominator: a whole count, or its shorthand. */
    private void count(Row row, int c, Cell part) {
        if (part instanceof Cell.Number n) {
            var cell = row.createCell(c);
            cell.setCellValue(n.value().doubleValue());
            cell.setCellStyle(formats.get(MeasureResult.Unit.EVENTS));
        } else {
            symbol(row, c, part);
        }
    }

    private void symbol(Row row, int c, Cell part) {
        String shorthand = part instanceof Cell.Symbol s ? SHORTHAND.get(s.reason()) : NOT_AVAILABLE;
        cell(row, c, shorthand).setCellStyle(placeholder);
    }

    private static org.apache.poi.ss.usermodel.Cell cell(Row row, int c, String text) {
        var cell = row.createCell(c);
        cell.setCellValue(text == null ? "" : text);
        return cell;
    }
}
