CREATE TABLE part (
    part_number text PRIMARY KEY,
    description text          NOT NULL,
    unit_price  numeric(12, 2) NOT NULL CHECK (unit_price >= 0),
    serialised  boolean       NOT NULL
);

-- stores, the central warehouse and each technician's holding (TECH-<login>)
CREATE TABLE location (
    code  text PRIMARY KEY,
    kind  text NOT NULL CHECK (kind IN ('CENTRAL', 'STORE', 'TECHNICIAN')),
    owner text
);

-- PRT-02: on hand and available (on hand - reserved) never negative, enforced by the database too
CREATE TABLE stock (
    location    text NOT NULL REFERENCES location (code),
    part_number text NOT NULL REFERENCES part (part_number),
    on_hand     int  NOT NULL CHECK (on_hand >= 0),
    reserved    int  NOT NULL DEFAULT 0 CHECK (reserved >= 0),
    CHECK (reserved <= on_hand),
    PRIMARY KEY (location, part_number)
);

-- every quantity change, with reason, actor and work order (PRT-02); never updated or deleted
CREATE TABLE movement (
    id            bigserial PRIMARY KEY,
    at            timestamptz NOT NULL,
    part_number   text        NOT NULL REFERENCES part (part_number),
    from_location text REFERENCES location (code),
    to_location   text REFERENCES location (code),
    quantity      int         NOT NULL CHECK (quantity > 0),
    reason        text        NOT NULL,
    actor         text        NOT NULL,
    work_order_id uuid,
    ticket_id     uuid
);
CREATE INDEX movement_work_order_idx ON movement (work_order_id);

-- parts lent to a work order's technician until reconciled (PRT-03)
CREATE TABLE loan (
    id            uuid PRIMARY KEY,
    work_order_id uuid        NOT NULL,
    ticket_id     uuid        NOT NULL,
    technician    text        NOT NULL,
    part_number   text        NOT NULL REFERENCES part (part_number),
    quantity      int         NOT NULL CHECK (quantity > 0),
    status        text        NOT NULL,
    old_serial    text,
    issued_at     timestamptz NOT NULL,
    settled_at    timestamptz
);
CREATE INDEX loan_work_order_idx ON loan (work_order_id);
