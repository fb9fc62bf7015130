package tyss.disclose;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import tyss.measure.MeasureResult;
import tyss.measure.MeasureResult.Unit;
import tyss.period.Period;
import tyss.period.Quarter;

/**
 * The two attacks found on the commissioners' edition of the 2026-27 Q2 samples (issue 15), kept
 * as fixtures: what the old suppression published, which the audit must catch, and the same
 * results through today's suppression, which it must pass.
 */
class IntruderAuditTest {

    private static final Period Q = Period.of(Quarter.parse("2026-27 Q2"));

    /** Y03 first-time entrants: 11 in the authority, 6 of them in the cohort (all CCE), so 5 outside it. */
    private static List<MeasureResult> firstTimeEntrants() {
        return List.of(
                count("Y03", "first_time_entrants", "population", "authority", 11),
                count("Y03", "first_time_entrants", "population", "cohort", 6),
                count("Y03", "first_time_entrants", "strand", "cce", 6),
                count("Y03", "first_time_entrants", "strand", "cse", 0));
    }

    /** S13 YOUTH STAR this quarter: 20 pairs, 1 reliable improvement (5.0%), 19 no reliable change (95.0%), 0 deterioration. */
    private static List<MeasureResult> youthStar() {
        return List.of(
                count("S13", "pairs", "tool", "YOUTH_STAR", 20),
                share("pct_reliable_improvement", 1, 20),
                share("pct_no_reliable_change", 19, 20),
                share("pct_reliable_deterioration", 0, 20));
    }

    @Test
    void what_the_old_suppression_published_gives_both_counts_back() {
        // As main published them: 11 and 6 both shown (neither is 1 to 5); of the shares only the
        // improvement (numerator 1) withheld, so 20 - 19 - 0 = 1.
        List<Published> published = new ArrayList<>();
        firstTimeEntrants().forEach(r -> published.add(SmallNumberSuppression.published(r, false)));
        youthStar()
                .forEach(r -> published.add(
                        SmallNumberSuppression.published(r, r.figure().equals("pct_reliable_improvement"))));
        IntruderAudit.Result audit = IntruderAudit.of(published, 5);
        assertThat(audit.passed()).isFalse();
        assertThat(audit.findings())
                .anySatisfy(f -> assertThat(f)
                        .startsWith("Y03 first_time_entrants, 2026-27 Q2, population outside the cohort")
                        .contains("exactly 5"));
        assertThat(audit.findings())
                .anySatisfy(f -> assertThat(f)
                        .startsWith("S13 pct_reliable_improvement, 2026-27 Q2, tool YOUTH_STAR")
                        .contains("exactly 1"));
    }

    @Test
    void the_suppression_withholds_one_more_figure_of_each_relation_and_the_audit_passes() {
        List<MeasureResult> results = new ArrayList<>(firstTimeEntrants());
        results.addAll(youthStar());
        SmallNumberSuppression.Decision decision = new SmallNumberSuppression(5).decide(results);
        // The authority (11) is in one relation only; the cohort (6) is in its strand breakdown too,
        // which would give it back (6 + 0): withholding the authority leaves the rest anywhere from 0 up. The
        // improvement share rests
        // on 1; of the other shares the deterioration is a true 0, so the no-change share (19) goes.
        assertThat(names(decision.hidden()))
                .containsExactlyInAnyOrder(
                        "Y03 first_time_entrants authority",
                        "S13 pct_reliable_improvement YOUTH_STAR",
                        "S13 pct_no_reliable_change YOUTH_STAR");
        assertThat(names(decision.primary())).containsExactly("S13 pct_reliable_improvement YOUTH_STAR");
        assertThat(IntruderAudit.of(publish(results, decision.hidden()), 5).passed())
                .isTrue();
    }

    @Test
    void without_secondary_suppression_the_audit_fails() {
        List<MeasureResult> results = new ArrayList<>(firstTimeEntrants());
        results.addAll(youthStar());
        Set<MeasureResult> hidden = new SmallNumberSuppression(5, false).suppressed(results);
        assertThat(IntruderAudit.of(publish(results, hidden), 5).findings()).hasSize(2);
    }

    @Test
    void a_breakdown_with_two_withheld_cells_leaves_each_anywhere_in_their_sum() {
        // total 40 = police 3 + school 9 + health 12 + other 16. Withheld police and school: a reader
        // knows police + school = 40 - 12 - 16 = 12, and that a withheld count is at least 1 (a true
        // zero is shown), so each lies in 1..11: 11 values, protected.
        // Withheld police alone, it is 40 - 9 - 12 - 16 = 3: pinned.
        List<MeasureResult> table = List.of(
                count("S01", "referrals", "all", "all", 40),
                count("S01", "referrals", "source", "police", 3),
                count("S01", "referrals", "source", "school", 9),
                count("S01", "referrals", "source", "health", 12),
                count("S01", "referrals", "source", "other", 16));
        assertThat(IntruderAudit.of(publish(table, Set.of(table.get(1), table.get(2))), 5)
                        .passed())
                .isTrue();
        assertThat(IntruderAudit.of(publish(table, Set.of(table.get(1))), 5).findings())
                .singleElement()
                .satisfies(f -> assertThat(f)
                        .contains("S01 referrals, 2026-27 Q2, source police can be worked out as exactly 3"));
    }

    @Test
    void two_withheld_cells_that_add_up_to_a_small_number_are_not_enough() {
        // total 50 = a 1 + b 2 + c 47: withholding a and b tells a reader a + b = 3, so each is 1..2
        // (2 values, fewer than 6): the suppression must withhold c as well, leaving each in 1..48.
        List<MeasureResult> table = List.of(
                count("S05", "joint_working", "all", "all", 50),
                count("S05", "joint_working", "partner", "a", 1),
                count("S05", "joint_working", "partner", "b", 2),
                count("S05", "joint_working", "partner", "c", 47));
        assertThat(IntruderAudit.of(publish(table, Set.of(table.get(1), table.get(2))), 5)
                        .findings())
                .hasSize(2);
        Set<MeasureResult> hidden = new SmallNumberSuppression(5).suppressed(table);
        assertThat(names(hidden))
                .containsExactlyInAnyOrder("S05 joint_working a", "S05 joint_working b", "S05 joint_working c");
        assertThat(IntruderAudit.of(publish(table, hidden), 5).passed()).isTrue();
    }

    private static List<Published> publish(List<MeasureResult> results, Set<MeasureResult> hidden) {
        return results.stream()
                .map(r -> SmallNumberSuppression.published(r, hidden.contains(r)))
                .toList();
    }

    private static List<String> names(Set<MeasureResult> rs) {
        return rs.stream()
                .map(r -> r.measureId() + " " + r.figure() + " " + r.breakdownValue())
                .toList();
    }

    private static MeasureResult count(String id, String figure, String breakdown, String cell, int n) {
        Unit unit = figure.equals("pairs") || figure.equals("first_time_entrants") ? Unit.PEOPLE : Unit.EVENTS;
        return new MeasureResult(
                id, figure, "1", Q, breakdown, cell, BigDecimal.valueOf(n), null, BigDecimal.valueOf(n), unit);
    }

    private static MeasureResult share(String figure, int n, int of) {
        return new MeasureResult(
                "S13",
                figure,
                "1",
                Q,
                "tool",
                "YOUTH_STAR",
                BigDecimal.valueOf(n),
                BigDecimal.valueOf(of),
                BigDecimal.valueOf(1000L * n / of, 1),
                Unit.PERCENT);
    }
}
