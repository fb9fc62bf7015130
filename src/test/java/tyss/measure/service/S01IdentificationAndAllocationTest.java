package tyss.measure.service;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import tyss.measure.MeasureFixture;
import tyss.measure.MeasureResult;
import tyss.period.Period;
import tyss.period.Quarter;

/**
 * 2026-27 Q2 is 1 July to 30 September 2026. Hand-worked:
 * referrals in Q2: P1, P2, P3, P4 = 4 (P5 was referred in Q1, P6 in Q3);
 * by source: police 2, school 1, health 1; by strand: call-in 2, detached 1, missing-rhi 1;
 * decisions in Q2: P1 accepted, P2 accepted, P3 declined, P5 accepted (decided in Q2 though
 * referred in Q1) = 4, of which 3 accepted = 75.0%;
 * allocations in Q2: P1, P5 = 2 (P2 accepted but not allocated);
 * open caseload on 30 Sep: P1 and P5 allocated and not closed; P7 allocated in Q1 but closed
 * on 30 Sep itself counts as closed = 2;
 * cohort on 30 Sep: everyone referred by then, P1-P5 and P7 = 6 (P6 is referred on 1 October).
 */
class S01IdentificationAndAllocationTest {

    private final MeasureFixture store = new MeasureFixture();

    @Test
    void counts_referrals_decisions_allocations_and_the_open_caseload_by_hand() {
        // given
        referral(
                "P1",
                of(2026, 7, 1),
                "police",
                "call-in",
                "accepted",
                of(2026, 7, 2),
                of(2026, 7, 5),
                null); // counts everywhere
        referral("P2", of(2026, 8, 10), "police", "call-in", "accepted", of(2026, 8, 11), null, null); // no allocation
        referral(
                "P3", of(2026, 9, 30), "school", "detached", "declined", of(2026, 9, 30), null, null); // last day of Q2
        referral("P4", of(2026, 9, 15), "health", "missing-rhi", null, null, null, null); // no decision yet
        referral(
                "P5",
                of(2026, 6, 28),
                "vcs",
                "call-in",
                "accepted",
                of(2026, 7, 3),
                of(2026, 7, 10),
                null); // referred in Q1
        referral("P6", of(2026, 10, 1), "police", "call-in", null, null, null, null); // referred in Q3
        referral(
                "P7",
                of(2026, 5, 1),
                "police",
                "call-in",
                "accepted",
                of(2026, 5, 2),
                of(2026, 5, 3),
                of(2026, 9, 30)); // closed 30 Sep

        // when
        List<MeasureResult> results = new S01IdentificationAndAllocation()
                .calculate(store.context("2026-27 Q2"), Period.of(Quarter.parse("2026-27 Q2")));

        // then
        assertThat(value(results, "referrals", "all", "all")).isEqualByComparingTo("4");
        assertThat(value(results, "referrals", "source", "police")).isEqualByComparingTo("2");
        assertThat(value(results, "referrals", "source", "school")).isEqualByComparingTo("1");
        assertThat(value(results, "referrals", "strand", "call-in")).isEqualByComparingTo("2");
        assertThat(value(results, "decisions", "all", "all")).isEqualByComparingTo("4");
        MeasureResult accepted = find(results, "pct_accepted", "all", "all");
        assertThat(accepted.numerator()).isEqualByComparingTo("3");
        assertThat(accepted.denominator()).isEqualByComparingTo("4");
        assertThat(accepted.value()).isEqualByComparingTo("75.0");
        assertThat(value(results, "allocations", "all", "all")).isEqualByComparingTo("2");
        assertThat(value(results, "open_caseload", "all", "all")).isEqualByComparingTo("2");
        assertThat(value(results, "cohort_size", "all", "all")).isEqualByComparingTo("6");
    }

    @Test
    void breaks_a_quarters_referrals_down_by_what_was_decided_by_its_end() {
        // referred in Q2 (1 Jul to 30 Sep 2026), decided:
        referral("P1", of(2026, 7, 1), "police", "call-in", "accepted", of(2026, 7, 2), null, null); // accepted in Q2
        referral(
                "P2",
                of(2026, 8, 1),
                "school",
                "call-in",
                "accepted",
                of(2026, 9, 30),
                null,
                null); // accepted on the last day
        referral("P3", of(2026, 8, 2), "school", "detached", "declined", of(2026, 8, 9), null, null); // declined
        referral("P4", of(2026, 8, 3), "health", "detached", "signposted", of(2026, 8, 4), null, null); // signposted
        referral(
                "P5",
                of(2026, 9, 20),
                "vcs",
                "call-in",
                "accepted",
                of(2026, 10, 2),
                null,
                null); // decided in Q3: not yet by 30 Sep
        referral("P6", of(2026, 9, 25), "police", "call-in", null, null, null, null); // no decision
        referral(
                "P7",
                of(2026, 6, 30),
                "police",
                "call-in",
                "declined",
                of(2026, 7, 1),
                null,
                null); // referred in Q1: not in Q2's
        List<MeasureResult> q2 = new S01IdentificationAndAllocation()
                .calculate(store.context("2026-27 Q2"), Period.of(Quarter.parse("2026-27 Q2")));
        // accepted 2 + declined 1 + signposted 1 + not yet decided 2 = the 6 referrals received
        assertThat(value(q2, "referrals", "decision", "accepted")).isEqualByComparingTo("2");
        assertThat(value(q2, "referrals", "decision", "declined")).isEqualByComparingTo("1");
        assertThat(value(q2, "referrals", "decision", "signposted")).isEqualByComparingTo("1");
        assertThat(value(q2, "referrals", "decision", "not yet decided")).isEqualByComparingTo("2");
        assertThat(value(q2, "referrals", "all", "all")).isEqualByComparingTo("6");
        // a span's decisions would stand at its end, not its quarters': no such breakdown for the year to date
        assertThat(new S01IdentificationAndAllocation()
                        .calculate(store.context("2026-27 Q2"), Period.yearToDate(Quarter.parse("2026-27 Q2"))))
                .noneMatch(r -> r.breakdown().equals("decision"));
    }

