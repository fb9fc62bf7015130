-- The DuckDB peer's ten cohort measures (tyss.bench.DuckDbPeer): the headline figure of each, as an
-- analyst would write it over the peer's own tables. Each query is headed "-- <id> <figure>: what it
-- counts"; $1 is the period's first day and $2 its last. The cohort is everyone referred by the end
-- of the period (cohort_member, built when linking), as the pipeline's Tally.inCohort.

-- Y01 screenings: exploitation risk screenings of cohort members completed in the period
SELECT count(*) FROM ds_social_care_exploitation_screenings
WHERE screening_date BETWEEN $1 AND $2
  AND person_id IN (SELECT person_id FROM cohort_member WHERE first_referral <= $2);

-- Y02 missing_episodes: police missing reports and looked-after children's missing (not away) episodes starting in the period
SELECT count(*) FROM (
    SELECT person_id, CAST(reported_at AS DATE) AS started FROM ds_police_missing_reports
    UNION ALL
    SELECT person_id, mis_start FROM ds_social_care_cla_missing WHERE lower(missing) IN ('m', 'missing')
) e
WHERE started BETWEEN $1 AND $2
  AND person_id IN (SELECT person_id FROM cohort_member WHERE first_referral <= $2);

-- Y04 occurrences: police occurrences with a cohort member as suspect or offender, of violence, PWITS or a knife or weapon
SELECT count(*) FROM ds_police_crimes
WHERE occurrence_date BETWEEN $1 AND $2
  AND lower(role) IN ('suspect', 'offender')
  AND (lower(crime_type) = 'violence and sexual offences' OR yes(pwits) OR yes(knife) OR lower(crime_type) = 'possession of weapons')
  AND person_id IN (SELECT person_id FROM cohort_member WHERE first_referral <= $2);

-- Y05 events: identifications of cohort members as linked to a county line
SELECT count(*) FROM ds_police_county_lines
WHERE identified_date BETWEEN $1 AND $2
  AND person_id IN (SELECT person_id FROM cohort_member WHERE first_referral <= $2);

-- Y06 events: anti-social behaviour incidents of cohort members
SELECT count(*) FROM ds_police_asb
WHERE incident_date BETWEEN $1 AND $2
  AND person_id IN (SELECT person_id FROM cohort_member WHERE first_referral <= $2);

-- Y07 people_with_intervention: cohort members with a youth justice intervention open at any time in the period
SELECT count(DISTINCT person_id) FROM ds_yot_interventions
WHERE start_date <= $2 AND (end_date IS NULL OR end_date >= $1)
  AND person_id IN (SELECT person_id FROM cohort_member WHERE first_referral <= $2);

-- Y09 events: police disruption actions concerning cohort members
SELECT count(*) FROM ds_police_disruption
WHERE action_date BETWEEN $1 AND $2
  AND person_id IN (SELECT person_id FROM cohort_member WHERE first_referral <= $2);

-- Y10 assessments_cce_cse: children in need assessments of cohort members starting in the period with factor 11A (CSE) or 24A (CCE)
SELECT count(*) FROM ds_social_care_assessments
WHERE assessment_start BETWEEN $1 AND $2
  AND list_has_any(string_split(replace(upper(factors), ' ', ''), ','), ['11A', '24A'])
  AND person_id IN (SELECT person_id FROM cohort_member WHERE first_referral <= $2);

-- Y11 referrals: CYPMH referrals of cohort members made in the period with exploitation as a contributing factor
SELECT count(*) FROM ds_health_cypmh
WHERE referral_date BETWEEN $1 AND $2 AND yes(exploitation_factor)
  AND person_id IN (SELECT person_id FROM cohort_member WHERE first_referral <= $2);

-- Y12 events: police occurrences flagged as relating to child exploitation, with a cohort member in them
SELECT count(*) FROM ds_police_crimes
WHERE occurrence_date BETWEEN $1 AND $2 AND yes(exploitation)
  AND person_id IN (SELECT person_id FROM cohort_member WHERE first_referral <= $2);
