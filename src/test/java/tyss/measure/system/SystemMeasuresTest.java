package tyss.measure.system;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static tyss.measure.Results.q2;
import static tyss.measure.Results.total;
import static tyss.measure.Results.value;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tyss.measure.MeasureFixture;
import tyss.measure.MeasureResult;
import tyss.measure.Period;
import tyss.measure.Quarter;

/**
 * Hand-worked fixtures for the system measures, 2026-27 Q2 (1 July to 30 September 2026). The
 * cohort is C1 and C2 (referred to the TYSS); X1 and X2 are known to partners only.
 */
class SystemMeasuresTest {

    private final MeasureFixture store = new MeasureFixture();

    @BeforeEach
    void cohort() {
        for (String p : List.of("C1", "C2")) {
            store.row("ds_tyss_referrals", "person_id", p, "tyss_id", p, "referral_date", of(2026, 1, 10), "referral_source", "police",
                    "strand", "call-in", "allocated_date", of(2026, 1, 20));
        }
    }

    @Test
    void y01_counts_screenings_and_people_for_the_authority_and_the_cohort() {
        screening("C1", of(2026, 7, 1), "high", "CCE");      // cohort
        screening("C1", of(2026, 9, 30), "medium", "CCE");   // cohort, same person
        screening("X1", of(2026, 8, 1), "low", "CSE");       // authority only
        screening("X2", of(2026, 10, 1), "low", "CSE");      // excluded: Q3
        List<MeasureResult> r = q2(new Y01RiskScreening(), store);
        assertThat(value(r, "screenings", "population", "authority")).isEqualTo("3");
        assertThat(value(r, "people_screened", "population", "authority")).isEqualTo("2");
        assertThat(value(r, "screenings", "population", "cohort")).isEqualTo("2");
        assertThat(value(r, "people_screened", "population", "cohort")).isEqualTo("1");
        assertThat(value(r, "screenings", "type", "CCE")).isEqualTo("2");               // the cohort's: C1's two
        assertThat(r.stream().filter(x -> x.breakdown().equals("type")).count()).isEqualTo(1);  // no CSE in the cohort
        assertThat(value(r, "screenings", "tier", "high")).isEqualTo("1");
        assertThat(value(r, "screenings", "authority_type", "CSE")).isEqualTo("1");    // X1's
        assertThat(value(r, "screenings", "authority_tier", "low")).isEqualTo("1");
        assertThat(value(r, "screenings", "authority_type", "CCE")).isEqualTo("2");
    }

    @Test
    void y01_coverage_is_the_share_of_those_screened_at_risk_in_12_months_open_to_the_tyss() {
        // 12 months to 30 Sep 2026 start on 1 Oct 2025. At risk: C1 (high, Jul 2026), X1 (low, Oct
        // 2025) = 2; X3's screening found no risk; X4's (30 Sep 2025) is a day too early. C1 is open
        // to the TYSS (allocated 20 Jan, not closed): 1 of 2 = 50%.
        screening("C1", of(2026, 7, 1), "high", "CCE");
        screening("X1", of(2025, 10, 1), "low", "CSE");
        screening("X3", of(2026, 8, 1), "none", "CCE");
        screening("X4", of(2025, 9, 30), "high", "CCE");
        List<MeasureResult> r = q2(new Y01RiskScreening(), store);
        assertThat(total(r, "people_at_risk_12m")).isEqualTo("2");
        assertThat(total(r, "pct_at_risk_open_to_tyss")).isEqualTo("50");
    }

