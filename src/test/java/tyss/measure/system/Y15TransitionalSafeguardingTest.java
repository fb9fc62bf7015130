package tyss.measure.system;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static tyss.measure.Results.q2;
import static tyss.measure.Results.total;

import java.util.List;

import org.junit.jupiter.api.Test;

import tyss.measure.MeasureFixture;
import tyss.measure.MeasureResult;

/** Hand-worked fixtures for Y15, transitional safeguarding, 2026-27 Q2 (1 July to 30 September 2026); each row says why it counts or not. */
class Y15TransitionalSafeguardingTest {

    private final MeasureFixture store = new MeasureFixture();

    @Test
    void y15_finds_the_cohort_turning_18_and_what_follows_them() {
        cohort("C1", of(2008, 7, 1), of(2026, 1, 5), null); // 18 on 1 Jul 2026, open
        cohort("C2", of(2008, 9, 1), of(2026, 1, 5), of(2026, 8, 1)); // 18 on 1 Sep 2026, closed before
        cohort("C3", of(2008, 10, 1), of(2026, 1, 5), null); // 18 in October: not this period
        store.row(
                "ds_tyss_onward_referrals",
                "person_id",
                "C2",
                "tyss_id",
                "C2",
                "event_date",
                of(2026, 7, 20),
                "service",
                "Leaving care service",
                "kind",
                "council");
        List<MeasureResult> r = q2(new Y15TransitionalSafeguarding(), store);
        assertThat(total(r, "turning_18")).isEqualTo("2");
        assertThat(total(r, "open_at_18")).isEqualTo("1");
        assertThat(total(r, "adult_or_leaving_care_referral")).isEqualTo("1");
    }

    private void cohort(String p, Object birthMonth, Object allocated, Object closed) {
        store.row(
                "ds_tyss_referrals",
                "person_id",
                p,
                "tyss_id",
                p,
                "birth_month",
                birthMonth,
                "referral_date",
                of(2026, 1, 1),
                "referral_source",
                "police",
                "strand",
                "call-in",
                "allocated_date",
                allocated,
                "closed_date",
                closed);
    }
}
