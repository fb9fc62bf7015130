package tyss.measure.service;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static tyss.measure.Results.q2;
import static tyss.measure.Results.total;
import static tyss.measure.Results.value;

import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import tyss.measure.MeasureFixture;
import tyss.measure.MeasureResult;

/** Hand-worked fixtures for the measures that follow a case over time, 2026-27 Q2 (1 Jul - 30 Sep 2026). */
class ServiceCaseMeasuresTest {

    private final MeasureFixture store = new MeasureFixture();

    @Test
    void s02_compares_each_young_persons_first_and_latest_risk_level() {
        review("P1", of(2026, 4, 1), "high");
        review("P1", of(2026, 8, 1), "medium");     // P1: high -> medium, reduced
        review("P2", of(2026, 5, 1), "low");
        review("P2", of(2026, 7, 1), "medium");     // P2: low -> medium, increased
        review("P3", of(2026, 7, 1), "high");       // P3: one review only, not tracked
        review("P4", of(2026, 1, 1), "high");
        review("P4", of(2026, 3, 1), "low");        // P4: no review in Q2, not tracked
        review("P5", of(2026, 9, 1), "low");
        review("P5", of(2026, 9, 30), "low");       // P5: same
        review("P5", of(2026, 10, 2), "high");      // after Q2: ignored
        List<MeasureResult> r = q2(new S02RiskTrajectory(), store);
        assertThat(total(r, "young_people_tracked")).isEqualTo("3");
        assertThat(total(r, "pct_reduced")).isEqualTo("33.3");
        assertThat(total(r, "pct_increased")).isEqualTo("33.3");
        assertThat(total(r, "pct_same")).isEqualTo("33.3");
    }

    @Test
    void s02_level_at_closure_is_the_latest_review_on_or_before_the_day_the_case_closed() {
        // Closed in Q2: P1 on 10 Aug, reviewed high (1 Apr) then medium (1 Aug): medium; P2 on 30
        // Sep, reviewed low that day: low; P3 on 1 Jul, only reviewed after closing: no review.
        // P4 closed on 30 Jun (Q1): not counted. Closed 3: medium 1, low 1, no review 1, high 0.
        closed("P1", of(2026, 8, 10));
        review("P1", of(2026, 4, 1), "high");
        review("P1", of(2026, 8, 1), "medium");
        closed("P2", of(2026, 9, 30));
        review("P2", of(2026, 9, 30), "low");
        closed("P3", of(2026, 7, 1));
        review("P3", of(2026, 7, 2), "high");
        closed("P4", of(2026, 6, 30));
        review("P4", of(2026, 6, 1), "high");
        List<MeasureResult> r = q2(new S02RiskTrajectory(), store);
        assertThat(total(r, "young_people_closed")).isEqualTo("3");
        assertThat(value(r, "young_people_closed", "level_at_closure", "medium")).isEqualTo("1");
        assertThat(value(r, "young_people_closed", "level_at_closure", "low")).isEqualTo("1");
        assertThat(value(r, "young_people_closed", "level_at_closure", "no review")).isEqualTo("1");
        assertThat(value(r, "young_people_closed", "level_at_closure", "high")).isEqualTo("0");
    }

    private void closed(String p, Object closed) {
        store.row("ds_tyss_referrals", "person_id", p, "tyss_id", p, "referral_date", of(2026, 1, 5), "allocated_date", of(2026, 1, 9),
                "closed_date", closed);
    }

    @Test
    void s04_medians_and_the_72_hour_rule_counted_inclusively() {
        referral("P1", of(2026, 7, 1), of(2026, 7, 3), of(2026, 7, 11));    // 2 days to decide, 10 to allocate
        referral("P2", of(2026, 7, 1), of(2026, 7, 7), null);               // 6 days to decide
        referral("P3", of(2026, 6, 1), of(2026, 6, 5), of(2026, 7, 1));     // decided in Q1; allocated in Q2 after 30 days
        // median days to decision: 2 and 6 -> 4; to allocation: 10 and 30 -> 20
        // first contact on or after the referral, made in Q2: P1's 30 June contact is before its
        // referral, so its first is 5 July (4 days); P2's 15 July (14 days); P3's first was 20 June,
        // in Q1, so P3 is not in Q2's median. Median days to first contact: 4 and 14 -> 9.
        contact("P1", of(2026, 6, 30));
        contact("P1", of(2026, 7, 5));
        contact("P1", of(2026, 7, 9));
        contact("P2", of(2026, 7, 15));
        contact("P3", of(2026, 6, 20));
        contact("P3", of(2026, 7, 10));
        LocalDateTime back = LocalDateTime.of(2026, 8, 1, 10, 0);
        interview(back, back.plusHours(72), back.plusHours(72), "completed");   // offered and completed at exactly 72 hours: within
        interview(back, back.plusHours(73), null, "declined");                  // offered at 73 hours: not within
        interview(back, null, null, "not_possible");                            // never offered
        interview(back, back.plusHours(24), back.plusHours(80), "completed");   // offered within, completed after 72 hours
        interview(LocalDateTime.of(2026, 6, 30, 23, 0), LocalDateTime.of(2026, 7, 1, 9, 0), null, "completed"); // returned in Q1
        List<MeasureResult> r = q2(new S04ResponseTimescales(), store);
        assertThat(total(r, "median_days_to_decision")).isEqualTo("4");
        assertThat(total(r, "median_days_to_allocation")).isEqualTo("20");
        assertThat(total(r, "median_days_to_first_contact")).isEqualTo("9");
        assertThat(total(r, "returns")).isEqualTo("4");
        assertThat(total(r, "pct_rhi_offered_within_72h")).isEqualTo("50");    // 2 of 4
        assertThat(total(r, "pct_rhi_completed_within_72h")).isEqualTo("25");  // 1 of 4: the statutory standard
        assertThat(total(r, "rhi_completed")).isEqualTo("2");
        assertThat(total(r, "rhi_declined")).isEqualTo("1");
    }

