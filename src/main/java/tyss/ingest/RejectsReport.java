package tyss.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import org.springframework.jdbc.core.simple.JdbcClient;

import tyss.output.SafeText;

/**
 * The rejects report of a run: every rejected row and every warning, with the file, the row as a
 * person sees it, the column, the value (never an identifier), the reason and what was expected;
 * and every refused file. Values that a spreadsheet would run as formulas are neutralised.
 */
public final class RejectsReport {

    public static final String FILE_NAME = "rejects.csv";
    static final String[] HEADER = {"file", "row", "column", "value", "severity", "reason", "expected"};

    /** One line of the report. */
    public record Line(
            String file, Integer row, String column, String value, String severity, String reason, String expected) {}

    private RejectsReport() {}

    /** Issues of the files received by a run (or all files in the store when runId is null), in file and row order. */
    public static List<Line> lines(JdbcClient jdbc, String runId) {
        String ofRun = runId == null ? "" : " AND f.received_run = :run";
        return jdbc.sql(
                        "SELECT f.source_name, i.row_number, i.column_name, i.shown_value, i.severity, i.reason, i.expected "
                                + "FROM row_issue i JOIN received_file f ON f.file_id = i.file_id WHERE f.status <> 'superseded'"
                                + ofRun
                                + " UNION ALL "
                                + "SELECT f.source_name, NULL, NULL, NULL, 'ERROR', '" + RowIssue.FILE_REFUSED
                                + "' || f.message, NULL FROM received_file f "
                                + "WHERE f.status = 'refused' AND f.archived_path IS NULL" + ofRun
                                + " UNION ALL "
                                + "SELECT f.source_name, NULL, NULL, NULL, 'WARNING', 'not loaded: the same bytes as ' || f.same_as || ', already received', NULL "
                                + "FROM duplicate_delivery f WHERE 1 = 1" + ofRun
                                + " ORDER BY 1, 2 NULLS FIRST, 3, 6")
                .paramSource(runId == null ? Map.of() : Map.of("run", runId))
                .query((rs, n) -> new Line(
                        rs.getString(1),
                        (Integer) rs.getObject(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7)))
                .list();
    }

    public static Path write(List<Line> lines, Path dir) {
        Path file = dir.resolve(FILE_NAME);
        try {
            Files.createDirectories(dir);
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                    ICSVWriter csv =
                            new CSVWriterBuilder(out).withLineEnd("\r\n").build()) {
                csv.writeNext(HEADER, false);
                for (Line l : lines) {
                    csv.writeNext(
                            new String[] {
                                safe(l.file()),
                                l.row() == null ? "" : l.row().toString(),
                                safe(l.column()),
                                safe(l.value()),
                                l.severity(),
                                safe(l.reason()),
                                safe(l.expected())
                            },
                            true);
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String safe(String text) {
        return SafeText.of(text);
    }
}
