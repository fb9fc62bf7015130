package tyss.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

import com.github.pjfanning.xlsx.StreamingReader;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * An .xlsx workbook read streaming (excel-streaming-reader over POI's SAX parser), so memory stays
 * flat whatever the sheet's size. Whatever POI throws while reading, a damaged, hostile or
 * misnamed file becomes an {@link InputFileException} with words for the sender; limits against
 * zip bombs are set in {@link PoiLimits}.
 */
final class XlsxSource implements TabularSource {

    private final Path file;
    private Workbook workbook;

    XlsxSource(Path file) throws IOException {
        PoiLimits.apply();
        PoiLimits.refuseEncrypted(file);
        this.file = file;
    }

    @Override
    public List<String> sheets() {
        return guard(() -> {
            List<String> names = new ArrayList<>();
            workbook().sheetIterator().forEachRemaining(s -> names.add(s.getSheetName()));
            return names;
        });
    }

    @Override
    public Iterator<SourceRow> rows(String sheetName) throws IOException {
        close();
        Iterator<Row> rows = guard(() -> {
            Sheet sheet = workbook().getSheet(sheetName);
            if (sheet == null) {
                throw new InputFileException("the workbook has no sheet named '" + sheetName + "'");
            }
            return sheet.rowIterator();
        });
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return guard(rows::hasNext);
            }

            @Override
            public SourceRow next() {
                return guard(() -> {
                    Row row = rows.next();
                    List<String> cells = new ArrayList<>();
                    for (Cell cell : row) {
                        while (cells.size() < cell.getColumnIndex()) {
                            cells.add(null);
                        }
                        cells.add(CellText.of(cell));
                    }
                    return new SourceRow(row.getRowNum() + 1, cells);
                });
            }
        };
    }

    private Workbook workbook() {
        if (workbook == null) {
            workbook = StreamingReader.builder()
                    .rowCacheSize(200)
                    .bufferSize(1 << 16)
                    .open(file.toFile());
        }
        return workbook;
    }

    private static <T> T guard(Supplier<T> read) {
        try {
            return read.get();
        } catch (InputFileException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InputFileException(PoiLimits.explain(e), e);
        }
    }

    @Override
    public void close() throws IOException {
        if (workbook != null) {
            try {
                workbook.close();
            } catch (RuntimeException e) {
                // a damaged workbook may fail to close; it was only read
            }
            workbook = null;
        }
    }
}
