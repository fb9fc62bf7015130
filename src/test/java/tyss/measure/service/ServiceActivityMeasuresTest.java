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

/**
 * Hand-worked fixtures for the service measures that count TYSS activity records in 2026-27 Q2
 * (1 July to 30 September 2026). Each row is annotated with why it counts or not.
 */
class ServiceActivityMeasuresTest {

    private final MeasureFixture store = new MeasureFixture();

    @Test
    void s03_counts_onward_referrals_and_the_share_accepted_of_those_decided() {
        onward("P1", of(2026, 7, 1), "council", "Early help", "accepted");      // counts
        onward("P2", of(2026, 8, 1), "third_party", "Sports", "declined");     // counts
        onward("P3", of(2026, 9, 30), "council", "Early help", "waiting");     // counts, not yet decided
        onward("P4", of(2026, 6, 30), "council", "Early help", "accepted");    // excluded: Q1
        List<MeasureResult> r = q2(new S03OnwardReferrals(), store);
        assertThat(total(r, "onward_referrals")).isEqualTo("3");
        assertThat(value(r, "onward_referrals", "kind", "council")).isEqualTo("2");
        // 1 accepted of 2 decided (waiting is not an outcome yet) = 50.0%
        assertThat(total(r, "pct_accepted")).isEqualTo("50");
    }

    @Test
    void s03_breaks_onward_referrals_down_by_outcome_for_the_referral_flow() {
        onward("P1", of(2026, 7, 1), "council", "Early help", "accepted");      // accepted
        onward("P2", of(2026, 7, 5), "council", "Early help", "accepted");      // accepted
        onward("P3", of(2026, 8, 1), "third_party", "Sports", "declined");     // declined
        onward("P4", of(2026, 9, 30), "council", "Early help", "waiting");     // waiting, on the quarter's last day
        onward("P5", of(2026, 9, 1), "council", "Housing", null);              // not recorded
        onward("P6", of(2026, 6, 30), "council", "Early help", "declined");    // excluded: Q1
        List<MeasureResult> r = q2(new S03OnwardReferrals(), store);
        // 2 + 1 + 1 + 1 = the 5 made in Q2; accepted and declined are the share's numerator and base (2 of 3)
        assertThat(value(r, "onward_referrals", "outcome", "accepted")).isEqualTo("2");
        assertThat(value(r, "onward_referrals", "outcome", "declined")).isEqualTo("1");
        assertThat(value(r, "onward_referrals", "outcome", "waiting")).isEqualTo("1");
        assertThat(value(r, "onward_referrals", "outcome", "not recorded")).isEqualTo("1");
        assertThat(total(r, "onward_referrals")).isEqualTo("5");
    }

    @Test
    void s06_counts_people_contacts_hours_and_the_median_length_of_engagement() {
        contact("P1", of(2026, 7, 2), "1:1", 60);        // P1
        contact("P1", of(2026, 7, 9), "family", 30);     // P1 again: 1 person
        contact(null, of(2026, 8, 1), "detached", 90);   // detached: a contact but no young person
        contact("P2", of(2026, 10, 1), "1:1", 45);       // excluded: Q3
        // engagement: P1 allocated 1 Jun, open: 1 Jun -> 30 Sep = 121 days;
        // P2 allocated 1 Jul, closed 31 Jul = 30 days; P3 closed 31 May before Q2: excluded. Median of 30 and 121 = 75.5
        referral("P1", of(2026, 6, 1), null);
        referral("P2", of(2026, 7, 1), of(2026, 7, 31));
        referral("P3", of(2026, 1, 1), of(2026, 5, 31));
        List<MeasureResult> r = q2(new S06Engagement(), store);
        assertThat(total(r, "young_people_engaged")).isEqualTo("1");
        assertThat(total(r, "contacts")).isEqualTo("3");
        assertThat(value(r, "contacts", "type", "detached")).isEqualTo("1");
        assertThat(total(r, "hours")).isEqualTo("3");           // 60 + 30 + 90 = 180 minutes
        assertThat(value(r, "hours", "type", "detached")).isEqualTo("1.5");    // 90 minutes
        assertThat(value(r, "hours", "type", "family")).isEqualTo("0.5");      // 30 minutes
        assertThat(total(r, "median_days_engaged")).isEqualTo("75.5");
    }

