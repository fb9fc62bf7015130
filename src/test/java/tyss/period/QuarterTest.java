package tyss.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class QuarterTest {

    @Test
    void q1_runs_april_to_june_and_q4_january_to_march_of_the_next_calendar_year() {
        assertThat(Quarter.parse("2025-26 Q1").start()).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(Quarter.parse("2025-26 Q1").end()).isEqualTo(LocalDate.of(2025, 6, 30));
        assertThat(Quarter.parse("2025-26Q4").start()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(Quarter.parse("2025-26-q4").end()).isEqualTo(LocalDate.of(2026, 3, 31));
    }

    @Test
    void finds_the_quarter_of_a_date_and_its_neighbours() {
        Quarter q = Quarter.containing(LocalDate.of(2026, 2, 14));
        assertThat(q).hasToString("2025-26 Q4");
        assertThat(q.next()).hasToString("2026-27 Q1");
        assertThat(q.previous()).hasToString("2025-26 Q3");
        assertThat(q.sameQuarterLastYear()).hasToString("2024-25 Q4");
        assertThat(Quarter.containing(LocalDate.of(2026, 4, 1))).hasToString("2026-27 Q1");
        assertThat(Quarter.containing(LocalDate.of(2026, 3, 31))).hasToString("2025-26 Q4");
    }

    @Test
    void rejects_what_is_not_a_financial_year_quarter_with_a_reason() {
        assertThatThrownBy(() -> Quarter.parse("2025 Q1")).hasMessageContaining("expected the form 2025-26 Q1");
        assertThatThrownBy(() -> Quarter.parse("2025-27 Q1")).hasMessageContaining("2025 is followed by 26");
        assertThatThrownBy(() -> Quarter.parse("2025-26 Q5")).hasMessageContaining("expected the form");
    }

    @Test
    void a_report_covers_eight_quarters_then_year_to_date_and_rolling_twelve_months() {
        var periods = Period.forReport(Quarter.parse("2026-27 Q2"));
        assertThat(periods).hasSize(10);
        assertThat(periods.get(0).label()).isEqualTo("2024-25 Q3");
        assertThat(periods.get(7).label()).isEqualTo("2026-27 Q2");
        assertThat(periods.get(8).start()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(periods.get(9).start()).isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(periods.get(9).end()).isEqualTo(LocalDate.of(2026, 9, 30));
    }
}
