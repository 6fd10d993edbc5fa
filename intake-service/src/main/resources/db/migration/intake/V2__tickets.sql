CREATE TABLE customer (
    id         uuid PRIMARY KEY,
    name       text        NOT NULL,
    phone      text        NOT NULL,
    region     text,
    created_at timestamptz NOT NULL,
    created_by text        NOT NULL
);
CREATE INDEX customer_phone_idx ON customer (phone);

CREATE TABLE ticket_number_counter (
    year int PRIMARY KEY,
    last int NOT NULL
);

CREATE TABLE ticket (
    id                  uuid PRIMARY KEY,
    number              text        NOT NULL UNIQUE,
    customer_id         uuid        NOT NULL REFERENCES customer (id),
    product_model       text        NOT NULL,
    product_line        text,
    serial_number       text,
    ship_date           date,
    reported_on         date        NOT NULL,
    fault_description   text        NOT NULL,
    channel             text        NOT NULL,
    service_type        text        NOT NULL,
    priority            text        NOT NULL,
    entitlement         text,
    quality_must_report boolean     NOT NULL,
    expected_parts      jsonb       NOT NULL DEFAULT '[]',
    state               text        NOT NULL,
    work_order_id       uuid,
    version             int         NOT NULL DEFAULT 0,
    created_at          timestamptz NOT NULL,
    created_by          text        NOT NULL,
    updated_at          timestamptz NOT NULL
);
CREATE INDEX ticket_serial_idx ON ticket (serial_number);
CREATE INDEX ticket_customer_idx ON ticket (customer_id);

-- The ticket's own changes, with actor and time (SEC-03, INT-18).
CREATE TABLE ticket_history (
    id         bigserial PRIMARY KEY,
    ticket_id  uuid        NOT NULL REFERENCES ticket (id),
    at         timestamptz NOT NULL,
    actor      text        NOT NULL,
    action     text        NOT NULL,
    from_state text,
    to_state   text,
    detail     text
);
CREATE INDEX ticket_history_ticket_idx ON ticket_history (ticket_id, at);

-- Every other service's event about a ticket, as received (INT-18).
CREATE TABLE timeline_event (
    event_id   uuid PRIMARY KEY,
    ticket_id  uuid        NOT NULL,
    at         timestamptz NOT NULL,
    actor      text,
    source     text        NOT NULL,
    event_type text        NOT NULL,
    payload    jsonb       NOT NULL
);
CREATE INDEX timeline_event_ticket_idx ON timeline_event (ticket_id, at);

-- Idempotency-Key of POST /tickets: a double click registers one ticket.
CREATE TABLE idempotency_key (
    key        text PRIMARY KEY,
    -- deferred: the key is claimed first, so a concurrent duplicate waits and then finds the ticket
    ticket_id  uuid        NOT NULL REFERENCES ticket (id) DEFERRABLE INITIALLY DEFERRED,
    created_at timestamptz NOT NULL
);
