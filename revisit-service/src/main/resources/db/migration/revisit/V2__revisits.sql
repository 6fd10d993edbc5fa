CREATE TABLE revisit (
    id                uuid PRIMARY KEY,
    ticket_id         uuid        NOT NULL,
    work_order_id     uuid        NOT NULL UNIQUE,
    technician_id     text        NOT NULL,
    kind              text        NOT NULL,
    state             text        NOT NULL,
    due_by            timestamptz NOT NULL,
    service_quality   text,
    technical_skill   text,
    charge_reasonable boolean,
    punctuality       text,
    overall           text,
    comment           text,
    agent             text,
    completed_at      timestamptz,
    created_at        timestamptz NOT NULL,
    version           int         NOT NULL DEFAULT 0
);
CREATE INDEX revisit_ticket_idx ON revisit (ticket_id);
CREATE INDEX revisit_due_idx ON revisit (state, due_by);
