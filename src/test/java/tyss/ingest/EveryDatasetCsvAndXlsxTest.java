package tyss.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import com.opencsv.CSVWriter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import tyss.contract.DatasetCatalog;
import tyss.contract.DatasetSpec;

/**
 * Every dataset of the contract read from a realistic sample twice: the committed CSV export, and
 * the same rows re-saved as a workbook the way a person would (a title row above the header, dates
 * as real date cells, numbers as numbers). Both must read the same rows and reject none.
 */
class EveryDatasetCsvAndXlsxTest {

    private static final DatasetCatalog CATALOG = DatasetCatalog.load();
    private static final int ROWS = 60;

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> every_dataset_reads_the_same_from_csv_and_xlsx() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("input-samples/history"))) {
            for (Path csv :
                    files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                String relative = Path.of("input-samples").relativize(csv).toString();
                DatasetSpec spec = CATALOG.detect(relative).orElseThrow();
                tests.add(DynamicTest.dynamicTest(spec.name(), () -> check(csv, relative)));
            }
        }
        assertThat(tests).hasSize(CATALOG.all().size());
        return tests.stream();
    }

    private void check(Path csv, String relative) throws IOException {
        // given: the first rows of the real sample, as CSV and as a workbook
        Path slice = dir.resolve("csv").resolve(relative);
        Files.createDirectories(slice.getParent());
        List<List<String>> rows = new ArrayList<>();
        try (TabularSource source = TabularSource.open(csv)) {
            Iterator<SourceRow> it = source.rows(source.sheets().get(0));
            while (it.hasNext() && rows.size() <= ROWS) {
                rows.add(it.next().cells());
            }
        }
        // written back as CSV (a quoted value with a line break in it stays one value; row numbers are records, not
        // lines)
        try (CSVWriter writer = new CSVWriter(Files.newBufferedWriter(slice))) {
            rows.forEach(r -> writer.writeNext(r.toArray(String[]::new), false));
        }
        Path workbook = dir.resolve("xlsx").resolve(relative.replace(".csv", ".xlsx"));
        writeWorkbook(workbook, rows);

        // when
        FileValidator validator = new FileValidator(CATALOG, LocalMapping.NONE);
        FileValidator.Result fromCsv = validator.validate(new Inbox.Entry(slice, relative));
        FileValidator.Result fromXlsx =
                validator.validate(new Inbox.Entry(workbook, relative.replace(".csv", ".xlsx")));

        // then
        assertThat(fromCsv.read()).as("csv rows").isEqualTo(rows.size() - 1);
        assertThat(fromCsv.rejected()).as("csv rejects: " + fromCsv.issues()).isZero();
        assertThat(fromXlsx.read()).as("xlsx rows").isEqualTo(fromCsv.read());
        assertThat(fromXlsx.rejected()).as("xlsx rejects: " + fromXlsx.issues()).isZero();
    }

    private static void writeWorkbook(Path file, List<List<String>> rows) throws IOException {
        List<Object[]> cells = new ArrayList<>();
        cells.add(new Object[] {"Extract for the TYSS"});
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            Object[] out = new Object[row.size()];
            for (int c = 0; c < row.size(); c++) {
                out[c] = r == 0 ? row.get(c) : typed(row.get(c));
            }
            cells.add(out);
        }
        Files.createDirectories(file.getParent());
        try (XSSFWorkbook wb = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            Workbooks.fill(wb, "Data", cells.toArray(Object[][]::new));
            wb.write(out);
        }
    }

    /** As a person re-saving in Excel would get them: UK dates become date cells, plain numbers numbers. */
    private static Object typed(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.matches("\\d{2}/\\d{2}/\\d{4}")) {
            return LocalDate.of(
                    Integer.parseInt(value.substring(6)),
                    Integer.parseInt(value.substring(3, 5)),
                    Integer.parseInt(value.substring(0, 2)));
        }
        if (value.matches("-?\\d{1,9}(\\.\\d+)?")) {
            return Double.parseDouble(value);
        }
        return value;
    }
}
