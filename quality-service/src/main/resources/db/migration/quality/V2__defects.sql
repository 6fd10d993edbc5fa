-- QLT-01: one defect record per closed repair with a cause code (or per returned defective part).
CREATE TABLE defect (
    id                     uuid PRIMARY KEY,
    ticket_id              uuid        NOT NULL,
    work_order_id          uuid        NOT NULL,
    product_model          text        NOT NULL,
    serial_number          text,
    failure_mode           text        NOT NULL,
    cause                  text        NOT NULL,
    responsible_department text,
    source                 text        NOT NULL,
    recorded_at            timestamptz NOT NULL,
    UNIQUE (work_order_id, source)
);
CREATE INDEX defect_ticket_idx ON defect (ticket_id);
CREATE INDEX defect_model_mode_idx ON defect (product_model, failure_mode, recorded_at);
