CREATE TABLE technician (
    login            text PRIMARY KEY,
    name             text        NOT NULL,
    product_lines    text[]      NOT NULL,
    regions          text[]      NOT NULL,
    home_store       text        NOT NULL,
    daily_capacity   int         NOT NULL CHECK (daily_capacity > 0),
    available        boolean     NOT NULL DEFAULT true,
    last_assigned_at timestamptz
);

CREATE TABLE work_order (
    id              uuid PRIMARY KEY,
    -- DSP-01: exactly one work order per accepted ticket, however often TicketAccepted arrives
    ticket_id       uuid        NOT NULL UNIQUE,
    ticket_number   text        NOT NULL,
    service_type    text        NOT NULL,
    product_line    text,
    product_model   text        NOT NULL,
    serial_number   text,
    region          text,
    entitlement     text        NOT NULL,
    priority        text        NOT NULL,
    expected_parts  jsonb       NOT NULL,
    state           text        NOT NULL,
    proposed_technician text REFERENCES technician (login),
    technician      text REFERENCES technician (login),
    created_at      timestamptz NOT NULL,
    assigned_at     timestamptz,
    closed_at       timestamptz,
    version         int         NOT NULL DEFAULT 0
);
CREATE INDEX work_order_technician_state_idx ON work_order (technician, state);

CREATE TABLE visit (
    id                    uuid PRIMARY KEY,
    work_order_id         uuid        NOT NULL REFERENCES work_order (id),
    technician            text        NOT NULL,
    outcome               text        NOT NULL,
    symptom               text        NOT NULL,
    cause_code            text        NOT NULL,
    actions               text        NOT NULL,
    parts_used            jsonb       NOT NULL,
    labour_minutes        int         NOT NULL CHECK (labour_minutes >= 0),
    customer_confirmation text        NOT NULL,
    recorded_at           timestamptz NOT NULL
);

-- every state change with its actor (SEC-03)
CREATE TABLE work_order_history (
    id            bigserial PRIMARY KEY,
    work_order_id uuid        NOT NULL REFERENCES work_order (id),
    at            timestamptz NOT NULL,
    actor         text        NOT NULL,
    action        text        NOT NULL,
    from_state    text,
    to_state      text
);
