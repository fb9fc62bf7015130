package tyss.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;

import tyss.measure.Quarter;

/** Gathers a run's results and run record from the store and hands them to the renderers. */
@Component
class ReportAssembler {

    private final JdbcClient jdbc;

    ReportAssembler(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Path> render(String runId, Quarter quarter, Path outDir) {
        return List.of(writeResultsCsv(runId, quarter, outDir));
    }

    private Path writeResultsCsv(String runId, Quarter quarter, Path outDir) {
        Path file = outDir.resolve("tyss-results-" + quarter.slug() + "-internal.csv");
        try {
            Files.createDirectories(outDir);
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                 ICSVWriter csv = new CSVWriterBuilder(out).withLineEnd("\r\n").build()) {
                csv.writeNext(new String[] {"measure_id", "figure", "definition_version", "period_kind", "period", "period_start",
                        "period_end", "breakdown", "breakdown_value", "numerator", "denominator", "value", "unit"}, false);
                jdbc.sql("SELECT measure_id, figure, definition_version, period_kind, period_label, period_start, period_end, breakdown, "
                                + "breakdown_value, numerator, denominator, result_value, unit FROM measure_result WHERE run_id = ? "
                                + "ORDER BY measure_id, figure, period_start, period_kind, breakdown, breakdown_value")
                        .param(runId).query(rs -> {
                            String[] row = new String[13];
                            for (int i = 0; i < 13; i++) {
                                Object v = rs.getObject(i + 1);
                                row[i] = v == null ? "" : v instanceof java.math.BigDecimal n ? n.stripTrailingZeros().toPlainString() : v.toString();
                            }
                            csv.writeNext(row, false);
                        });
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
