package tyss.disclose;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import tyss.measure.MeasureResult;
import tyss.measure.MeasureResult.Unit;
import tyss.measure.Period;
import tyss.measure.Quarter;

class SmallNumberSuppressionTest {

    private static final Period Q = Period.of(Quarter.parse("2026-27 Q2"));
    private final SmallNumberSuppression rule = new SmallNumberSuppression(5);

    @Test
    void counts_of_one_to_five_are_hidden_and_true_zeros_are_not() {
        MeasureResult zero = count("all", "all", 0);
        MeasureResult three = count("all", "all", 3);
        MeasureResult six = count("all", "all", 6);
        assertThat(rule.suppressed(List.of(zero))).isEmpty();
        assertThat(rule.suppressed(List.of(three))).containsExactly(three);
        assertThat(rule.suppressed(List.of(six))).isEmpty();
    }

    @Test
    void a_lone_hidden_cell_takes_the_next_smallest_with_it() {
        // total 40 = police 3 + school 9 + health 12 + other 16: hiding only police would leave
        // 40 - 9 - 12 - 16 = 3, so school (the next smallest) is hidden too.
        MeasureResult total = count("all", "all", 40);
        MeasureResult police = count("source", "police", 3);
        MeasureResult school = count("source", "school", 9);
        MeasureResult health = count("source", "health", 12);
        MeasureResult other = count("source", "other", 16);
        assertThat(rule.suppressed(List.of(total, police, school, health, other))).containsExactlyInAnyOrder(police, school);
    }

    @Test
    void a_rate_on_a_small_numerator_is_hidden() {
        MeasureResult pct = new MeasureResult("S01", "pct_accepted", "1", Q, "all", "all", BigDecimal.valueOf(4), BigDecimal.valueOf(20),
                BigDecimal.valueOf(20.0), Unit.PERCENT);
        assertThat(rule.suppressed(List.of(pct))).containsExactly(pct);
    }

    @Test
    void no_hidden_cell_can_be_recovered_from_its_table_total() {
        Random random = new Random(7);
        for (int t = 0; t < 2_000; t++) {
            List<MeasureResult> table = new ArrayList<>();
            int sum = 0;
            int cells = 2 + random.nextInt(6);
            for (int i = 0; i < cells; i++) {
                int n = random.nextInt(4) == 0 ? random.nextInt(6) : random.nextInt(30);
                sum += n;
                table.add(count("source", "s" + i, n));
            }
            MeasureResult total = count("all", "all", sum);
            table.add(total);
            Set<MeasureResult> hidden = rule.suppressed(table);
            if (!hidden.contains(total)) {
                List<MeasureResult> hiddenCells = table.stream().filter(c -> c != total && hidden.contains(c)).toList();
                assertThat(hiddenCells.size()).as("table %d: a lone hidden cell equals the total minus the rest", t).isNotEqualTo(1);
            }
        }
    }

    private static MeasureResult count(String breakdown, String cell, int n) {
        return new MeasureResult("S01", "referrals", "1", Q, breakdown, cell, BigDecimal.valueOf(n), null, BigDecimal.valueOf(n), Unit.EVENTS);
    }
}
