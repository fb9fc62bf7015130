package tyss.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/** A legacy .xls workbook. The format caps a sheet at 65,536 rows, so reading it whole is bounded. */
final class XlsSource implements TabularSource {

    private final HSSFWorkbook workbook;

    XlsSource(Path file) throws IOException {
        PoiLimits.apply();
        try (InputStream in = Files.newInputStream(file)) {
            this.workbook = new HSSFWorkbook(in);
        } catch (RuntimeException e) {
            throw new InputFileException(PoiLimits.explain(e), e);
        }
    }

    @Override
    public List<String> sheets() {
        List<String> names = new ArrayList<>();
        workbook.sheetIterator().forEachRemaining(s -> names.add(s.getSheetName()));
        return names;
    }

    @Override
    public Iterator<SourceRow> rows(String sheetName) {
        Sheet sheet = workbook.getSheet(sheetName);
        List<SourceRow> rows = new ArrayList<>();
        for (Row row : sheet) {
            List<String> cells = new ArrayList<>();
            for (Cell cell : row) {
                while (cells.size() < cell.getColumnIndex()) {
                    cells.add(null);
                }
                cells.add(CellText.of(cell));
            }
            rows.add(new SourceRow(row.getRowNum() + 1, cells));
        }
        return rows.iterator();
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