    @Test
    void s07_s10_and_s14_give_shares_of_what_was_recorded() {
        audit(of(2026, 7, 1), "outstanding");
        audit(of(2026, 7, 2), "good");
        audit(of(2026, 7, 3), "requires_improvement");
        audit(of(2026, 7, 4), "inadequate");
        // 2 good or better of 4 = 50.0%
        assertThat(total(q2(new S07FileAudits(), store), "pct_good_or_better")).isEqualTo("50");

        feedback("young_person", 5);
        feedback("young_person", 4);
        feedback("parent_carer", 2);
        // mean (5 + 4 + 2) / 3 = 3.67 -> 3.7; 2 of 3 scored 4 or 5 = 66.7%
        List<MeasureResult> s10 = q2(new S10Feedback(), store);
        assertThat(total(s10, "mean_score")).isEqualTo("3.7");
        assertThat(total(s10, "pct_4_or_5")).isEqualTo("66.7");
        // by respondent: young people (5 + 4) / 2 = 4.5, both 4 or 5; the parent or carer 2, none
        assertThat(value(s10, "mean_score", "respondent", "young_person")).isEqualTo("4.5");
        assertThat(value(s10, "pct_4_or_5", "respondent", "young_person")).isEqualTo("100");
        assertThat(value(s10, "pct_4_or_5", "respondent", "parent_carer")).isEqualTo("0");

        context("place", of(2026, 8, 20), "high", "medium");   // reduced, with a plan
        context("space", null, "medium", "medium");            // same, no plan
        context("peer_group", of(2026, 8, 21), "low", null);   // not reassessed
        List<MeasureResult> s14 = q2(new S14ContextAssessments(), store);
        assertThat(total(s14, "assessments")).isEqualTo("3");
        assertThat(total(s14, "pct_with_plan")).isEqualTo("66.7");     // 2 of 3
        assertThat(total(s14, "pct_risk_reduced")).isEqualTo("50");    // 1 of the 2 reassessed
    }

    @Test
    void s08_sums_attendees_and_means_confidence_over_sessions_that_recorded_it() {
        training(of(2026, 7, 10), "professionals", 20, 4.0, 7.0, 6.0);
        training(of(2026, 8, 10), "schools", 10, 5.0, 8.0, null);    // no follow-up yet
        List<MeasureResult> r = q2(new S08Training(), store);
        assertThat(total(r, "sessions")).isEqualTo("2");
        assertThat(total(r, "attendees")).isEqualTo("30");
        assertThat(total(r, "mean_confidence_before")).isEqualTo("4.5");   // (4 + 5) / 2
        assertThat(total(r, "mean_confidence_followup")).isEqualTo("6");   // 6 / 1
        assertThat(value(r, "sessions", "audience", "schools")).isEqualTo("1");
        // paired: after - before over both sessions (3 + 3) / 2 = 3; follow-up - before over the
        // one session with a follow-up: 6 - 4 = 2
        assertThat(total(r, "mean_change_before_to_after")).isEqualTo("3");
        assertThat(total(r, "mean_change_before_to_followup")).isEqualTo("2");
    }

    @Test
    void s09_sums_the_sessions_counts_by_locality() {
        outreach(of(2026, 7, 5), "North", 12, 9, 3);
        outreach(of(2026, 7, 12), "North", 8, 8, 1);
        outreach(of(2026, 9, 1), "South", 10, 6, 6);
        outreach(of(2026, 6, 1), "South", 99, 99, 99);   // excluded: Q1
        List<MeasureResult> r = q2(new S09Outreach(), store);
        assertThat(total(r, "contacts")).isEqualTo("30");
        assertThat(total(r, "individuals")).isEqualTo("23");
        assertThat(value(r, "new_individuals", "locality", "North")).isEqualTo("4");
    }

    @Test
    void s11_and_s15_to_s18_count_families_and_activities_by_kind() {
        contact("P1", of(2026, 7, 2), "family", 30);
        contact("P1", of(2026, 8, 2), "family", 30);
        contact("P2", of(2026, 8, 3), "family", 30);
        contact("P3", of(2026, 8, 4), "1:1", 30);     // not a family contact
        List<MeasureResult> s11 = q2(new S11FamilyEngagement(), store);
        assertThat(total(s11, "families_engaged")).isEqualTo("2");
        assertThat(total(s11, "family_contacts")).isEqualTo("3");
        // length: P1 2 Jul -> 2 Aug = 31 days, P2 one contact = 0 days: median 15.5
        assertThat(total(s11, "median_days_family_engaged")).isEqualTo("15.5");

        activity("P1", "eet", "started");
        activity("P1", "eet", "completed");
        activity("P2", "volunteering", "dropped");
        activity("P3", "positive_activity", "started");
        activity("P4", "shaping_service", "completed");
        activity("P5", "school_engagement", "started");
        assertThat(total(q2(new S15EetEngagement(), store), "young_people")).isEqualTo("1");
        assertThat(value(q2(new S17PositiveActivities(), store), "activities", "outcome", "dropped")).isEqualTo("1");
        assertThat(total(q2(new S17PositiveActivities(), store), "activities")).isEqualTo("2");
        assertThat(total(q2(new S16SchoolEngagement(), store), "activities")).isEqualTo("1");
        assertThat(total(q2(new S18ShapingTheService(), store), "young_people")).isEqualTo("1");
    }

