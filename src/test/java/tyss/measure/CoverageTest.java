package tyss.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import tyss.period.Period;
import tyss.period.Quarter;

class CoverageTest {

    private static Set<YearMonth> months(String from, String to) {
        Set<YearMonth> m = new TreeSet<>();
        for (YearMonth x = YearMonth.parse(from); !x.isAfter(YearMonth.parse(to)); x = x.plusMonths(1)) {
            m.add(x);
        }
        return m;
    }

    @Test
    void a_dataset_covers_a_period_its_data_began_by_and_reaches_into() {
        // police/asb: April 2024 to August 2026 (its last rows in August). 2026-27 Q2 is July to
        // September 2026: begun by July, reaching into it, so covered. 2026-27 Q3 (October to
        // December) is not reached; 2024-25 Q1 (April to June 2024) began in April, so covered;
        // 2023-24 Q4 (January to March 2024) is before the data began.
        Map<String, Set<YearMonth>> months = new HashMap<>();
        months.put("police/asb", months("2024-04", "2026-08"));
        months.put("reference/targets", null);
        Coverage c = new Coverage(months, List.of());
        assertThat(c.covers("police/asb", Period.of(Quarter.parse("2026-27 Q2"))))
                .isTrue();
        assertThat(c.covers("police/asb", Period.of(Quarter.parse("2026-27 Q3"))))
                .isFalse();
        assertThat(c.covers("police/asb", Period.of(Quarter.parse("2024-25 Q1"))))
                .isTrue();
        assertThat(c.covers("police/asb", Period.of(Quarter.parse("2023-24 Q4"))))
                .isFalse();
        // the 12 months to 2026-27 Q2 start in October 2025: covered; a dataset never received is not
        assertThat(c.covers("police/asb", Period.rolling12Months(Quarter.parse("2026-27 Q2"))))
                .isTrue();
        assertThat(c.covers("police/county-lines", Period.of(Quarter.parse("2026-27 Q2"))))
                .isFalse();
        // an undated dataset that was loaded covers every period
        assertThat(c.covers("reference/targets", Period.of(Quarter.parse("2030-31 Q1"))))
                .isTrue();
        assertThat(c.anyCovers(Period.of(Quarter.parse("2030-31 Q1")))).isFalse();
        assertThat(c.anyCovers(Period.of(Quarter.parse("2026-27 Q2")))).isTrue();
    }
}
