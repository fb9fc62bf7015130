-- The order files were delivered in. A file's bytes are received once (uq_received_sha), but an
-- old version can be delivered again (a revert): it then becomes the latest delivery of its name.
ALTER TABLE received_file ADD COLUMN delivery BIGINT;
UPDATE received_file SET delivery = file_id;
