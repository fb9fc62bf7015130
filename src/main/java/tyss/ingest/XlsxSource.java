package tyss.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

import com.github.pjfanning.xlsx.StreamingReader;
import com.github.pjfanning.xlsx.exceptions.OpenException;
import com.github.pjfanning.xlsx.exceptions.ReadException;

/**
 * An .xlsx workbook read streaming (excel-streaming-reader over POI's SAX parser), so memory stays
 * flat whatever the sheet's size. Workbook limits against zip bombs are set in {@link PoiLimits}.
 */
final class XlsxSource implements TabularSource {

    private final Path file;
    private Workbook workbook;

    XlsxSource(Path file) {
        PoiLimits.apply();
        this.file = file;
    }

    @Override
    public List<String> sheets() {
        List<String> names = new ArrayList<>();
        workbook().sheetIterator().forEachRemaining(s -> names.add(s.getSheetName()));
        return names;
    }

    @Override
    public Iterator<SourceRow> rows(String sheetName) throws IOException {
        close();
        Sheet sheet = workbook().getSheet(sheetName);
        if (sheet == null) {
            throw new InputFileException("the workbook has no sheet named '" + sheetName + "'; its sheets are " + sheets());
        }
        Iterator<Row> rows = sheet.rowIterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    return rows.hasNext();
                } catch (ReadException | IllegalStateException e) {
                    throw new InputFileException("the workbook is damaged and cannot be read to the end (" + e.getMessage() + ")", e);
                }
            }

            @Override
            public SourceRow next() {
                Row row = rows.next();
                List<String> cells = new ArrayList<>();
                for (Cell cell : row) {
                    while (cells.size() < cell.getColumnIndex()) {
                        cells.add(null);
                    }
                    cells.add(CellText.of(cell));
                }
                return new SourceRow(row.getRowNum() + 1, cells);
            }
        };
    }

    private Workbook workbook() {
        if (workbook == null) {
            try {
                workbook = StreamingReader.builder().rowCacheSize(200).bufferSize(1 << 16).open(file.toFile());
            } catch (OpenException | ReadException e) {
                throw new InputFileException(PoiLimits.explain(e), e);
            }
        }
        return workbook;
    }

    @Override
    public void close() throws IOException {
        if (workbook != null) {
            workbook.close();
            workbook = null;
        }
    }
}
