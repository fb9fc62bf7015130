package tyss.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

import tyss.disclose.Cell;
import tyss.disclose.Edition;
import tyss.disclose.Figure;
import tyss.disclose.ReportInput;
import tyss.disclose.ReportModel;
import tyss.measure.LogicModel;
import tyss.measure.LogicModel.MeasureDefinition;
import tyss.measure.MeasureResult;
import tyss.measure.Period;
import tyss.measure.Quarter;

/**
 * The quarterly workbook: a summary with a native chart, a sheet per impact statement, the tidy
 * data (one row per result), the catalogue, data quality, linkage and rejects. Written with SXSSF
 * and inline strings; every text cell from input data goes through {@link SafeText}.
 */
final class WorkbookReport implements ReportFormat {

    private ReportModel input;
    private Edition edition;
    private SXSSFWorkbook wb;
    private CellStyle head;
    private CellStyle title;
    private CellStyle banner;
    /** "c" or "–" in a column of numbers, aligned with them. */
    private CellStyle placeholder;
    private final Map<MeasureResult.Unit, CellStyle> formats = new java.util.EnumMap<>(MeasureResult.Unit.class);
    /** RAG in words and symbol, and in the PDF's colours. */
    private final Map<Headline.Rag, CellStyle> ragStyles = new java.util.EnumMap<>(Headline.Rag.class);