    @Test
    void y04_counts_cohort_occurrences_as_suspect_or_offender_under_each_heading() {
        crime("C1", "suspect", "Violence and sexual offences", "N", "N");   // violence
        crime("C1", "offender", "Drugs", "N", "Y");                         // pwits
        crime("C2", "suspect", "Robbery", "Y", "N");                        // knife flagged
        crime("C2", "victim", "Possession of weapons", "N", "N");           // excluded: a victim
        crime("X1", "suspect", "Violence and sexual offences", "N", "N");   // excluded: not in the cohort
        List<MeasureResult> r = q2(new Y04ViolencePwitsKnives(), store);
        assertThat(total(r, "occurrences")).isEqualTo("3");
        assertThat(total(r, "people")).isEqualTo("2");
        assertThat(value(r, "occurrences", "type", "knife_or_weapon")).isEqualTo("1");
        assertThat(value(r, "occurrences", "type", "pwits")).isEqualTo("1");
        // the youth justice service's offences: C1 violence with a knife, C2 drugs supply, C2 theft
        // (none of the headings), X1 violence (not in the cohort): 2 offences, 2 people; the knife
        // offence counts under violence and knife or weapon
        store.row("ds_yot_offences", "person_id", "C1", "offence_date", of(2026, 8, 1), "offence_category", "violence", "knife_or_weapon", "Y");
        store.row("ds_yot_offences", "person_id", "C2", "offence_date", of(2026, 8, 2), "offence_category", "drugs_supply", "knife_or_weapon", "N");
        store.row("ds_yot_offences", "person_id", "C2", "offence_date", of(2026, 8, 3), "offence_category", "theft", "knife_or_weapon", "N");
        store.row("ds_yot_offences", "person_id", "X1", "offence_date", of(2026, 8, 4), "offence_category", "violence", "knife_or_weapon", "N");
        List<MeasureResult> withYot = q2(new Y04ViolencePwitsKnives(), store);
        assertThat(total(withYot, "yot_offences")).isEqualTo("2");
        assertThat(total(withYot, "yot_people")).isEqualTo("2");
        assertThat(value(withYot, "yot_offences", "type", "violence")).isEqualTo("1");
        assertThat(value(withYot, "yot_offences", "type", "knife_or_weapon")).isEqualTo("1");
        assertThat(value(withYot, "yot_offences", "type", "pwits")).isEqualTo("1");
    }

    @Test
    void y09_counts_court_sentences_from_the_youth_justice_service_as_convictions() {
        // C1: referral order on 1 Aug (a conviction); C1: youth caution (not a court sentence);
        // C2: custody on 30 Sep; X1: fine on 1 Jul (the authority's); C2 YRO on 1 Oct (Q3).
        // Authority 3 convictions of 3 people; cohort 2 of 2.
        store.row("ds_yot_offences", "person_id", "C1", "offence_date", of(2026, 6, 1), "outcome", "referral_order", "outcome_date", of(2026, 8, 1));
        store.row("ds_yot_offences", "person_id", "C1", "offence_date", of(2026, 6, 2), "outcome", "youth_caution", "outcome_date", of(2026, 8, 2));
        store.row("ds_yot_offences", "person_id", "C2", "offence_date", of(2026, 6, 3), "outcome", "custody", "outcome_date", of(2026, 9, 30));
        store.row("ds_yot_offences", "person_id", "X1", "offence_date", of(2026, 6, 4), "outcome", "fine_or_discharge", "outcome_date", of(2026, 7, 1));
        store.row("ds_yot_offences", "person_id", "C2", "offence_date", of(2026, 6, 5), "outcome", "yro", "outcome_date", of(2026, 10, 1));
        List<MeasureResult> r = q2(new Y09Disruption(), store);
        assertThat(value(r, "convictions", "population", "authority")).isEqualTo("3");
        assertThat(value(r, "people_convicted", "population", "authority")).isEqualTo("3");
        assertThat(value(r, "convictions", "population", "cohort")).isEqualTo("2");
        assertThat(value(r, "people_convicted", "population", "cohort")).isEqualTo("2");
    }

    @Test
    void y06_counts_incidents_and_people_by_population_and_the_cohorts_by_category() {
        store.row("ds_police_asb", "person_id", "C1", "incident_date", of(2026, 7, 4), "category", "nuisance");
        store.row("ds_police_asb", "person_id", "C1", "incident_date", of(2026, 7, 5), "category", "personal");
        store.row("ds_police_asb", "person_id", "X1", "incident_date", of(2026, 7, 6), "category", "nuisance");
        store.row("ds_police_asb", "person_id", null, "incident_date", of(2026, 7, 7), "category", "nuisance");  // unlinked: authority only
        List<MeasureResult> r = q2(new Y06AntisocialBehaviour(), store);
        assertThat(value(r, "events", "population", "authority")).isEqualTo("4");
        assertThat(value(r, "people", "population", "authority")).isEqualTo("2");   // C1, X1 (an unlinked row is no person)
        assertThat(value(r, "events", "population", "cohort")).isEqualTo("2");
        assertThat(value(r, "cohort_events", "category", "personal")).isEqualTo("1");
        // people by category: C1 (the only cohort member) is in both, once each
        assertThat(value(r, "cohort_people", "category", "personal")).isEqualTo("1");
        assertThat(value(r, "cohort_people", "category", "nuisance")).isEqualTo("1");
    }

