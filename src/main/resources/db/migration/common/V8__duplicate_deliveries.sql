-- A file whose bytes equal one already received under another name is not loaded twice, but it is
-- recorded, so the rejects report, the manifest and the console can say so (nothing dropped without trace).
CREATE TABLE duplicate_delivery (
    source_name   VARCHAR(500) NOT NULL,
    sha256        VARCHAR(64)  NOT NULL,
    same_as       VARCHAR(500) NOT NULL,
    received_run  VARCHAR(32)  NOT NULL,
    CONSTRAINT pk_duplicate_delivery PRIMARY KEY (source_name, sha256)
);
