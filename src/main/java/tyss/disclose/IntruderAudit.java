package tyss.disclose;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import tyss.measure.MeasureResult.Unit;
import tyss.period.Period;
import tyss.period.Quarter;

/**
 * The intruder's audit: reads only what commissioners receive, the workbook's Data and Linkage
 * sheets and the PDF's text, writes down every relation a reader can see among the figures
 * ({@link LinkedTables}) and, for every withheld figure, the interval those relations pin it to
 * ({@link Intervals}). It passes when no withheld count can be narrowed further than the
 * methodology's protection allows, and the PDF's tables print no figure the workbook withholds.
 */
public final class IntruderAudit {

    /** The audit of one workbook: withheld counts it examined, and those it could narrow too far. */
    public record Result(int suppressedFigures, int groups, List<String> findings) {
        public boolean passed() {
            return findings.isEmpty();
        }
    }

    /** The workbook's unit column: each unit's name in lower case. */
    private static final Map<String, Unit> UNITS = new HashMap<>();

    static {
        for (Unit u : Unit.values()) {
            UNITS.put(u.name().toLowerCase(Locale.ROOT), u);
        }
    }

    private IntruderAudit() {}

    public static Result of(Path workbook, int threshold) {
        return of(rows(workbook), threshold);
    }

    /** The workbook's audit, and the PDF's figure tables checked against it. */
    public static Result of(Path workbook, Path pdf, int threshold) {
        return of(workbook, pdf, null, threshold);
    }

    /** The same, and the HTML edition's figure cells checked against the workbook too (when {@code html} is not null). */
    public static Result of(Path workbook, Path pdf, Path html, int threshold) {
        List<Published> rows = rows(workbook);
        Result own = of(rows, threshold);
        List<String> findings = new ArrayList<>(own.findings());
        findings.addAll(PdfFigures.notInWorkbook(pdf, rows));
        if (html != null) {
            findings.addAll(HtmlFigures.notInWorkbook(html, rows));
        }
        return new Result(own.suppressedFigures(), own.groups(), findings);
    }

    private static List<Published> rows(Path workbook) {
        try (InputStream in = Files.newInputStream(workbook);
                XSSFWorkbook wb = new XSSFWorkbook(in)) {
            List<Published> rows = new ArrayList<>(data(wb.getSheet("Data")));
            rows.addAll(linkage(wb.getSheet("Linkage")));
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The audit of figures as a reader sees them. */
    public static Result of(List<Published> rows, int threshold) {
        Map<String, List<Published>> byMeasure = new LinkedHashMap<>();
        rows.forEach(r ->
                byMeasure.computeIfAbsent(r.measureId(), k -> new ArrayList<>()).add(r));
        List<String> findings = new ArrayList<>();
        int groups = 0;
        for (List<Published> measure : byMeasure.values()) {
            LinkedTables tables = new LinkedTables(measure);
            groups += Intervals.components(tables).size();
            Intervals.unprotected(tables, threshold).forEach(f -> findings.add(f.describe()));
        }
        return new Result((int) rows.stream().filter(Published::suppressed).count(), groups, findings);
    }

    private static List<Published> data(Sheet sheet) {
        return table(sheet, "measure_id", (row, col) -> {
            Unit unit = UNITS.get(text(row, col.get("unit")));
            if (unit == null) {
                return null; // no figure: a table with no rows says "none"
            }
            Integer value = col.get("value");
            Double shown = number(row, value);
            if (shown != null && unit == Unit.PERCENT) {
                shown = shown * 100; // stored as a fraction, formatted as a percentage
            }
            return new Published(
                    text(row, col.get("measure_id")),
                    text(row, col.get("figure")),
                    Period.Kind.valueOf(text(row, col.get("period_kind")).toUpperCase(Locale.ROOT)),
                    text(row, col.get("period")),
                    LocalDate.parse(text(row, col.get("period_start"))),
                    LocalDate.parse(text(row, col.get("period_end"))),
                    text(row, col.get("breakdown")),
                    text(row, col.get("breakdown_value")),
                    unit,
                    shown,
                    number(row, col.get("numerator")),
                    number(row, col.get("denominator")),
                    isSymbol(row, value));
        });
    }

    private static List<Published> linkage(Sheet sheet) {
        return table(sheet, "dataset", (row, col) -> {
            if (!col.containsKey("records") || text(row, col.get("quarter")).equals("[z]")) {
                return null; // an older layout, without the linkage counts as one table; or a table with no rows
            }
            String label = text(row, col.get("quarter"));
            LocalDate start = LocalDate.EPOCH;
            LocalDate end = LocalDate.EPOCH;
            try {
                Quarter q = Quarter.parse(label);
                start = q.start();
                end = q.end();
            } catch (RuntimeException e) {
                // records with no date form a table of their own
            }
            Integer records = col.get("records");
            return new Published(
                    Disclosure.LINKAGE,
                    text(row, col.get("dataset")),
                    Period.Kind.QUARTER,
                    label,
                    start,
                    end,
                    text(row, col.get("breakdown")),
                    text(row, col.get("cell")),
                    Unit.EVENTS,
                    number(row, records),
                    null,
                    null,
                    isSymbol(row, records));
        });
    }

    /** The rows below a sheet's header row (the one starting with {@code first}), each read by column name; a null read is skipped. */
    private static List<Published> table(
            Sheet sheet, String first, BiFunction<Row, Map<String, Integer>, Published> read) {
        List<Published> rows = new ArrayList<>();
        if (sheet == null) {
            return rows;
        }
        Map<String, Integer> col = null;
        for (Row row : sheet) {
            if (col == null) {
                col = header(row, first);
            } else {
                Published p = read.apply(row, col);
                if (p != null) {
                    rows.add(p);
                }
            }
        }
        return rows;
    }

    /** The columns by name, once the header row (the one starting with {@code first}) is reached. */
    private static Map<String, Integer> header(Row row, String first) {
        if (!text(row, 0).equals(first)) {
            return null;
        }
        Map<String, Integer> col = new HashMap<>();
        for (var c : row) {
            col.put(c.getStringCellValue(), c.getColumnIndex());
        }
        return col;
    }

    private static String text(Row row, Integer c) {
        var cell = c == null ? null : row.getCell(c);
        return cell == null || cell.getCellType() != CellType.STRING ? "" : cell.getStringCellValue();
    }

    private static Double number(Row row, Integer c) {
        var cell = c == null ? null : row.getCell(c);
        return cell == null || cell.getCellType() != CellType.NUMERIC ? null : cell.getNumericCellValue();
    }

    /** A withheld figure: a symbol where a number would be (the GSS [c], or the c of earlier workbooks). */
    private static boolean isSymbol(Row row, Integer c) {
        String t = text(row, c).strip();
        return t.equals(Cell.Reason.SUPPRESSED.symbol) || t.equals("[c]");
    }
}
