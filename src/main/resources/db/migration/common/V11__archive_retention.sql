-- The day the retention rule deleted a received file's archived copy (its rows stay, pseudonymised).
ALTER TABLE received_file ADD COLUMN archive_deleted_on DATE;
