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
import tyss.period.Period;
import tyss.period.Quarter;

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
        assertThat(rule.suppressed(List.of(total, police, school, health, other)))
                .containsExactlyInAnyOrder(police, school);
    }

    @Test
    void a_rate_on_a_small_numerator_is_hidden() {
        MeasureResult pct = new MeasureResult(
                "S01",
                "pct_accepted",
                "1",
                Q,
                "all",
                "all",
                BigDecimal.valueOf(4),
                BigDecimal.valueOf(20),
                BigDecimal.valueOf(20.0),
                Unit.PERCENT);
        assertThat(rule.suppressed(List.of(pct))).containsExactly(pct);
    }

    @Test
    void a_withheld_outcome_is_not_left_to_be_had_from_the_share_accepted_of_the_outcomes() {
        // S03: 30 onward referrals = accepted 20 + declined 3 + waiting 7; 20 accepted of the 23 with an outcome.
        // Declined (3) is withheld; shown, the share's 20 of 23 would give it back as 23 - 20, so the share goes too.
        MeasureResult total = onward("all", "all", 30);
        MeasureResult accepted = onward("outcome", "accepted", 20);
        MeasureResult declined = onward("outcome", "declined", 3);
        MeasureResult waiting = onward("outcome", "waiting", 7);
        MeasureResult pct = new MeasureResult(
                "S03",
                "pct_accepted",
                "1",
                Q,
                "all",
                "all",
                BigDecimal.valueOf(20),
                BigDecimal.valueOf(23),
                BigDecimal.valueOf(87.0),
                Unit.PERCENT);
        List<MeasureResult> all = List.of(total, accepted, declined, waiting, pct);
        Set<MeasureResult> hidden = rule.suppressed(all);
        assertThat(hidden).contains(declined, pct);
        assertThat(IntruderAudit.of(
                                all.stream()
                                        .map(r -> SmallNumberSuppression.published(r, hidden.contains(r)))
                                        .toList(),
                                5)
                        .passed())
                .isTrue();
    }

    private static MeasureResult onward(String breakdown, String cell, int n) {
        return new MeasureResult(
                "S03",
                "onward_referrals",
                "1",
                Q,
                breakdown,
                cell,
                BigDecimal.valueOf(n),
                null,
                BigDecimal.valueOf(n),
                Unit.EVENTS);
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
                List<MeasureResult> hiddenCells = table.stream()
                        .filter(c -> c != total && hidden.contains(c))
                        .toList();
                assertThat(hiddenCells.size())
                        .as("table %d: a lone hidden cell equals the total minus the rest", t)
                        .isNotEqualTo(1);
            }
        }
    }

    @Test
    void a_year_to_date_or_12_month_figure_spanning_a_hidden_quarter_is_hidden_and_its_table_protected() {
        // Police referrals: Q1 20, Q2 3 (hidden). Year to date 23 less Q1's 20 would give Q2's 3, so
        // the year to date is hidden, and so is the 12 months to Q2 (which spans Q2 too). At year to
        // date the source table is total 53 = police 23 + school 30: with police alone hidden,
        // 53 - 30 = 23 gives it back, so school is hidden as well; with two cells hidden the total
        // may stay. Q1's own figure is untouched.
        Quarter q2 = Quarter.parse("2026-27 Q2");
        Period q1 = Period.of(q2.previous());
        Period ytd = Period.yearToDate(q2);
        Period r12 = Period.rolling12Months(q2);
        MeasureResult policeQ1 = count(q1, "source", "police", 20);
        MeasureResult policeQ2 = count(Q, "source", "police", 3);
        MeasureResult policeYtd = count(ytd, "source", "police", 23);
        MeasureResult schoolYtd = count(ytd, "source", "school", 30);
        MeasureResult totalYtd = count(ytd, "all", "all", 53);
        MeasureResult policeR12 = count(r12, "source", "police", 90);
        Set<MeasureResult> hidden =
                rule.suppressed(List.of(policeQ1, policeQ2, policeYtd, schoolYtd, totalYtd, policeR12));
        assertThat(hidden).containsExactlyInAnyOrder(policeQ2, policeYtd, schoolYtd, policeR12);
    }

    @Test
    void people_in_a_figure_of_either_kind_less_those_of_one_kind_is_never_a_small_count() {
        // Y02: 40 people missing, 12 away, 43 missing or away, none of them small; but 43 - 40 = 3
        // children were only ever away, which a reader gets by subtraction. The smallest figure
        // of the relation (away, 12) is withheld: then only-away is 43 - 40 = 3 still, so the
        // whole or the part must go; the audit's own check (no rest within 1 to 5) must hold.
        MeasureResult missing = people("people_missing", 40);
        MeasureResult away = people("people_away", 12);
        MeasureResult either = people("people_missing_or_away", 43);
        Set<MeasureResult> hidden = rule.suppressed(List.of(missing, away, either));
        assertThat(hidden).isNotEmpty().containsAnyOf(missing, either);
        List<Published> view = List.of(missing, away, either).stream()
                .map(r -> SmallNumberSuppression.published(r, hidden.contains(r)))
                .toList();
        assertThat(Intervals.unprotected(new LinkedTables(view), 5)).isEmpty();
    }

    @Test
    void a_mean_change_per_person_is_withheld_with_the_events_it_rests_on() {
        // Y02 over 6 months: 20 young people, 3 events before (small), 40 after. The mean change per
        // person is (40 - 3) / 20 = 1.85; published beside 20 people and 40 events after, it gives
        // back 40 - 1.85 x 20 = 3 events before. Its numerator (37) is no count of the table, so
        // only the before/after rule can see it: the mean and its interval go with the count.
        MeasureResult people = span("people_6m", 20, Unit.PEOPLE);
        MeasureResult before = span("before_6m_events", 3, Unit.EVENTS);
        MeasureResult after = span("after_6m_events", 40, Unit.EVENTS);
        MeasureResult mean = new MeasureResult(
                "Y02",
                "change_6m_per_person",
                "3",
                Q,
                "before_after",
                "all",
                BigDecimal.valueOf(37),
                BigDecimal.valueOf(20),
                new BigDecimal("1.85"),
                Unit.MEAN);
        MeasureResult low = new MeasureResult(
                "Y02",
                "change_6m_ci95_low",
                "3",
                Q,
                "before_after",
                "all",
                BigDecimal.valueOf(37),
                BigDecimal.valueOf(20),
                new BigDecimal("1.10"),
                Unit.MEAN);
        MeasureResult other = new MeasureResult(
                "Y02",
                "change_12m_per_person",
                "3",
                Q,
                "before_after",
                "all",
                BigDecimal.valueOf(50),
                BigDecimal.valueOf(25),
                new BigDecimal("2.00"),
                Unit.MEAN);
        Set<MeasureResult> hidden = rule.suppressed(List.of(people, before, after, mean, low, other));
        assertThat(hidden).contains(before, mean, low).doesNotContain(other);
    }

    private static MeasureResult span(String figure, int n, Unit unit) {
        return new MeasureResult(
                "Y02", figure, "3", Q, "before_after", "all", BigDecimal.valueOf(n), null, BigDecimal.valueOf(n), unit);
    }

    private static MeasureResult people(String figure, int n) {
        return new MeasureResult(
                "Y02",
                figure,
                "3",
                Q,
                "population",
                "cohort",
                BigDecimal.valueOf(n),
                null,
                BigDecimal.valueOf(n),
                Unit.PEOPLE);
    }

    private static MeasureResult count(Period p, String breakdown, String cell, int n) {
        return new MeasureResult(
                "S01",
                "referrals",
                "1",
                p,
                breakdown,
                cell,
                BigDecimal.valueOf(n),
                null,
                BigDecimal.valueOf(n),
                Unit.EVENTS);
    }

    private static MeasureResult count(String breakdown, String cell, int n) {
        return new MeasureResult(
                "S01",
                "referrals",
                "1",
                Q,
                breakdown,
                cell,
                BigDecimal.valueOf(n),
                null,
                BigDecimal.valueOf(n),
                Unit.EVENTS);
    }
}
