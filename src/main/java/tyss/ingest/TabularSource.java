package tyss.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/** A file of rows: a CSV, or one of a workbook's sheets. Streams: no file is read whole into memory. */
interface TabularSource extends AutoCloseable {

    /** The sheets in order; a CSV has one, named after the file. */
    List<String> sheets();

    /** The rows of a sheet, from the top. Reading a sheet again starts it again. */
    Iterator<SourceRow> rows(String sheet) throws IOException;

    /** Whether a comma in its numbers is the decimal mark (a semicolon-separated CSV). */
    default boolean decimalComma() {
        return false;
    }

    @Override
    void close() throws IOException;

    static TabularSource open(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx") || name.endsWith(".xlsm")) {
            return new XlsxSource(file);
        }
        if (name.endsWith(".xls")) {
            return new XlsSource(file);
        }
        return new CsvSource(file);
    }
}