    @Test
    void y05_tells_new_identifications_from_repeat_ones_and_counts_distinct_lines() {
        // C1: first identified in March (Q4 of 2025-26), again in July: repeat. C2: first in August,
        // and again the same day, later in the file: one new, one repeat. X1 (not in the cohort) on
        // line CL9. Cohort identifications in Q2 3: new 1, repeat 2. Lines in Q2: CL1, CL2, CL9 = 3.
        lines("C1", of(2026, 3, 10), "CL1");
        lines("C1", of(2026, 7, 10), "CL1");
        lines("C2", of(2026, 8, 1), "CL2");
        lines("C2", of(2026, 8, 1), "CL1");
        lines("X1", of(2026, 9, 1), "CL9");
        List<MeasureResult> r = q2(new Y05CountyLines(), store);
        assertThat(value(r, "events", "population", "cohort")).isEqualTo("3");
        assertThat(value(r, "events", "identification", "new")).isEqualTo("1");
        assertThat(value(r, "events", "identification", "repeat")).isEqualTo("2");
        assertThat(total(r, "lines")).isEqualTo("3");
    }

    private void lines(String p, Object date, String line) {
        store.row("ds_police_county_lines", "person_id", p, "identified_date", date, "line_ref", line, "role", "runner");
    }

    @Test
    void y07_counts_cohort_members_with_an_intervention_open_in_the_period() {
        intervention("C1", of(2026, 5, 1), of(2026, 7, 1), "diversion");    // ends on the first day: open in Q2
        intervention("C2", of(2026, 9, 30), null, "court_order");           // starts on the last day
        intervention("C2", of(2026, 1, 1), of(2026, 6, 30), "prevention");  // ended before Q2
        intervention("X1", of(2026, 8, 1), null, "prevention");             // not in the cohort
        List<MeasureResult> r = q2(new Y07YouthJusticeInvolvement(), store);
        assertThat(total(r, "people_with_intervention")).isEqualTo("2");
        assertThat(value(r, "people_with_intervention", "type", "court_order")).isEqualTo("1");
    }

    @Test
    void y10_matches_whole_factor_codes_only() {
        assessment("C1", "1A,24A");        // CCE
        assessment("C2", "11A,10A");       // CSE, and going missing
        assessment("X1", "21");            // neither (21 is not 11A or 24A)
        assessment("X2", "12A,13A");       // trafficking and gangs, not CCE/CSE
        List<MeasureResult> r = q2(new Y10SocialCareFactors(), store);
        assertThat(value(r, "assessments_cce_cse", "population", "authority")).isEqualTo("2");
        assertThat(value(r, "children_cce_cse", "population", "cohort")).isEqualTo("2");
        assertThat(value(r, "assessments", "factor", "10A")).isEqualTo("1");
        assertThat(value(r, "assessments", "factor", "13A")).isEqualTo("1");
    }

    @Test
    void y10_figures_resting_on_24a_have_no_value_before_the_census_collected_it() {
        // 2020-21 Q4 (January to March 2021) is before the 2021-22 return, the first with 24A: the
        // 24A count and the CCE-or-CSE figures are a break in series (no value), not 0; 11A still counts.
        store.row("ds_social_care_assessments", "person_id", "C1", "assessment_start", of(2021, 2, 1), "factors", "11A");
        List<MeasureResult> r = new Y10SocialCareFactors().calculate(store.context("2020-21 Q4"), Period.of(Quarter.parse("2020-21 Q4")));
        assertThat(value(r, "assessments", "factor", "24A")).isNull();
        assertThat(value(r, "assessments_cce_cse", "population", "authority")).isNull();
        assertThat(value(r, "assessments", "factor", "11A")).isEqualTo("1");
        // and in 2021-22 Q1 it is a count like any other
        List<MeasureResult> after = new Y10SocialCareFactors().calculate(store.context("2021-22 Q1"), Period.of(Quarter.parse("2021-22 Q1")));
        assertThat(value(after, "assessments", "factor", "24A")).isEqualTo("0");
    }

