-- When a file was received: the partner's delivery time from the inbox's receipts log, else when the
-- receive stage first saw it. Set once at first receipt and never changed, so timeliness is the same
-- however often a quarter is reported; a rerun gets it back from the manifest.
ALTER TABLE received_file ADD COLUMN received_at TIMESTAMP;
