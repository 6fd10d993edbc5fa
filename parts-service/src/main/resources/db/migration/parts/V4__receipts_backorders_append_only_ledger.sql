-- PRT-01: stock received into a store (a packing list or purchase order), and the backorders it fills.
ALTER TABLE movement ADD COLUMN reference text;

CREATE TABLE receipt (
    id          uuid PRIMARY KEY,
    location    text        NOT NULL REFERENCES location (code),
    reference   text        NOT NULL,
    actor       text        NOT NULL,
    received_at timestamptz NOT NULL
);

CREATE TABLE receipt_line (
    receipt_id  uuid NOT NULL REFERENCES receipt (id),
    part_number text NOT NULL REFERENCES part (part_number),
    quantity    int  NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (receipt_id, part_number)
);

-- PRT-01, DSP-03: a request that could not be issued whole waits here until received stock fills it, oldest first
-- (seq breaks ties between backorders created at the same instant).
CREATE TABLE backorder (
    id             uuid PRIMARY KEY,
    seq            bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    work_order_id  uuid        NOT NULL,
    ticket_id      uuid        NOT NULL,
    technician     text        NOT NULL,
    location       text        NOT NULL,
    created_at     timestamptz NOT NULL,
    expected_date  date        NOT NULL,
    status         text        NOT NULL CHECK (status IN ('OPEN', 'FILLED', 'SUPERSEDED')),
    closed_at      timestamptz,
    filled_by      uuid REFERENCES receipt (id)
);
CREATE INDEX backorder_open_idx ON backorder (location, created_at, seq) WHERE status = 'OPEN';
CREATE INDEX backorder_work_order_idx ON backorder (work_order_id);
-- one open backorder per work order: a new request for the order supersedes the open one
CREATE UNIQUE INDEX backorder_one_open_per_work_order ON backorder (work_order_id) WHERE status = 'OPEN';

-- the whole request: a fill issues every line, as a request is issued whole (PRT-01)
CREATE TABLE backorder_line (
    backorder_id uuid NOT NULL REFERENCES backorder (id),
    part_number  text NOT NULL,
    quantity     int  NOT NULL CHECK (quantity > 0),
    available    int  NOT NULL CHECK (available >= 0),
    PRIMARY KEY (backorder_id, part_number)
);

-- Idempotency-Key of creating POSTs (the platform's IdempotencyKeys): POST /api/parts/receipts
CREATE TABLE idempotent_creation (
    resource    text        NOT NULL,
    key         text        NOT NULL,
    resource_id uuid        NOT NULL,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (resource, key)
);

-- SEC-03, PRT-02: the ledger is append-only; the database refuses to change or remove a movement.
CREATE FUNCTION refuse_ledger_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is the stock ledger and cannot be %d', TG_TABLE_NAME, lower(TG_OP)
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
CREATE TRIGGER movement_is_append_only BEFORE UPDATE OR DELETE ON movement
    FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change();
CREATE TRIGGER movement_is_not_truncated BEFORE TRUNCATE ON movement
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_ledger_change();
