-- Transactional outbox in the Debezium outbox shape plus the CloudEvent attributes (EVT-01, EVT-02).
-- Rows are deleted in the inserting transaction: Debezium reads the insert from the WAL.
CREATE TABLE outbox (
    id             uuid PRIMARY KEY,
    aggregatetype  text        NOT NULL,
    aggregateid    text        NOT NULL,
    type           text        NOT NULL,
    payload        jsonb       NOT NULL,
    ce_source      text        NOT NULL,
    ce_specversion text        NOT NULL,
    ce_time        text        NOT NULL,
    ce_subject     text,
    traceparent    text
);
CREATE PUBLICATION aftersales_outbox FOR TABLE outbox WITH (publish = 'insert');

-- Idempotent inbox (EVT-04): one row per event id and consumer, written with the handler's effect.
CREATE TABLE processed_event (
    event_id     uuid        NOT NULL,
    consumer     text        NOT NULL,
    event_type   text        NOT NULL,
    processed_at timestamptz NOT NULL,
    PRIMARY KEY (event_id, consumer)
);
