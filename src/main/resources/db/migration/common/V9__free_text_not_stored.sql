-- Free text a person typed (closure reasons, training topics) may hold a name: it is checked at
-- ingest but never stored (the spec's type free-text). Dropping the columns also removes what an
-- earlier release stored.
ALTER TABLE ds_tyss_referrals DROP COLUMN closure_reason;
ALTER TABLE ds_tyss_training DROP COLUMN topic;
