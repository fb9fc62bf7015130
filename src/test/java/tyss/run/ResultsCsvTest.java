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
import tyss.measure.Period;
import tyss.measure.Quarter;

class ResultsCsvTest {

    @Test
    void a_locality_named_as_a_formula_is_written_as_text(@TempDir Path dir) throws IOException {
        // a locality from a partner's lookup named =HYPERLINK(...) was written as a live formula (issue 21, item 5)
        Quarter q = Quarter.parse("2026-27 Q2");
        MeasureResult r = new MeasureResult("Y17", "street_crimes", "1", Period.of(q), "locality", "=HYPERLINK(\"http://x\")",
                BigDecimal.TEN, null, BigDecimal.TEN, MeasureResult.Unit.EVENTS);
        String csv = Files.readString(ReportAssembler.writeResultsCsv(List.of(r), q, dir));
        assertThat(csv).contains("'=HYPERLINK").doesNotContain(",\"=HYPERLINK").doesNotContain(",=HYPERLINK");
    }
}
