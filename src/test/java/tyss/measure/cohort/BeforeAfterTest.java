package tyss.measure.cohort;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import tyss.measure.Coverage;
import tyss.measure.MeasureFixture;
import tyss.measure.MeasureResult;

/**
 * Reporting quarter 2026-27 Q2 (ends 30 September 2026). Hand-worked for ASB (Y06):
 * A allocated 1 Jan 2026: 6-month spans 1 Jul 2025 - 31 Dec 2025 (before) and 1 Jan - 30 Jun 2026
 *   (after), elapsed by 30 Sep: before 2 incidents (Aug, Dec 2025), after 1 (Mar 2026).
 * B allocated 1 Mar 2026: after-span ends 31 Aug 2026, elapsed: before 1 (Feb 2026), after 0.
 * C allocated 1 Jun 2026: after-span would end 30 Nov 2026, not elapsed: not counted.
 * D referred but never allocated: not in before/after.
 * 6 months: people 2, before 3, after 1. 12 months: only A's (to 31 Dec 2026) has not elapsed either,
 * so 12 months rests on nobody yet: people 0.
 */
class BeforeAfterTest {

    private final MeasureFixture store = new MeasureFixture();

    @Test
    void compares_equal_spans_before_and_after_allocation_once_they_have_elapsed() {
        referral("A", of(2026, 1, 1));
        referral("B", of(2026, 3, 1));
        referral("C", of(2026, 6, 1));
        referral("D", null);
        asb("A", of(2025, 6, 30)); // outside A's 6-month before-span
        asb("A", of(2025, 8, 10)); // before
        asb("A", of(2025, 12, 31)); // before (the day before allocation)
        asb("A", of(2026, 1, 1)); // after (the day of allocation)
        asb("B", of(2026, 2, 2)); // before
        asb("C", of(2026, 5, 1)); // C not counted
        asb("D", of(2026, 5, 1)); // D not counted

        List<MeasureResult> r = BeforeAfter.compute(store.context("2026-27 Q2"), asbFrom(YearMonth.of(2025, 1)));

        assertThat(value(r, "Y06", "people_6m")).isEqualTo("2");
        assertThat(value(r, "Y06", "before_6m_events")).isEqualTo("3");
        assertThat(value(r, "Y06", "after_6m_events")).isEqualTo("1");
        assertThat(value(r, "Y06", "people_12m")).isEqualTo("0");
    }

    /**
     * ASB received only from August 2025 (to September 2026).
     * A allocated 1 Jan 2026: its 6-month span before starts 1 Jul 2025, before the data: left out, not counted as no events.
     * B allocated 1 Mar 2026: spans 1 Sep 2025 - 28 Feb 2026 and 1 Mar - 31 Aug 2026, both observed: before 1 (Feb), after 0.
     * F allocated 1 Feb 2026: spans 1 Aug 2025 - 31 Jan 2026 (from the data's first day) and 1 Feb - 31 Jul 2026: before 1 (Sep 2025), after 2.
     * C allocated 1 Jun 2026: span after not over by 30 Sep 2026: left out as not elapsed.
     * 6 months: people 2 (B, F), before 2, after 2; left out 1 unobserved (A), 1 not elapsed (C).
     * Paired change per person: B -1, F +1, mean 0, sd sqrt(2) = 1.414, t(1; 0.975) = 12.706, so the
     * interval is 0 -+ 12.706 x 1.414 / sqrt(2) = -12.706 to +12.706. 12 months: nobody's span after is over (4 not elapsed).
     */
    @Test
    void leaves_out_anyone_whose_span_reaches_before_the_data_and_gives_the_paired_interval() {
        referral("A", of(2026, 1, 1));
        referral("B", of(2026, 3, 1));
        referral("C", of(2026, 6, 1));
        referral("F", of(2026, 2, 1));
        asb("A", of(2025, 12, 31));
        asb("B", of(2026, 2, 2));
        asb("F", of(2025, 9, 15));
        asb("F", of(2026, 3, 1));
        asb("F", of(2026, 4, 1));

        List<MeasureResult> r = BeforeAfter.compute(store.context("2026-27 Q2"), asbFrom(YearMonth.of(2025, 8)));

        assertThat(value(r, "Y06", "people_6m")).isEqualTo("2");
        assertThat(value(r, "Y06", "before_6m_events")).isEqualTo("2");
        assertThat(value(r, "Y06", "after_6m_events")).isEqualTo("2");
        assertThat(value(r, "Y06", "left_out_6m_unobserved")).isEqualTo("1");
        assertThat(value(r, "Y06", "left_out_6m_not_elapsed")).isEqualTo("1");
        assertThat(value(r, "Y06", "change_6m_per_person")).isEqualTo("0.000");
        assertThat(value(r, "Y06", "change_6m_ci95_low")).isEqualTo("-12.706");
        assertThat(value(r, "Y06", "change_6m_ci95_high")).isEqualTo("12.706");
        assertThat(value(r, "Y06", "people_12m")).isEqualTo("0");
        assertThat(value(r, "Y06", "left_out_12m_not_elapsed")).isEqualTo("4");
        // a measure none of whose data was received compares nobody
        assertThat(value(r, "Y02", "people_6m")).isEqualTo("0");
        assertThat(value(r, "Y02", "left_out_6m_unobserved")).isEqualTo("3");
    }

    private static Coverage asbFrom(YearMonth first) {
        Set<YearMonth> months = new TreeSet<>();
        for (var m = first; !m.isAfter(YearMonth.of(2026, 9)); m = m.plusMonths(1)) {
            months.add(m);
        }
        return new Coverage(Map.of("police/asb", months), List.of());
    }

    private void referral(String p, Object allocated) {
        store.row(
                "ds_tyss_referrals",
                "person_id",
                p,
                "tyss_id",
                p,
                "referral_date",
                of(2025, 12, 1),
                "referral_source",
                "police",
                "strand",
                "call-in",
                "allocated_date",
                allocated);
    }

    private void asb(String p, Object date) {
        store.row("ds_police_asb", "person_id", p, "incident_date", date, "category", "nuisance");
    }

    private static String value(List<MeasureResult> results, String id, String figure) {
        return results.stream()
                .filter(r -> r.measureId().equals(id) && r.figure().equals(figure))
                .findFirst()
                .orElseThrow()
                .value()
                .toPlainString();
    }
}