    @Test
    void s05_counts_joint_working_by_partner_activity_and_outcome() {
        store.row("ds_tyss_joint_working", "person_id", "P1", "event_date", of(2026, 7, 1), "partner", "police_mace", "activity", "strategy meeting",
                "outcome", "safety plan");
        store.row("ds_tyss_joint_working", "person_id", "P1", "event_date", of(2026, 7, 8), "partner", "school", "activity", "joint visit",
                "outcome", "safety plan");
        store.row("ds_tyss_joint_working", "person_id", "P2", "event_date", of(2026, 7, 9), "partner", "school", "activity", "joint visit");
        List<MeasureResult> r = q2(new S05JointWorking(), store);
        assertThat(total(r, "joint_working")).isEqualTo("3");
        assertThat(value(r, "joint_working", "partner", "school")).isEqualTo("2");
        // activity and outcome are free text: values written fewer than 6 times go under "other",
        // so a name typed there is never published as a label; 7 joint visits are shown as such
        for (int i = 0; i < 7; i++) {
            store.row("ds_tyss_joint_working", "person_id", "P3", "event_date", of(2026, 8, 1), "partner", "school", "activity", "joint visit");
        }
        List<MeasureResult> more = q2(new S05JointWorking(), store);
        assertThat(value(more, "joint_working", "activity", "joint visit")).isEqualTo("9");
        assertThat(value(more, "joint_working", "activity", "other (each written fewer than 6 times)")).isEqualTo("1");
        assertThat(value(more, "joint_working", "outcome", "other (each written fewer than 6 times)")).isEqualTo("2");
        assertThat(value(more, "joint_working", "outcome", "not recorded")).isEqualTo("8");
        assertThat(total(r, "young_people")).isEqualTo("2");
    }

    private void onward(String person, Object date, String kind, String service, String outcome) {
        store.row("ds_tyss_onward_referrals", "person_id", person, "event_date", date, "kind", kind, "service", service, "outcome", outcome);
    }

    private void contact(String person, Object date, String type, int minutes) {
        store.row("ds_tyss_contacts", "person_id", person, "contact_date", date, "type", type, "minutes", minutes);
    }

    private void referral(String person, Object allocated, Object closed) {
        store.row("ds_tyss_referrals", "person_id", person, "referral_date", of(2025, 12, 1), "referral_source", "police", "strand", "call-in",
                "allocated_date", allocated, "closed_date", closed);
    }

    private void audit(Object date, String grade) {
        store.row("ds_tyss_file_audits", "person_id", "P1", "audit_date", date, "grade", grade);
    }

    private void feedback(String respondent, int score) {
        store.row("ds_tyss_feedback", "respondent", respondent, "event_date", of(2026, 8, 1), "score", score);
    }

    private void context(String subject, Object plan, String before, String after) {
        store.row("ds_tyss_context_assessments", "ref", subject, "subject", subject, "assessed_date", of(2026, 8, 1), "plan_date", plan,
                "risk_before", before, "risk_after", after);
    }

    private void training(Object date, String audience, int attendees, Double before, Double after, Double followup) {
        store.row("ds_tyss_training", "event_date", date, "audience", audience, "attendees", attendees, "confidence_before", before,
                "confidence_after", after, "confidence_followup", followup);
    }

    private void outreach(Object date, String locality, int contacts, int individuals, int newIndividuals) {
        store.row("ds_tyss_outreach", "event_date", date, "locality", locality, "contacts", contacts, "individuals", individuals,
                "new_individuals", newIndividuals);
    }

    private void activity(String person, String kind, String outcome) {
        store.row("ds_tyss_activities", "person_id", person, "event_date", of(2026, 8, 15), "kind", kind, "outcome", outcome);
    }
}
