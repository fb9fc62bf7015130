-- A person index costs every stored row a random insert (and every relinked row a delete and
-- an insert): about 40% of storing and linking. Only tables that queries look up by person keep
-- one (S12 risk reviews, Y03 offences, Y15 onward referrals, and the referrals behind the cohort);
-- the rest are read by date, and the cohort is tested through cohort_member.
DROP INDEX ix_ds_health_cypmh_person;
DROP INDEX ix_ds_police_asb_person;
DROP INDEX ix_ds_police_county_lines_person;
DROP INDEX ix_ds_police_crimes_person;
DROP INDEX ix_ds_police_disruption_person;
DROP INDEX ix_ds_police_missing_reports_person;
DROP INDEX ix_ds_schools_attainment_person;
DROP INDEX ix_ds_schools_attendance_person;
DROP INDEX ix_ds_schools_exclusions_person;
DROP INDEX ix_ds_schools_post16_activity_person;
DROP INDEX ix_ds_social_care_assessments_person;
DROP INDEX ix_ds_social_care_cla_missing_person;
DROP INDEX ix_ds_social_care_contacts_person;
DROP INDEX ix_ds_social_care_exploitation_screenings_person;
DROP INDEX ix_ds_tyss_activities_person;
DROP INDEX ix_ds_tyss_contacts_person;
DROP INDEX ix_ds_tyss_file_audits_person;
DROP INDEX ix_ds_tyss_joint_working_person;
DROP INDEX ix_ds_tyss_outcome_tools_person;
DROP INDEX ix_ds_tyss_return_interviews_person;
DROP INDEX ix_ds_yot_interventions_person;
