package tyss.measure.service;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static tyss.measure.Results.q2;
import static tyss.measure.Results.total;

import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import tyss.measure.MeasureFixture;
import tyss.measure.MeasureResult;

/** Hand-worked fixtures for S04, response timescales, 2026-27 Q2 (1 July to 30 September 2026); each row says why it counts or not. */
class S04ResponseTimescalesTest {

    private final MeasureFixture store = new MeasureFixture();

    @Test
    void s04_medians_and_the_72_hour_rule_counted_inclusively() {
        referral("P1", of(2026, 7, 1), of(2026, 7, 3), of(2026, 7, 11)); // 2 days to decide, 10 to allocate
        referral("P2", of(2026, 7, 1), of(2026, 7, 7), null); // 6 days to decide
        referral("P3", of(2026, 6, 1), of(2026, 6, 5), of(2026, 7, 1)); // decided in Q1; allocated in Q2 after 30 days
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
        // P4, referred 20 Sep, first seen 2 Oct, after Q2: no first contact by Q2's end, so not in its median
        referral("P4", of(2026, 9, 20), null, null);
        contact("P4", of(2026, 10, 2));
        LocalDateTime back = LocalDateTime.of(2026, 8, 1, 10, 0);
        interview(
                back,
                back.plusHours(72),
                back.plusHours(72),
                "completed"); // offered and completed at exactly 72 hours: within
        interview(back, back.plusHours(73), null, "declined"); // offered at 73 hours: not within
        interview(back, null, null, "not_possible"); // never offered
        interview(
                back, back.plusHours(24), back.plusHours(80), "completed"); // offered within, completed after 72 hours
        interview(
                LocalDateTime.of(2026, 6, 30, 23, 0),
                LocalDateTime.of(2026, 7, 1, 9, 0),
                null,
                "completed"); // returned in Q1
        List<MeasureResult> r = q2(new S04ResponseTimescales(), store);
        assertThat(total(r, "median_days_to_decision")).isEqualTo("4");
        assertThat(total(r, "median_days_to_allocation")).isEqualTo("20");
        assertThat(total(r, "median_days_to_first_contact")).isEqualTo("9");
        assertThat(total(r, "returns")).isEqualTo("4");
        assertThat(total(r, "pct_rhi_offered_within_72h")).isEqualTo("50"); // 2 of 4
        assertThat(total(r, "pct_rhi_completed_within_72h")).isEqualTo("25"); // 1 of 4: the statutory standard
        assertThat(total(r, "rhi_completed")).isEqualTo("2");
        assertThat(total(r, "rhi_declined")).isEqualTo("1");
    }

    private void referral(String p, Object referred, Object decided, Object allocated) {
        store.row(
                "ds_tyss_referrals",
                "person_id",
                p,
                "tyss_id",
                p,
                "referral_date",
                referred,
                "referral_source",
                "police",
                "strand",
                "call-in",
                "decision",
                "accepted",
                "decision_date",
                decided,
                "allocated_date",
                allocated);
    }

    private void interview(LocalDateTime returned, LocalDateTime offered, LocalDateTime completed, String result) {
        store.row(
                "ds_tyss_return_interviews",
                "person_id",
                "P9",
                "tyss_id",
                "T9",
                "missing_start",
                returned.minusHours(20),
                "returned_at",
                returned,
                "offered_at",
                offered,
                "completed_at",
                completed,
                "result",
                result);
    }

    private void contact(String p, Object date) {
        store.row("ds_tyss_contacts", "person_id", p, "tyss_id", p, "contact_date", date, "type", "1:1", "minutes", 30);
    }
}
