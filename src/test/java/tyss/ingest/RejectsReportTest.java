package tyss.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RejectsReportTest {

    @TempDir
    Path dir;

    @Test
    void values_a_spreadsheet_would_run_as_formulas_are_neutralised() throws IOException {
        // given: each formula starter, and a harmless value
        List<RejectsReport.Line> lines = List.of(
                line("=HYPERLINK(\"http://x\")"),
                line("+1+1"),
                line("-2+3"),
                line("@SUM(A1)"),
                line("\tTAB"),
                line("\rCR"),
                line("plain"));
        // when
        String csv = Files.readString(RejectsReport.write(lines, dir));
        // then
        assertThat(csv)
                .contains(
                        "\"'=HYPERLINK(\"\"http://x\"\")\"",
                        "\"'+1+1\"",
                        "\"'-2+3\"",
                        "\"'@SUM(A1)\"",
                        "\"'\tTAB\"",
                        "\"'\rCR\"",
                        "\"plain\"");
    }

    private static RejectsReport.Line line(String value) {
        return new RejectsReport.Line(
                "police/asb.csv", 2, "category", value, "ERROR", "'x' is not a known code", "one of: a, b");
    }
}
