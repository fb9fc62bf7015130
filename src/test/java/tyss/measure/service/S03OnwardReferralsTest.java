package tyss.measure.service;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static tyss.measure.Results.q2;
import static tyss.measure.Results.total;
import static tyss.measure.Results.value;

import java.util.List;

import org.junit.jupiter.api.Test;

import tyss.measure.MeasureFixture;
import tyss.measure.MeasureResult;

/** Hand-worked fixtures for S03, onward referrals, 2026-27 Q2 (1 July to 30 September 2026); each row says why it counts or not. */
class S03OnwardReferralsTest {

    private final MeasureFixture store = new MeasureFixture();

    @Test
    void s03_counts_onward_referrals_and_the_share_accepted_of_those_decided() {
        onward("P1", of(2026, 7, 1), "council", "Early help", "accepted"); // counts
        onward("P2", of(2026, 8, 1), "third_party", "Sports", "declined"); // counts
        onward("P3", of(2026, 9, 30), "council", "Early help", "waiting"); // counts, not yet decided
        onward("P4", of(2026, 6, 30), "council", "Early help", "accepted"); // excluded: Q1
        List<MeasureResult> r = q2(new S03OnwardReferrals(), store);
        assertThat(total(r, "onward_referrals")).isEqualTo("3");
        assertThat(value(r, "onward_referrals", "kind", "council")).isEqualTo("2");
        // 1 accepted of 2 decided (waiting is not an outcome yet) = 50.0%
        assertThat(total(r, "pct_accepted")).isEqualTo("50");
    }

    @Test
    void s03_breaks_onward_referrals_down_by_outcome_for_the_referral_flow() {
        onward("P1", of(2026, 7, 1), "council", "Early help", "accepted"); // accepted
        onward("P2", of(2026, 7, 5), "council", "Early help", "accepted"); // accepted
        onward("P3", of(2026, 8, 1), "third_party", "Sports", "declined"); // declined
        onward("P4", of(2026, 9, 30), "council", "Early help", "waiting"); // waiting, on the quarter's last day
        onward("P5", of(2026, 9, 1), "council", "Housing", null); // not recorded
        onward("P6", of(2026, 6, 30), "council", "Early help", "declined"); // excluded: Q1
        List<MeasureResult> r = q2(new S03OnwardReferrals(), store);
        // 2 + 1 + 1 + 1 = the 5 made in Q2; accepted and declined are the share's numerator and base (2 of 3)
        assertThat(value(r, "onward_referrals", "outcome", "accepted")).isEqualTo("2");
        assertThat(value(r, "onward_referrals", "outcome", "declined")).isEqualTo("1");
        assertThat(value(r, "onward_referrals", "outcome", "waiting")).isEqualTo("1");
        assertThat(value(r, "onward_referrals", "outcome", "not recorded")).isEqualTo("1");
        assertThat(total(r, "onward_referrals")).isEqualTo("5");
    }

    private void onward(String person, Object date, String kind, String service, String outcome) {
        store.row(
                "ds_tyss_onward_referrals",
                "person_id",
                person,
                "event_date",
                date,
                "kind",
                kind,
                "service",
                service,
                "outcome",
                outcome);
    }
}
