package tyss.measure.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class BaselineTest {

    @Test
    void wilson_interval_matches_the_published_value_for_5_of_10() {
        // Wilson (1927) score interval for 5/10: 0.2366 to 0.7634 (Newcombe 1998, Table I)
        double[] ci = Baseline.wilson(5, 10);
        assertThat(ci[0]).isCloseTo(0.2366, within(0.0001));
        assertThat(ci[1]).isCloseTo(0.7634, within(0.0001));
    }

    @Test
    void newcombes_method_10_matches_his_worked_example() {
        // Newcombe (1998), Statistics in Medicine 17:873, example (a): 56/70 - 48/80 = 0.175, CI 0.0524 to 0.3339
        double[] w1 = Baseline.wilson(56, 70);
        double[] w0 = Baseline.wilson(48, 80);
        double p1 = 56 / 70.0;
        double p0 = 48 / 80.0;
        double low = (p1 - p0) - Math.sqrt(Math.pow(p1 - w1[0], 2) + Math.pow(w0[1] - p0, 2));
        double high = (p1 - p0) + Math.sqrt(Math.pow(w1[1] - p1, 2) + Math.pow(p0 - w0[0], 2));
        assertThat(low).isCloseTo(0.0524, within(0.0001));
        assertThat(high).isCloseTo(0.3339, within(0.0001));
    }

    @Test
    void a_baseline_is_a_financial_year_or_a_quarter() {
        assertThat(Baseline.parse("2024-25").start()).isEqualTo(LocalDate.of(2024, 4, 1));
        assertThat(Baseline.parse("2024-25").end()).isEqualTo(LocalDate.of(2025, 3, 31));
        assertThat(Baseline.parse("2024-25 Q3").start()).isEqualTo(LocalDate.of(2024, 10, 1));
        assertThatThrownBy(() -> Baseline.parse("last year")).hasMessageContaining("--baseline takes a financial year such as 2024-25");
    }
}
