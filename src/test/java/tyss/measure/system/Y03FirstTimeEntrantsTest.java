package tyss.measure.system;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static tyss.measure.Results.q2;
import static tyss.measure.Results.value;

import java.util.List;

import org.junit.jupiter.api.Test;

import tyss.measure.MeasureFixture;
import tyss.measure.MeasureResult;

/** Hand-worked fixtures for Y03, first-time entrants, 2026-27 Q2 (1 July to 30 September 2026); each row says why it counts or not. */
class Y03FirstTimeEntrantsTest {

    private final MeasureFixture store = new MeasureFixture();

    @Test
    void y03_counts_first_formal_outcomes_in_the_period_and_repeat_contact() {
        cohort("C1", of(2010, 5, 1), null, null);
        cohort("C2", of(2010, 5, 1), null, null);
        cohort("C3", of(2008, 6, 1), null, null);
        offence("C1", of(2026, 6, 1), "community_resolution", of(2026, 6, 20)); // not a formal outcome
        offence(
                "C1",
                of(2026, 7, 2),
                "youth_caution",
                of(2026, 7, 30)); // C1: first formal outcome in Q2 -> FTE, and a repeat
        offence("C2", of(2025, 1, 1), "referral_order", of(2025, 3, 1)); // C2 entered in 2025
        offence("C2", of(2026, 8, 1), "yro", of(2026, 9, 1)); // not first: no FTE; a repeat
        offence("C3", of(2026, 7, 5), "youth_caution", of(2026, 7, 20)); // C3 is 18 at the outcome: not an FTE
        offence("X1", of(2026, 7, 5), "youth_caution", of(2026, 7, 20)); // FTE, but not in the cohort
        List<MeasureResult> r = q2(new Y03FirstTimeEntrants(), store);
        assertThat(value(r, "first_time_entrants", "population", "cohort")).isEqualTo("1");
        assertThat(value(r, "first_time_entrants", "population", "authority")).isEqualTo("2");
        assertThat(value(r, "people_repeat_contact", "population", "cohort")).isEqualTo("2");
    }

    @Test
    void y03_from_police_data_counts_a_first_charge_or_caution_in_the_period() {
        // C1: charged in July, nothing earlier: counts. C2: charged in 2025 already: not first.
        // C3 (18 in July 2026): not 10-17. X1: cautioned in August, not in the cohort: the authority's.
        // X2: under investigation only: no formal contact. Cohort 1, authority 2.
        cohort("C1", of(2010, 5, 1), null, null);
        cohort("C2", of(2010, 5, 1), null, null);
        cohort("C3", of(2008, 6, 1), null, null);
        police("C1", of(2010, 5, 1), of(2026, 7, 2), "Charged");
        police("C2", of(2010, 5, 1), of(2025, 4, 2), "Charged, remanded in custody");
        police("C2", of(2010, 5, 1), of(2026, 8, 2), "Charged");
        police("C3", of(2008, 6, 1), of(2026, 7, 20), "Charged");
        police("X1", of(2011, 1, 1), of(2026, 8, 20), "Youth caution");
        police("X2", of(2011, 1, 1), of(2026, 8, 21), "Under investigation");
        List<MeasureResult> r = q2(new Y03FirstTimeEntrants(), store);
        assertThat(value(r, "first_charge_or_caution_police", "population", "cohort"))
                .isEqualTo("1");
        assertThat(value(r, "first_charge_or_caution_police", "population", "authority"))
                .isEqualTo("2");
    }

    @Test
    void y03_counts_in_the_cohort_only_people_referred_by_the_end_of_the_period() {
        // L1 is a first-time entrant in Q2 by both sources (a youth caution on 20 July; charged on 2 August),
        // but referred to the TYSS on 15 October, after the quarter: the authority's, not the cohort's.
        // C1, referred in January, has both in Q2 too. Cohort 1 and 1, authority 2 and 2.
        cohort("C1", of(2010, 5, 1), null, null);
        referral("L1", of(2010, 5, 1), of(2026, 10, 15), null, null);
        offence("C1", of(2026, 7, 2), "youth_caution", of(2026, 7, 20));
        offence("L1", of(2026, 7, 5), "youth_caution", of(2026, 7, 20));
        police("C1", of(2010, 5, 1), of(2026, 8, 2), "Charged");
        police("L1", of(2010, 5, 1), of(2026, 8, 2), "Charged");
        List<MeasureResult> r = q2(new Y03FirstTimeEntrants(), store);
        assertThat(value(r, "first_time_entrants", "population", "cohort")).isEqualTo("1");
        assertThat(value(r, "first_time_entrants", "population", "authority")).isEqualTo("2");
        assertThat(value(r, "first_charge_or_caution_police", "population", "cohort"))
                .isEqualTo("1");
        assertThat(value(r, "first_charge_or_caution_police", "population", "authority"))
                .isEqualTo("2");
    }

    private void police(String p, Object born, Object date, String outcome) {
        store.row(
                "ds_police_crimes",
                "person_id",
                p,
                "police_person_id",
                p,
                "birth_month",
                born,
                "occurrence_date",
                date,
                "role",
                "suspect",
                "crime_type",
                "Robbery",
                "outcome",
                outcome);
    }

    private void cohort(String p, Object birthMonth, Object allocated, Object closed) {
        referral(p, birthMonth, of(2026, 1, 1), allocated, closed);
    }

    private void referral(String p, Object birthMonth, Object referred, Object allocated, Object closed) {
        store.row(
                "ds_tyss_referrals",
                "person_id",
                p,
                "tyss_id",
                p,
                "birth_month",
                birthMonth,
                "referral_date",
                referred,
                "referral_source",
                "police",
                "strand",
                "call-in",
                "allocated_date",
                allocated,
                "closed_date",
                closed);
    }

    private void offence(String p, Object date, String outcome, Object outcomeDate) {
        store.row(
                "ds_yot_offences",
                "person_id",
                p,
                "yot_id",
                p,
                "birth_month",
                p.equals("C3") ? of(2008, 6, 1) : of(2010, 5, 1),
                "offence_date",
                date,
                "offence_category",
                "theft",
                "outcome",
                outcome,
                "outcome_date",
                outcomeDate);
    }
}