    @Test
    void s12_counts_first_reviews_after_allocation() {
        referral("P1", of(2026, 6, 20), of(2026, 6, 21), of(2026, 7, 1));
        review("P1", of(2026, 6, 25), "high");       // before allocation: not the assessment
        review("P1", of(2026, 7, 15), "high");       // 14 days after allocation
        referral("P2", of(2026, 7, 1), of(2026, 7, 2), of(2026, 8, 1));
        review("P2", of(2026, 8, 7), "low");         // 6 days
        referral("P3", of(2026, 9, 1), of(2026, 9, 2), of(2026, 9, 28));   // not yet assessed
        List<MeasureResult> r = q2(new S12Assessments(), store);
        assertThat(total(r, "allocated")).isEqualTo("3");
        assertThat(total(r, "pct_assessed")).isEqualTo("66.7");
        assertThat(total(r, "median_days_to_assessment")).isEqualTo("10");     // 14 and 6
    }

    @Test
    void s13_pairs_first_and_latest_scores_and_judges_reliable_change_per_tool() {
        tool("P1", "SWEMWBS", of(2026, 1, 10), 18);
        tool("P1", "SWEMWBS", of(2026, 8, 10), 23);      // +5 > 3: reliable improvement
        tool("P2", "SWEMWBS", of(2026, 2, 10), 20);
        tool("P2", "SWEMWBS", of(2026, 9, 10), 22);      // +2: no reliable change
        tool("P3", "SDQ", of(2026, 1, 10), 20);
        tool("P3", "SDQ", of(2026, 8, 10), 28);          // +8 on SDQ (lower is better): reliable deterioration
        tool("P4", "SWEMWBS", of(2026, 8, 10), 15);      // a single score: no pair
        List<MeasureResult> r = q2(new S13DistanceTravelled(), store);
        assertThat(value(r, "pairs", "tool", "SWEMWBS")).isEqualTo("2");
        assertThat(value(r, "mean_change", "tool", "SWEMWBS")).isEqualTo("3.5");
        assertThat(value(r, "pct_reliable_improvement", "tool", "SWEMWBS")).isEqualTo("50");
        assertThat(value(r, "pct_reliable_deterioration", "tool", "SDQ")).isEqualTo("100");
    }

    @Test
    void s13_mean_change_is_exact_decimal_arithmetic() {
        // Youth Star 10.00 then 10.35: a change of 0.35, which rounds half up to 0.4. In binary
        // floating point 10.35 - 10.0 is 0.34999..., which rounded to 0.3.
        tool("P5", "YOUTH_STAR", of(2026, 1, 10), 10.0);
        tool("P5", "YOUTH_STAR", of(2026, 8, 10), 10.35);
        assertThat(value(q2(new S13DistanceTravelled(), store), "mean_change", "tool", "YOUTH_STAR")).isEqualTo("0.4");
    }

    private void review(String p, Object date, String level) {
        store.row("ds_tyss_risk_reviews", "person_id", p, "tyss_id", p, "review_date", date, "risk_level", level);
    }

    private void referral(String p, Object referred, Object decided, Object allocated) {
        store.row("ds_tyss_referrals", "person_id", p, "tyss_id", p, "referral_date", referred, "referral_source", "police", "strand", "call-in",
                "decision", "accepted", "decision_date", decided, "allocated_date", allocated);
    }

    private void interview(LocalDateTime returned, LocalDateTime offered, LocalDateTime completed, String result) {
        store.row("ds_tyss_return_interviews", "person_id", "P9", "tyss_id", "T9", "missing_start", returned.minusHours(20), "returned_at", returned,
                "offered_at", offered, "completed_at", completed, "result", result);
    }

    private void contact(String p, Object date) {
        store.row("ds_tyss_contacts", "person_id", p, "tyss_id", p, "contact_date", date, "type", "1:1", "minutes", 30);
    }

    private void tool(String p, String tool, Object date, double score) {
        store.row("ds_tyss_outcome_tools", "person_id", p, "tyss_id", p, "tool", tool, "assessment_date", date, "score", score);
    }
}