    @Test
    void y13_counts_exclusions_and_the_dfe_absence_thresholds() {
        exclusion("C1", "SUSP");
        exclusion("C1", "PERM");
        exclusion("X1", "SUSP");
        exclusion("X2", "LNCH");                // lunchtime: neither
        attendance("C1", 100, 4, 6);            // 10/100 = exactly 10%: persistent
        attendance("C2", 100, 20, 31);          // 51%: persistent and severe
        attendance("X1", 100, 2, 3);            // 5%: neither
        List<MeasureResult> r = q2(new Y13SchoolInclusion(), store);
        assertThat(value(r, "suspensions", "population", "authority")).isEqualTo("2");
        assertThat(value(r, "permanent_exclusions", "population", "cohort")).isEqualTo("1");
        assertThat(value(r, "pct_persistent_absence", "population", "authority")).isEqualTo("66.7");  // 2 of 3
        assertThat(value(r, "pct_severe_absence", "population", "cohort")).isEqualTo("50");           // 1 of 2
    }

    @Test
    void y16_counts_academic_age_16_and_17_only_by_their_activity_in_the_latest_month() {
        // Q2 is July to September 2026: July and August are in academic year 2025-26 (age on 31 Aug
        // 2025), September in 2026-27 (age on 31 Aug 2026).
        // C1, born March 2009: 16 then 17. July NEET, September EET: 2 months, latest EET.
        // C2, born May 2008: 17 in August (not known, counted), 18 in September (NEET, left out):
        //   1 month, latest used not known.
        // C3, born January 2008 (on the referral only): 18 in September: not counted at all.
        // C4: no month of birth anywhere: academic age unknown, counted apart.
        // Young people 2 (EET 1, not known 1, NEET 0); NEET or not known = the months' (0 + 1 + 1)
        // over the months' (2 + 1) = 66.7%; not counted for no month of birth 1.
        store.row("ds_tyss_referrals", "person_id", "C3", "tyss_id", "C3", "referral_date", of(2026, 1, 10), "birth_month", of(2008, 1, 1));
        store.row("ds_tyss_referrals", "person_id", "C4", "tyss_id", "C4", "referral_date", of(2026, 1, 10));
        post16("C1", of(2009, 3, 1), of(2026, 7, 1), "NEET");
        post16("C1", of(2009, 3, 1), of(2026, 9, 1), "EET");
        post16("C2", of(2008, 5, 1), of(2026, 8, 1), "not_known");
        post16("C2", of(2008, 5, 1), of(2026, 9, 1), "NEET");    // academic age 18
        post16("C3", null, of(2026, 9, 1), "EET");              // academic age 18 from the referral's month of birth
        post16("C4", null, of(2026, 8, 1), "EET");
        post16("X1", of(2009, 3, 1), of(2026, 8, 1), "NEET");   // not in the cohort
        List<MeasureResult> r = q2(new Y16EetStatus(), store);
        assertThat(total(r, "young_people")).isEqualTo("2");
        assertThat(value(r, "young_people", "activity", "EET")).isEqualTo("1");
        assertThat(value(r, "young_people", "activity", "not_known")).isEqualTo("1");
        assertThat(value(r, "young_people", "activity", "NEET")).isEqualTo("0");
        assertThat(total(r, "pct_neet_or_not_known")).isEqualTo("66.7");
        assertThat(value(r, "young_people_not_counted", "reason", "no month of birth")).isEqualTo("1");
    }