    @Test
    void breaks_referrals_down_by_age_band_and_counts_a_person_in_two_localities_in_each() {
        // P1 (born May 2010, 16 in July 2026) referred twice in Q2, from two localities after moving;
        // P2 born Sep 2012: 13 at referral on 1 Aug 2026, so 10-13.
        store.row(
                "ds_tyss_referrals",
                "person_id",
                "P1",
                "tyss_id",
                "T1",
                "birth_month",
                of(2010, 5, 1),
                "referral_date",
                of(2026, 7, 1),
                "referral_source",
                "police",
                "strand",
                "call-in",
                "locality",
                "North",
                "sex",
                "M");
        store.row(
                "ds_tyss_referrals",
                "person_id",
                "P1",
                "tyss_id",
                "T1b",
                "birth_month",
                of(2010, 5, 1),
                "referral_date",
                of(2026, 9, 1),
                "referral_source",
                "police",
                "strand",
                "call-in",
                "locality",
                "South",
                "sex",
                "M");
        store.row(
                "ds_tyss_referrals",
                "person_id",
                "P2",
                "tyss_id",
                "T2",
                "birth_month",
                of(2012, 9, 1),
                "referral_date",
                of(2026, 8, 1),
                "referral_source",
                "school",
                "strand",
                "detached",
                "locality",
                "North",
                "sex",
                "F");
        List<MeasureResult> results = new S01IdentificationAndAllocation()
                .calculate(store.context("2026-27 Q2"), Period.of(Quarter.parse("2026-27 Q2")));
        assertThat(value(results, "referrals", "locality", "North")).isEqualByComparingTo("2");
        assertThat(value(results, "referrals", "locality", "South")).isEqualByComparingTo("1");
        assertThat(value(results, "referrals", "age_band", "16-17")).isEqualByComparingTo("2");
        assertThat(value(results, "referrals", "age_band", "10-13")).isEqualByComparingTo("1");
        assertThat(value(results, "referrals", "sex", "F")).isEqualByComparingTo("1");
    }

    @Test
    void caseload_per_worker_counts_the_young_people_open_to_each_named_worker_at_the_end() {
        // Open on 30 Sep: W1 has P1, P2 and P3; W2 has P4; P5 is open with no worker named (not in
        // it); P6 (W3) closed on 30 Sep. 4 young people with a named worker over 2 workers = 2.0.
        for (String[] c : new String[][] {{"P1", "W1"}, {"P2", "W1"}, {"P3", "W1"}, {"P4", "W2"}, {"P5", null}}) {
            store.row(
                    "ds_tyss_referrals",
                    "person_id",
                    c[0],
                    "tyss_id",
                    c[0],
                    "referral_date",
                    of(2026, 4, 1),
                    "allocated_date",
                    of(2026, 4, 5),
                    "worker_id",
                    c[1]);
        }
        store.row(
                "ds_tyss_referrals",
                "person_id",
                "P6",
                "tyss_id",
                "P6",
                "referral_date",
                of(2026, 4, 1),
                "allocated_date",
                of(2026, 4, 5),
                "worker_id",
                "W3",
                "closed_date",
                of(2026, 9, 30));
        List<MeasureResult> results = new S01IdentificationAndAllocation()
                .calculate(store.context("2026-27 Q2"), Period.of(Quarter.parse("2026-27 Q2")));
        MeasureResult perWorker = find(results, "caseload_per_worker", "all", "all");
        assertThat(perWorker.numerator()).isEqualByComparingTo("4");
        assertThat(perWorker.denominator()).isEqualByComparingTo("2");
        assertThat(perWorker.value()).isEqualByComparingTo("2.0");
        assertThat(value(results, "open_caseload", "all", "all")).isEqualByComparingTo("5");
    }

    private void referral(
            String person,
            Object referred,
            String source,
            String strand,
            String decision,
            Object decided,
            Object allocated,
            Object closed) {
        store.row(
                "ds_tyss_referrals",
                "person_id",
                person,
                "tyss_id",
                person,
                "referral_date",
                referred,
                "referral_source",
                source,
                "strand",
                strand,
                "decision",
                decision,
                "decision_date",
                decided,
                "allocated_date",
                allocated,
                "closed_date",
                closed);
    }

    static MeasureResult find(List<MeasureResult> results, String figure, String breakdown, String cell) {
        return results.stream()
                .filter(r -> r.figure().equals(figure)
                        && r.breakdown().equals(breakdown)
                        && r.breakdownValue().equals(cell))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + figure + " " + breakdown + "=" + cell));
    }

    static BigDecimal value(List<MeasureResult> results, String figure, String breakdown, String cell) {
        return find(results, figure, breakdown, cell).value();
    }
}
