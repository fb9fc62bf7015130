-- The cohort as it stood at the end of a period is everyone referred by then, so each member
-- carries the date of their first referral; a later referral no longer changes earlier figures.
ALTER TABLE cohort_member ADD COLUMN first_referral DATE;
DELETE FROM cohort_member;
INSERT INTO cohort_member (person_id, first_referral)
    SELECT person_id, MIN(referral_date) FROM ds_tyss_referrals WHERE person_id IS NOT NULL GROUP BY person_id;
CREATE INDEX ix_cohort_member_first_referral ON cohort_member (first_referral);
