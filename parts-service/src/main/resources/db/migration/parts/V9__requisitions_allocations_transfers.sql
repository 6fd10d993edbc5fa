-- Issue 13, PRT-01, PRT-02: requisitions (purchase from a supplier, or replenishment of a store from the central
-- warehouse), the central warehouse's allocations to a store against a replenishment requisition, and transfers
-- between locations. The quantities themselves move only as ledger movements (movement); these are the documents.
CREATE TABLE requisition (
    id          uuid PRIMARY KEY,
    kind        text        NOT NULL CHECK (kind IN ('PURCHASE', 'REPLENISHMENT')),
    origin      text        NOT NULL CHECK (origin IN ('SHORTAGE', 'STOREKEEPER')),
    location    text        NOT NULL REFERENCES location (code),
    supplier    text,
    note        text,
    status      text        NOT NULL CHECK (status IN ('OPEN', 'PARTLY_ALLOCATED', 'ALLOCATED', 'PARTLY_RECEIVED',
                                                       'RECEIVED', 'CANCELLED')),
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    version     int         NOT NULL
);
CREATE INDEX requisition_list_idx ON requisition (created_at, id);
-- PRT-01: one open automatic replenishment requisition per store collects the shortages
CREATE UNIQUE INDEX requisition_one_open_shortage_per_store ON requisition (location)
    WHERE origin = 'SHORTAGE' AND status = 'OPEN';

-- per part: what was requested, allocated from the central warehouse (in transit) and received at the location
CREATE TABLE requisition_line (
    requisition_id uuid NOT NULL REFERENCES requisition (id),
    part_number    text NOT NULL REFERENCES part (part_number),
    requested      int  NOT NULL CHECK (requested > 0),
    allocated      int  NOT NULL DEFAULT 0 CHECK (allocated >= 0 AND allocated <= requested),
    received       int  NOT NULL DEFAULT 0 CHECK (received >= 0 AND received <= requested),
    PRIMARY KEY (requisition_id, part_number)
);

-- where an automatic requisition's quantities came from: the backordered work orders (first come, first served)
CREATE TABLE requisition_source (
    requisition_id uuid        NOT NULL REFERENCES requisition (id),
    seq            bigint GENERATED ALWAYS AS IDENTITY,
    part_number    text        NOT NULL,
    quantity       int         NOT NULL CHECK (quantity > 0),
    work_order_id  uuid,
    ticket_id      uuid,
    backorder_id   uuid,
    actor          text        NOT NULL,
    added_at       timestamptz NOT NULL,
    PRIMARY KEY (requisition_id, seq)
);

-- the central warehouse's allocations against a replenishment requisition (ALLOCATED movements into TRANSIT-<store>)
CREATE TABLE allocation (
    id             uuid PRIMARY KEY,
    requisition_id uuid        NOT NULL REFERENCES requisition (id),
    packing_list   text        NOT NULL,
    from_location  text        NOT NULL REFERENCES location (code),
    to_location    text        NOT NULL REFERENCES location (code),
    actor          text        NOT NULL,
    allocated_at   timestamptz NOT NULL
);
CREATE INDEX allocation_requisition_idx ON allocation (requisition_id);

CREATE TABLE allocation_line (
    allocation_id uuid NOT NULL REFERENCES allocation (id),
    part_number   text NOT NULL REFERENCES part (part_number),
    quantity      int  NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (allocation_id, part_number)
);

-- receiving by packing list against a requisition (null: an unplanned delivery)
ALTER TABLE receipt ADD COLUMN requisition_id uuid REFERENCES requisition (id);
CREATE INDEX receipt_requisition_idx ON receipt (requisition_id);

-- transfers between stores and the central warehouse (TRANSFERRED movements)
CREATE TABLE transfer (
    id             uuid PRIMARY KEY,
    from_location  text        NOT NULL REFERENCES location (code),
    to_location    text        NOT NULL REFERENCES location (code),
    reason         text        NOT NULL,
    actor          text        NOT NULL,
    transferred_at timestamptz NOT NULL,
    CHECK (from_location <> to_location)
);
CREATE INDEX transfer_list_idx ON transfer (transferred_at, id);

CREATE TABLE transfer_line (
    transfer_id uuid NOT NULL REFERENCES transfer (id),
    part_number text NOT NULL REFERENCES part (part_number),
    quantity    int  NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (transfer_id, part_number)
);

-- PRT-01: a transfer into a store fills its backorders too, so filled_by is a receipt or a transfer (the reserve
-- slice drops the same constraint; IF EXISTS keeps both orders of merging working)
ALTER TABLE backorder DROP CONSTRAINT IF EXISTS backorder_filled_by_fkey;
