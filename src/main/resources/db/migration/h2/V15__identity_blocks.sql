-- H2 writes a sequence's next block of values to its metadata, and commits that (with WRITE_DELAY=0,
-- a store to disk), every CACHE values; an identity column's default of 32 made that every 32 rows
-- inserted, half of ingest's storing time (Java Flight Recorder: Sequence.flush). A larger block only
-- leaves a larger gap in the ids after a killed run, as 32 did: ids are read for order and identity only.
ALTER TABLE row_issue ALTER COLUMN issue_id SET CACHE 10000;
ALTER TABLE measure_result ALTER COLUMN result_id SET CACHE 10000;
ALTER TABLE ds_health_cypmh ALTER COLUMN row_id SET CACHE 10000;
ALTER TABLE ds_police_asb ALTER COLUMN row_id SET CACHE 10000;
ALTER TABLE ds_police_county_lines ALTER COLUMN row_id SET CACHE 10000;
ALTER TABLE ds_police_crimes ALTER COLUMN row_id SET CACHE 10000;
ALTER TABLE ds_police_disruption ALTER COLUMN row_id SET CACHE 10000;
ALTER TABLE ds_police_missing_reports ALTER COLUMN row_id SET CACHE 10000;
ALTER TABLE ds_police_street_crime ALTER COLUMN row_id SET CACHE 10000;
ALTER TABLE ds_reference_localities ALTER COLUMN row_id SET CACHE 10000;
ALTER TABLE ds_reference_population ALTER COLUMN row_id SET CACHE 10000;
ALTER TABLE ds_reference_targets ALTER COLUMN row_id SET CACHE 10000;
ALTER TABLE ds_schools_attainment ALTER COLUMN row_id SET CACHE 10000;
ALTER TABLE ds_schools_attendance ALTER COLUMN row_id SET CACHE 10000;
ALTER TABLE ds_schools_exclusions ALTER COLUMN row_id SET CACHE 10000;
ALTER TABLE ds_schools_post16_activity ALTER COLUMN row_id SET CACHE 10000;
ALTER TABLE ds_social_care_assessments ALTER COLUMN row_id SET CACHE 10000;
ALTER TABLE ds_social_care_cla_missing ALTER COLUMN row_id SET CACHE 10000;
ALTER TABLE ds_social_care_contacts ALTER COLUMN row_id SET CACHE 10000;
ALTER TABLE ds_social_care_exploitation_screenings ALTER COLUMN row_id SET CACHE 10000;
ALTER TABLE ds_tyss_activities ALTER COLUMN row_id SET CACHE 10000;
ALTER TABLE ds_tyss_contacts ALTER COLUMN row_id SET CACHE 10000;
ALTER TABLE ds_tyss_context_assessments ALTER COLUMN row_id SET CACHE 10000;
ALTER TABLE ds_tyss_feedback ALTER COLUMN row_id SET CACHE 10000;
ALTER TABLE ds_tyss_file_audits ALTER COLUMN row_id SET CACHE 10000;
ALTER TABLE ds_tyss_joint_working ALTER COLUMN row_id SET CACHE 10000;
ALTER TABLE ds_tyss_onward_referrals ALTER COLUMN row_id SET CACHE 10000;
ALTER TABLE ds_tyss_outcome_tools ALTER COLUMN row_id SET CACHE 10000;
ALTER TABLE ds_tyss_outreach ALTER COLUMN row_id SET CACHE 10000;
ALTER TABLE ds_tyss_referrals ALTER COLUMN row_id SET CACHE 10000;
ALTER TABLE ds_tyss_return_interviews ALTER COLUMN row_id SET CACHE 10000;
ALTER TABLE ds_tyss_risk_reviews ALTER COLUMN row_id SET CACHE 10000;
ALTER TABLE ds_tyss_training ALTER COLUMN row_id SET CACHE 10000;
ALTER TABLE ds_yot_interventions ALTER COLUMN row_id SET CACHE 10000;
ALTER TABLE ds_yot_offences ALTER COLUMN row_id SET CACHE 10000;
