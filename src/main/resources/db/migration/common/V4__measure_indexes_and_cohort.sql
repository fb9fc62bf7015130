-- Every measure selects its period's rows by one date column, ten periods a run: an index on that
-- column turns each of those scans of the whole history into a range read of the period's rows.
CREATE INDEX ix_ds_health_cypmh_date ON ds_health_cypmh (referral_date);
CREATE INDEX ix_ds_police_asb_date ON ds_police_asb (incident_date);
CREATE INDEX ix_ds_police_county_lines_date ON ds_police_county_lines (identified_date);
CREATE INDEX ix_ds_police_crimes_date ON ds_police_crimes (occurrence_date);
CREATE INDEX ix_ds_police_disruption_date ON ds_police_disruption (action_date);
CREATE INDEX ix_ds_police_missing_reports_date ON ds_police_missing_reports (reported_at);
CREATE INDEX ix_ds_police_street_crime_date ON ds_police_street_crime (crime_month);
CREATE INDEX ix_ds_schools_attendance_date ON ds_schools_attendance (period_end);
CREATE INDEX ix_ds_schools_exclusions_date ON ds_schools_exclusions (startdate);
CREATE INDEX ix_ds_schools_post16_activity_date ON ds_schools_post16_activity (activity_month);
CREATE INDEX ix_ds_social_care_assessments_date ON ds_social_care_assessments (assessment_start);
CREATE INDEX ix_ds_social_care_cla_missing_date ON ds_social_care_cla_missing (mis_start);
CREATE INDEX ix_ds_social_care_exploitation_screenings_date ON ds_social_care_exploitation_screenings (screening_date);
CREATE INDEX ix_ds_tyss_activities_date ON ds_tyss_activities (event_date);
CREATE INDEX ix_ds_tyss_contacts_date ON ds_tyss_contacts (contact_date);
CREATE INDEX ix_ds_tyss_outreach_date ON ds_tyss_outreach (event_date);
CREATE INDEX ix_ds_tyss_risk_reviews_date ON ds_tyss_risk_reviews (review_date);
CREATE INDEX ix_ds_yot_offences_date ON ds_yot_offences (offence_date);

-- The cohort (every person with a TYSS referral), one row each, refreshed when measures are
-- computed: "in the cohort" is then a primary-key lookup instead of a scan of the referrals.
CREATE TABLE cohort_member (
    person_id VARCHAR(32) PRIMARY KEY
);
INSERT INTO cohort_member (person_id) SELECT DISTINCT person_id FROM ds_tyss_referrals WHERE person_id IS NOT NULL;