    @Test
    void y16_annual_figure_is_the_december_to_february_average() {
        // 12 months to September 2026. C1 (born March 2009, 16 on 31 Aug 2025): December NEET,
        // January NEET, February EET, and July 2026 NEET, which is not a December-February month.
        // C2 (born May 2008, 17): EET in all three. NEET or not known = 2 of 6 months = 33.3%; both
        // EET in February, the latest month used.
        for (LocalDate month : List.of(of(2025, 12, 1), of(2026, 1, 1), of(2026, 2, 1))) {
            post16("C1", of(2009, 3, 1), month, month.getMonthValue() == 2 ? "EET" : "NEET");
            post16("C2", of(2008, 5, 1), month, "EET");
        }
        post16("C1", of(2009, 3, 1), of(2026, 7, 1), "NEET");
        List<MeasureResult> r = new Y16EetStatus().calculate(store.context("2026-27 Q2"), Period.rolling12Months(Quarter.parse("2026-27 Q2")));
        assertThat(total(r, "pct_neet_or_not_known")).isEqualTo("33.3");
        assertThat(value(r, "young_people", "activity", "EET")).isEqualTo("2");
    }

    @Test
    void y17_counts_every_type_in_the_areas_lsoas_and_the_rows_it_leaves_out() {
        // In the area (City): drugs, violence and shoplifting. Outside the area: one drugs crime in
        // another authority's LSOA, one with no location. Area context (the seed's four kinds) 2:
        // drugs 1, violence 1, weapons 0, ASB 0, City 2; other types 1 (shoplifting 1, robbery 0);
        // not counted 2: outside the area 1, no location 1.
        store.row("ds_reference_localities", "lsoa_code", "E01000001", "locality", "City");
        street("E01000001", "Drugs");
        street("E01000001", "Violence and sexual offences");
        street("E01000001", "Shoplifting");                  // one of the other types
        street("E01999999", "Drugs");                        // outside the area
        street(null, "Drugs");                               // no location
        List<MeasureResult> r = q2(new Y17AreaContext(), store);
        assertThat(total(r, "area_context_crimes")).isEqualTo("2");
        assertThat(value(r, "area_context_crimes", "type", "Drugs")).isEqualTo("1");
        assertThat(value(r, "area_context_crimes", "type", "Possession of weapons")).isEqualTo("0");
        assertThat(value(r, "area_context_crimes", "locality", "City")).isEqualTo("2");
        assertThat(total(r, "other_street_crimes")).isEqualTo("1");
        assertThat(value(r, "other_street_crimes", "type", "Shoplifting")).isEqualTo("1");
        assertThat(value(r, "other_street_crimes", "type", "Robbery")).isEqualTo("0");
        assertThat(r.stream().filter(x -> x.breakdown().equals("type")).count()).isEqualTo(14);
        assertThat(total(r, "street_crimes_not_counted")).isEqualTo("2");
        assertThat(value(r, "street_crimes_not_counted", "reason", "outside the area")).isEqualTo("1");
        assertThat(value(r, "street_crimes_not_counted", "reason", "no location")).isEqualTo("1");
    }

    private void screening(String p, Object date, String tier, String type) {
        store.row("ds_social_care_exploitation_screenings", "person_id", p, "screening_date", date, "tier", tier, "type", type);
    }

    private void crime(String p, String role, String type, String knife, String pwits) {
        store.row("ds_police_crimes", "person_id", p, "occurrence_date", of(2026, 8, 1), "role", role, "crime_type", type, "knife", knife,
                "pwits", pwits);
    }

    private void intervention(String p, Object start, Object end, String type) {
        store.row("ds_yot_interventions", "person_id", p, "start_date", start, "end_date", end, "type", type);
    }

    private void assessment(String p, String factors) {
        store.row("ds_social_care_assessments", "person_id", p, "assessment_start", of(2026, 8, 1), "factors", factors);
    }

    private void exclusion(String p, String category) {
        store.row("ds_schools_exclusions", "person_id", p, "startdate", of(2026, 7, 10), "category", category, "reason1", "PP");
    }

    private void attendance(String p, int possible, int authorised, int unauthorised) {
        store.row("ds_schools_attendance", "person_id", p, "period_start", of(2026, 4, 13), "period_end", of(2026, 7, 17),
                "sessions_possible", possible, "sessions_authorised", authorised, "sessions_unauthorised", unauthorised);
    }

    private void post16(String p, Object birthMonth, Object month, String activity) {
        store.row("ds_schools_post16_activity", "person_id", p, "birth_month", birthMonth, "activity_month", month, "activity", activity);
    }

    private void street(String lsoa, String type) {
        store.row("ds_police_street_crime", "crime_month", of(2026, 8, 1), "lsoa_code", lsoa, "crime_type", type);
    }
}
