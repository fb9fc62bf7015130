package tyss.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Builds small workbooks the way partners' systems export them, for tests. */
public final class Workbooks {

    private Workbooks() {}

    /**
     * Writes a sheet: each row an array of cells; a {@link LocalDate} becomes a real date cell, a
     * Number a numeric cell, anything else text.
     */
    static Path write(Path file, String sheetName, Object[]... rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            fill(wb, sheetName, rows);
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        return file;
    }

    /**
     * Adds a sheet: {@link LocalDate} → a real date cell, Number → numeric, {@code "FORMULA:..."} →
     * a formula (shown as a date), {@code "ERROR:#N/A"} → an error cell, Boolean → TRUE/FALSE, anything else text. Formulas carry their value, as Excel saves them.
     */
    public static void fill(Workbook wb, String sheetName, Object[]... rows) {
        CellStyle date = wb.createCellStyle();
        date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
        Sheet sheet = wb.createSheet(sheetName);
        for (int r = 0; r < rows.length; r++) {
            Row row = sheet.createRow(r);
            for (int c = 0; c < rows[r].length; c++) {
                Object v = rows[r][c];
                if (v == null) {
                    continue;
                }
                var cell = row.createCell(c);
                if (v instanceof LocalDate d) {
                    cell.setCellValue(d);
                    cell.setCellStyle(date);
                } else if (v instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                } else if (v instanceof String f && f.startsWith("FORMULA:")) {
                    cell.setCellFormula(f.substring(8));
                    cell.setCellStyle(date);
                } else if (v instanceof String e && e.startsWith("ERROR:")) {
                    cell.setCellErrorValue(
                            FormulaError.forString(e.substring(6)).getCode());
                } else if (v instanceof Boolean b) {
                    cell.setCellValue(b);
                } else {
                    cell.setCellValue(v.toString());
                }
            }
        }
        wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
    }
}
