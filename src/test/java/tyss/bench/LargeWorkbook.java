package tyss.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** Writes a workbook of a million anti-social behaviour rows, streaming, with a title block and real date cells. */
final class LargeWorkbook {

    private LargeWorkbook() {}

    static Path write(Path file, int rows) throws IOException {
        Files.createDirectories(file.getParent());
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            SXSSFSheet sheet = wb.createSheet("ASB");
            sheet.createRow(0).createCell(0).setCellValue("Anti-social behaviour incidents - benchmark extract");
            Row header = sheet.createRow(2);
            String[] names = {"police_person_id", "incident_date", "category"};
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            String[] categories = {"personal", "nuisance", "environmental"};
            LocalDate first = LocalDate.of(2024, 4, 1);
            for (int r = 0; r < rows; r++) {
                Row row = sheet.createRow(r + 3);
                row.createCell(0).setCellValue(1_000_000 + r % 250_000);
                var cell = row.createCell(1);
                cell.setCellValue(first.plusDays(r % 900));
                cell.setCellStyle(date);
                row.createCell(2).setCellValue(categories[r % 3]);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        return file;
    }
}
