-- QLT-06 trend alerts. The configured default rule (aftersales.quality.alert.*) applies to every model without a row
-- here; quality sets a model's own rule through the API.
CREATE TABLE alert_rule (
    product_model   text PRIMARY KEY,
    window_days     integer       NOT NULL CHECK (window_days BETWEEN 1 AND 366),
    count_threshold integer       NOT NULL CHECK (count_threshold >= 0),
    rate_threshold  numeric(9, 6) CHECK (rate_threshold > 0 AND rate_threshold <= 1),
    updated_by      text          NOT NULL,
    updated_at      timestamptz   NOT NULL,
    version         integer       NOT NULL
);

-- Every logged failure by its key (model, failure mode) and when it failed: the rolling windows count these rows.
CREATE TABLE alert_occurrence (
    defect_id     uuid PRIMARY KEY,
    product_model text        NOT NULL,
    failure_mode  text        NOT NULL,
    failed_at     timestamptz NOT NULL,
    recorded_at   timestamptz NOT NULL
);
CREATE INDEX alert_occurrence_key_idx ON alert_occurrence (product_model, failure_mode, failed_at);

-- One alert per crossing of a key's threshold: RAISED (or ACKNOWLEDGED) while the crossing lasts, CLEARED once the
-- count in the window fell back to the threshold. At most one open crossing per key.
CREATE TABLE quality_alert (
    id                    uuid PRIMARY KEY,
    product_model         text          NOT NULL,
    failure_mode          text          NOT NULL,
    state                 text          NOT NULL,
    basis                 text          NOT NULL,
    window_days           integer       NOT NULL,
    count_threshold       integer       NOT NULL,
    rate_threshold        numeric(9, 6),
    installed_base        bigint        NOT NULL,
    failure_count         integer       NOT NULL,
    rate                  numeric(9, 6),
    first_failure_at      timestamptz   NOT NULL,
    last_failure_at       timestamptz   NOT NULL,
    raised_at             timestamptz   NOT NULL,
    acknowledged_by       text,
    acknowledged_at       timestamptz,
    cleared_at            timestamptz,
    evaluated_at          timestamptz,
    improvement_report_id uuid,
    version               integer       NOT NULL
);
CREATE UNIQUE INDEX quality_alert_one_open_per_key ON quality_alert (product_model, failure_mode)
    WHERE state IN ('RAISED', 'ACKNOWLEDGED');
CREATE INDEX quality_alert_state_idx ON quality_alert (state, raised_at);

-- The failures an alert counted (at raising and while its crossing lasted).
CREATE TABLE quality_alert_failure (
    alert_id  uuid        NOT NULL REFERENCES quality_alert (id),
    defect_id uuid        NOT NULL,
    failed_at timestamptz NOT NULL,
    PRIMARY KEY (alert_id, defect_id)
);
