package tyss.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tyss.measure.MeasureResult;
import tyss.period.Period;
import tyss.period.Quarter;

class ResultsCsvTest {

    @Test
    void a_locality_named_as_a_formula_is_written_as_text(@TempDir Path dir) throws IOException {
        // a locality from a partner's lookup named =HYPERLINK(...) was written as a live formula (issue 21, item 5)
        Quarter q = Quarter.parse("2026-27 Q2");
        MeasureResult r = new MeasureResult(
                "Y17",
                "street_crimes",
                "1",
                Period.of(q),
                "locality",
                "=HYPERLINK(\"http://x\")",
                BigDecimal.TEN,
                null,
                BigDecimal.TEN,
                MeasureResult.Unit.EVENTS);
        String csv = Files.readString(ResultsCsv.write(List.of(r), q, dir));
        assertThat(csv).contains("'=HYPERLINK").doesNotContain(",\"=HYPERLINK").doesNotContain(",=HYPERLINK");
    }

    @Test
    void is_read_back_by_its_column_names_not_their_positions(@TempDir Path dir) throws IOException {
        // rerun compares figures by name: a file whose columns came in another order still reads the same values
        Path file = dir.resolve("results.csv");
        Files.writeString(
                file,
                "value,measure_id,figure,period,breakdown,breakdown_value\r\n12,Y02,episodes,2026-27 Q2,all,\r\n");
        assertThat(ResultsCsv.read(file)).singleElement().satisfies(row -> {
            assertThat(row.get("measure_id")).isEqualTo("Y02");
            assertThat(row.get("value")).isEqualTo("12");
        });
        Quarter q = Quarter.parse("2026-27 Q2");
        MeasureResult r = new MeasureResult(
                "Y02",
                "episodes",
                "1",
                Period.of(q),
                "all",
                null,
                BigDecimal.valueOf(7),
                BigDecimal.valueOf(20),
                BigDecimal.valueOf(7),
                MeasureResult.Unit.EVENTS);
        assertThat(ResultsCsv.read(ResultsCsv.write(List.of(r), q, dir)))
                .singleElement()
                .satisfies(row -> assertThat(row)
                        .containsEntry("numerator", "7")
                        .containsEntry("denominator", "20")
                        .containsEntry("unit", "EVENTS"));
    }
}
