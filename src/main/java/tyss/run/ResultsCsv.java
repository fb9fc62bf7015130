package tyss.run;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.opencsv.CSVReaderHeaderAware;
import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import com.opencsv.exceptions.CsvValidationException;

import tyss.measure.MeasureResult;
import tyss.output.SafeText;
import tyss.period.Quarter;

/**
 * The internal results file, {@code tyss-results-<quarter>-internal.csv}: every result row with its
 * numerator and denominator. Written by the report step and read back by {@code rerun}, both by
 * these column names, so a column added or moved cannot make one read another's values.
 */
final class ResultsCsv {

    static final List<String> COLUMNS = List.of(
            "measure_id",
            "figure",
            "definition_version",
            "period_kind",
            "period",
            "period_start",
            "period_end",
            "breakdown",
            "breakdown_value",
            "numerator",
            "denominator",
            "value",
            "unit");

    private ResultsCsv() {}

    static Path fileName(Quarter quarter, Path outDir) {
        return outDir.resolve("tyss-results-" + quarter.slug() + "-internal.csv");
    }

    static Path write(List<MeasureResult> results, Quarter quarter, Path outDir) {
        Path file = fileName(quarter, outDir);
        try {
            Files.createDirectories(outDir);
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                    ICSVWriter csv =
                            new CSVWriterBuilder(out).withLineEnd("\r\n").build()) {
                csv.writeNext(COLUMNS.toArray(String[]::new), false);
                for (MeasureResult r : results) {
                    csv.writeNext(
                            new String[] {
                                r.measureId(),
                                r.figure(),
                                r.definitionVersion(),
                                r.period().kind().name(),
                                r.period().label(),
                                r.period().start().toString(),
                                r.period().end().toString(),
                                r.breakdown(),
                                SafeText.of(r.breakdownValue()),
                                plain(r.numerator()),
                                plain(r.denominator()),
                                plain(r.value()),
                                r.unit().name()
                            },
                            false);
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each row as column name to value. */
    static List<Map<String, String>> read(Path file) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVReaderHeaderAware csv = new CSVReaderHeaderAware(reader)) {
            for (Map<String, String> row = csv.readMap(); row != null; row = csv.readMap()) {
                rows.add(row);
            }
        } catch (CsvValidationException e) {
            throw new IOException(file + " is not a results file: " + e.getMessage(), e);
        }
        return rows;
    }

    private static String plain(BigDecimal n) {
        return n == null ? "" : n.stripTrailingZeros().toPlainString();
    }
}
