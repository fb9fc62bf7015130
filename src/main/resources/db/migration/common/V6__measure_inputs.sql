-- What each stored result of a measure for a period was computed from, so a later run can reuse
-- it when the definition, the measures' code and the rows it could read are all unchanged.
CREATE TABLE measure_input (
    run_id             VARCHAR(32)  NOT NULL,
    measure_id         VARCHAR(8)   NOT NULL,
    period_kind        VARCHAR(20)  NOT NULL,
    period_start       DATE         NOT NULL,
    period_end         DATE         NOT NULL,
    definition_version VARCHAR(20)  NOT NULL,
    code_version       VARCHAR(64)  NOT NULL,
    inputs             VARCHAR(64)  NOT NULL,
    reused_from        VARCHAR(32),
    PRIMARY KEY (run_id, measure_id, period_kind, period_start, period_end)
);
CREATE INDEX ix_measure_input_reuse ON measure_input (measure_id, period_start, period_end, inputs);
CREATE INDEX ix_measure_result_period ON measure_result (run_id, measure_id, period_start, period_end);
