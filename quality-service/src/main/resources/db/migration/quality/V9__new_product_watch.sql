-- QLT-07: a model's launch as quality records it (without one, the model's first shipment in the installed base).
CREATE TABLE product_launch (
    product_model text PRIMARY KEY,
    launched_on   date        NOT NULL,
    recorded_by   text        NOT NULL,
    recorded_at   timestamptz NOT NULL,
    version       integer     NOT NULL
);

-- QLT-07: every failure of a model under the new-product watch, reported once per defect record.
CREATE TABLE new_product_failure (
    defect_id         uuid PRIMARY KEY,
    ticket_id         uuid,
    product_model     text        NOT NULL,
    serial_number     text,
    failure_mode      text,
    cause             text,
    launched_on       date        NOT NULL,
    watch_ends_on     date        NOT NULL,
    days_since_launch integer     NOT NULL,
    failed_at         timestamptz NOT NULL,
    reported_at       timestamptz NOT NULL
);
CREATE INDEX new_product_failure_model_idx ON new_product_failure (product_model, failed_at);

-- QLT-07: after-sales' written survey of a new product (售后部…以文字形式的报告提交质检部分析); never changed.
CREATE TABLE new_product_survey_finding (
    id                 uuid PRIMARY KEY,
    product_model      text        NOT NULL,
    findings           text        NOT NULL,
    customers_surveyed integer     NOT NULL,
    submitted_by       text        NOT NULL,
    submitted_at       timestamptz NOT NULL
);
CREATE INDEX new_product_survey_finding_model_idx ON new_product_survey_finding (product_model, submitted_at);
CREATE TRIGGER new_product_survey_finding_is_append_only BEFORE UPDATE OR DELETE ON new_product_survey_finding
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
