-- INT-08 price data intake owns: finance sets labour and travel prices, the storekeeper (or finance) part prices.
CREATE TABLE labour_rate (
    code        text PRIMARY KEY,
    description text,
    hourly_rate numeric(12, 2) NOT NULL CHECK (hourly_rate >= 0),
    version     int         NOT NULL DEFAULT 0,
    updated_at  timestamptz NOT NULL,
    updated_by  text        NOT NULL
);

CREATE TABLE travel_price (
    zone        text PRIMARY KEY,
    description text,
    price       numeric(12, 2) NOT NULL CHECK (price >= 0),
    version     int         NOT NULL DEFAULT 0,
    updated_at  timestamptz NOT NULL,
    updated_by  text        NOT NULL
);

CREATE TABLE part_price (
    part_number     text PRIMARY KEY,
    description     text,
    catalogue_price numeric(12, 2) NOT NULL CHECK (catalogue_price >= 0),
    cost_price      numeric(12, 2) NOT NULL CHECK (cost_price >= 0),
    version         int         NOT NULL DEFAULT 0,
    updated_at      timestamptz NOT NULL,
    updated_by      text        NOT NULL
);

-- A quote is immutable once issued except for its state and the acceptance/approval facts; a revision is a new
-- row that supersedes the previous one. Lines are priced at issue time and stored with the quote.
CREATE TABLE quote (
    id                      uuid PRIMARY KEY,
    ticket_id               uuid        NOT NULL REFERENCES ticket (id),
    revision                int         NOT NULL,
    supersedes              uuid REFERENCES quote (id),
    state                   text        NOT NULL,
    removable               boolean     NOT NULL,
    payment_terms           text        NOT NULL,
    currency                text        NOT NULL,
    lines                   jsonb       NOT NULL,
    total                   numeric(14, 2) NOT NULL,
    needs_manager_approval  boolean     NOT NULL,
    issued_at               timestamptz NOT NULL,
    issued_by               text        NOT NULL,
    valid_until             timestamptz NOT NULL,
    customer_accepted_by    text,
    acceptance_method       text,
    customer_accepted_at    timestamptz,
    recorded_by             text,
    supervisor_approved_by  text,
    supervisor_approved_at  timestamptz,
    manager_approved_by     text,
    manager_approved_at     timestamptz,
    declined_reason         text,
    declined_note           text,
    closed_at               timestamptz,
    closed_by               text,
    version                 int         NOT NULL DEFAULT 0,
    UNIQUE (ticket_id, revision)
);
CREATE INDEX quote_ticket_idx ON quote (ticket_id);
-- the expiry job's claim: open quotes by due time
CREATE INDEX quote_open_due_idx ON quote (valid_until)
    WHERE state IN ('ISSUED', 'ACCEPTED_BY_CUSTOMER', 'AWAITING_MANAGER');

-- Idempotency-Key of POST /tickets/{id}/quotes
CREATE TABLE quote_idempotency_key (
    key        text PRIMARY KEY,
    quote_id   uuid        NOT NULL REFERENCES quote (id) DEFERRABLE INITIALLY DEFERRED,
    created_at timestamptz NOT NULL
);