    WorkbookReport() {
    }

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
            summary();
            for (ReportModel.StatementPart s : input.statements()) {
                statement(s);
            }
            data();
            catalogue();
            quality();
            linkage();
            if (edition == Edition.INTERNAL) {
                rejects();
            }
            var created = input.quarter().end().atStartOfDay().atOffset(ZoneOffset.UTC).toInstant();
            wb.getXSSFWorkbook().getProperties().getCoreProperties().setCreated(Optional.of(java.util.Date.from(created)));
            wb.getXSSFWorkbook().getProperties().getCoreProperties().setCreator("tyss-reports");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            wb.write(bytes);
            Files.createDirectories(file.getParent());
            Files.write(file, StableBytes.zip(bytes.toByteArray(), input.quarter().end()));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        red.setColor(org.apache.poi.ss.usermodel.IndexedColors.DARK_RED.getIndex());
        banner = wb.createCellStyle();
        banner.setFont(red);
        for (Headline.Rag status : Headline.Rag.values()) {
            Font font = wb.createFont();
            font.setBold(true);
            ((org.apache.poi.xssf.usermodel.XSSFFont) font).setColor(new org.apache.poi.xssf.usermodel.XSSFColor(
                    java.util.HexFormat.of().parseHex(status.colour.substring(1)), null));
            CellStyle style = wb.createCellStyle();
            style.setFont(font);
            ragStyles.put(status, style);
        }
        placeholder = wb.createCellStyle();
        placeholder.setAlignment(org.apache.poi.ss.usermodel.HorizontalAlignment.RIGHT);
        // the same number formats as the PDF: whole counts, percentages to one place (stored as 0-100), others to one or two
        var dataFormat = wb.createDataFormat();
        for (MeasureResult.Unit unit : MeasureResult.Unit.values()) {
            CellStyle style = wb.createCellStyle();
            style.setDataFormat(dataFormat.getFormat(switch (unit) {
                case PEOPLE, EVENTS -> "#,##0";
                case PERCENT -> "0.0\"%\"";
                case RATE -> "#,##0.0#";
                default -> "#,##0.0";
            }));
            formats.put(unit, style);
        }
    }

    /** A sheet with its title (and the internal banner) above a header row; returns the next free row. */
    private int start(Sheet sheet, String heading, String... columns) {
        int r = 0;
        if (input.banner() != null) {
            cell(sheet.createRow(r++), 0, input.banner()).setCellStyle(banner);
        }
        cell(sheet.createRow(r++), 0, heading).setCellStyle(title);
        r++;
        Row header = sheet.createRow(r);
        for (int c = 0; c < columns.length; c++) {
            cell(header, c, columns[c]).setCellStyle(head);
            sheet.setColumnWidth(c, Math.max(10, Math.min(60, columns[c].length() + 6)) * 256);
        }
        sheet.createFreezePane(0, r + 1);
        // printed landscape, one page wide, with the heading row repeated on every page
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        sheet.setRepeatingRows(new CellRangeAddress(r, r, 0, columns.length - 1));
        return r + 1;
    }

    /** Column widths in characters, from the first column; the rest keep the width their heading gave them. */
    private static void widths(Sheet sheet, int... characters) {
        for (int c = 0; c < characters.length; c++) {
            sheet.setColumnWidth(c, characters[c] * 256);
        }
    }

    private void summary() {
        Sheet sheet = wb.createSheet("Summary");
        int r = start(sheet, "TYSS quarterly outcomes report, " + input.quarter() + " (" + edition.title + ")",
                "Statement", "Measure", "Name", "Figure", "This quarter", "Last quarter", "A year ago", "This quarter per 100 in the cohort",
                "A year ago per 100 in the cohort", "On a year ago", "Against target");
        widths(sheet, 22, 9, 60, 28, 12, 12, 12, 14, 14, 18, 14);
        int first = r;
        for (ReportModel.StatementPart part : input.statements()) {
            LogicModel.Statement s = part.statement();
            for (ReportModel.MeasurePart m : part.measures()) {
                MeasureDefinition d = m.definition();
                Headline h = Headline.of(s.number() + ". " + s.title(), d, input);
                Row row = sheet.createRow(r++);
                int c = 0;
                for (String text : List.of(h.statement(), h.measureId(), h.measureName(), h.figure())) {
                    cell(row, c++, text);
                }
                for (Quarter q : List.of(input.quarter(), input.quarter().previous(), input.quarter().sameQuarterLastYear())) {
                    var result = input.headline(d.id(), d.headlineFigure(), Period.of(q));
                    if (result.isPresent()) {
                        value(row, c++, result.get());
                    } else {
                        cell(row, c++, Headline.NO_DATA).setCellStyle(placeholder);
                    }
                }
                // the rate per 100 in the cohort as it stood, for the cohort's counts: what the direction compares
                for (Quarter q : List.of(input.quarter(), input.quarter().sameQuarterLastYear())) {
                    var rate = input.headline(d.id(), d.headlineFigure(), Period.of(q)).filter(f -> f.breakdown().equals("population"))
                            .flatMap(f -> input.find(d.id(), f.figure() + tyss.measure.Rates.PER_100, f.breakdown(), f.breakdownValue(), f.period()));
                    if (rate.isPresent()) {
                        value(row, c++, rate.get());
                    } else {
                        c++;
                    }
                }
                cell(row, c++, h.direction());
                var rag = cell(row, c, h.rag());
                if (h.status() != Headline.Rag.NONE) {
                    rag.setCellStyle(ragStyles.get(h.status()));
                }
            }
        }
        sheet.setAutoFilter(new CellRangeAddress(first - 1, r - 1, 0, 10));
        trendChart(r + 2);
    }

    /** A native line chart of the first measure's headline over the eight quarters, with its data beside it. */
    private void trendChart(int top) {
        XSSFSheet sheet = wb.getXSSFWorkbook().getSheet("Summary");
        MeasureDefinition first = input.logicModel().measures().values().iterator().next();
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        Quarter q = input.quarter();
        for (int i = 0; i < 7; i++) {
            q = q.previous();
        }
        for (; q.compareTo(input.quarter()) <= 0; q = q.next()) {
            Optional<Figure> r = input.headline(first.id(), first.headlineFigure(), Period.of(q));
            labels.add(q.toString());
            values.add(r.map(Figure::number).map(java.math.BigDecimal::doubleValue).orElse(Double.NaN));
        }
        int chartTop = Math.max(top, sheet.getLastRowNum() + 2);
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 1, chartTop, 8, chartTop + 18);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(first.id() + " " + first.headlineFigure().replace('_', ' ') + ", last eight quarters");
        chart.setTitleOverlay(false);
        var x = chart.createCategoryAxis(AxisPosition.BOTTOM);
        var y = chart.createValueAxis(AxisPosition.LEFT);
        XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, x, y);
        XDDFChartData.Series series = data.addSeries(XDDFDataSourcesFactory.fromArray(labels.toArray(String[]::new)),
                XDDFDataSourcesFactory.fromArray(values.toArray(Double[]::new)));
        series.setTitle(first.headlineFigure().replace('_', ' '), null);
        if (series instanceof XDDFLineChartData.Series lineSeries) {
            lineSeries.setSmooth(false);
        }
        var line = new org.apache.poi.xddf.usermodel.XDDFLineProperties(new XDDFSolidFillProperties(XDDFColor.from(new byte[] {11, 60, 93})));
        line.setWidth(2.25);
        var shape = new org.apache.poi.xddf.usermodel.XDDFShapeProperties();
        shape.setLineProperties(line);
        series.setShapeProperties(shape);
        chart.plot(data);
    }

    private void statement(ReportModel.StatementPart part) {
        LogicModel.Statement s = part.statement();
        Sheet sheet = wb.createSheet(s.number() + " " + s.title());
        int r = start(sheet, s.number() + ". " + s.title() + ": " + s.impact(), "Measure", "Figure", "Period", "Breakdown", "Cell", "Value", "Unit");
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
    }

    private void data() {
        Sheet sheet = wb.createSheet("Data");
        int r = start(sheet, "All results, one row per figure (pivot-ready)", "measure_id", "measure_name", "figure", "period_kind", "period",
                "period_start", "period_end", "breakdown", "breakdown_value", "numerator", "denominator", "value", "unit", "suppressed",
                "definition_version");
        widths(sheet, 11, 50, 28, 18, 24);
        int first = r;
        LogicModel model = input.logicModel();
        for (Figure m : input.figures()) {
            Row row = sheet.createRow(r++);
            cell(row, 0, m.measureId());
            cell(row, 1, model.measures().containsKey(m.measureId()) ? model.measure(m.measureId()).name() : "");
            cell(row, 2, m.figure());
            cell(row, 3, m.period().kind().name().toLowerCase());
            cell(row, 4, m.period().label());
            cell(row, 5, m.period().start().toString());
            cell(row, 6, m.period().end().toString());
            cell(row, 7, m.breakdown());
            cell(row, 8, SafeText.of(m.breakdownValue()));
            number(row, 9, m.numerator().number());
            number(row, 10, m.denominator().number());
            value(row, 11, m);
            cell(row, 12, m.unit().name().toLowerCase());
            cell(row, 13, m.isSuppressed() ? "yes" : "no");
            cell(row, 14, m.definitionVersion());
        }
        sheet.setAutoFilter(new CellRangeAddress(first - 1, Math.max(first - 1, r - 1), 0, 14));
    }

    private void catalogue() {
        Sheet sheet = wb.createSheet("Catalogue");
        int r = start(sheet, "Measure catalogue (logic model version " + input.logicModel().version() + ")", "id", "name", "kind", "statements",
                "headline", "direction of good", "definition", "numerator", "denominator", "national definition", "caveats", "sources", "version");
        widths(sheet, 6, 60, 10, 12);
        for (MeasureDefinition d : input.logicModel().measures().values()) {
            Row row = sheet.createRow(r++);
            String[] values = {d.id(), d.name(), d.kind(), d.statements().toString(), d.headline(), d.direction().name().toLowerCase(),
                    d.definition(), d.numerator(), d.denominator(), d.nationalDefinition(), d.caveats(), String.join(", ", d.sources()), d.version()};
            for (int c = 0; c < values.length; c++) {
                cell(row, c, values[c]);
            }
        }
    }

    private void quality() {
        Sheet sheet = wb.createSheet("Data quality");
        int r = start(sheet, "Files received and what became of their rows", "file", "dataset", "status", "rows read", "rows loaded",
                "rows rejected", "sha256");
        widths(sheet, 55, 34, 11);
        for (ReportInput.ReceivedFile f : input.files()) {
            Row row = sheet.createRow(r++);
            cell(row, 0, SafeText.of(f.file()));
            cell(row, 1, f.dataset());
            cell(row, 2, f.status());
            row.createCell(3).setCellValue(f.read());
            row.createCell(4).setCellValue(f.loaded());
            row.createCell(5).setCellValue(f.rejected());
            cell(row, 6, f.sha256());
        }
    }

    private void linkage() {
        Sheet sheet = wb.createSheet("Linkage");
        int r = start(sheet, "How each dataset's records linked to the young people the TYSS works with", "dataset", "quarter", "breakdown",
                "cell", "records");
        widths(sheet, 34, 14, 14, 20, 12);
        for (Figure l : input.linkage()) {
            Row row = sheet.createRow(r++);
            cell(row, 0, l.figure());
            cell(row, 1, l.period().label());
            cell(row, 2, l.breakdown());
            cell(row, 3, l.breakdownValue());
            value(row, 4, l);
        }
    }

    private void rejects() {
        Sheet sheet = wb.createSheet("Rejects");
        int r = start(sheet, "Rejected rows, warnings and refused files", "file", "row", "column", "value", "severity", "reason", "expected");
        widths(sheet, 50, 8, 22, 24, 10, 60, 50);
        for (var l : input.rejects()) {
            Row row = sheet.createRow(r++);
            cell(row, 0, SafeText.of(l.file()));
            if (l.row() != null) {
                row.createCell(1).setCellValue(l.row());
            }
            cell(row, 2, l.column());
            cell(row, 3, SafeText.of(l.value()));
            cell(row, 4, l.severity());
            cell(row, 5, SafeText.of(l.reason()));
            cell(row, 6, SafeText.of(l.expected()));
        }
    }

    private void value(Row row, int c, Figure m) {
        if (m.value() instanceof Cell.Number n) {
            var cell = row.createCell(c);
            cell.setCellValue(n.value().doubleValue());
            cell.setCellStyle(formats.get(m.unit()));
        } else if (m.isSuppressed()) {
            cell(row, c, m.value().text()).setCellStyle(placeholder);
        }
    }

    private static void number(Row row, int c, java.math.BigDecimal n) {
        if (n != null) {
            row.createCell(c).setCellValue(n.doubleValue());
        }
    }

    private static org.apache.poi.ss.usermodel.Cell cell(Row row, int c, String text) {
        var cell = row.createCell(c);
        cell.setCellValue(text == null ? "" : text);
        return cell;
    }
}
