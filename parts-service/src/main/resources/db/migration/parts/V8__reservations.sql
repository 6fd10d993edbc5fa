-- PRT-01: a parts request is a reservation: what is available is reserved at the store (stock.reserved), a request
-- above the auto-approval limit waits for the storekeeper, reserved lines are issued to the technician's holding,
-- and what is short waits as a backorder, filled first come, first served when stock arrives.
CREATE TABLE reservation (
    id                uuid PRIMARY KEY,
    seq               bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    work_order_id     uuid           NOT NULL,
    ticket_id         uuid           NOT NULL,
    technician        text           NOT NULL,
    location          text           NOT NULL,
    status            text           NOT NULL CHECK (status IN ('AWAITING_APPROVAL', 'BACKORDERED', 'PARTLY_ISSUED',
                                                                'ISSUED', 'REJECTED', 'SUPERSEDED')),
    value             numeric(14, 2) NOT NULL CHECK (value >= 0),
    currency          text,
    approval_required boolean        NOT NULL,
    requested_by      text           NOT NULL,
    decided_by        text,
    decided_at        timestamptz,
    rejection_reason  text,
    created_at        timestamptz    NOT NULL,
    updated_at        timestamptz    NOT NULL,
    version           int            NOT NULL
);
CREATE INDEX reservation_location_idx ON reservation (location, status, seq);
CREATE INDEX reservation_work_order_idx ON reservation (work_order_id);
CREATE INDEX reservation_technician_idx ON reservation (technician, seq);
-- one request per work order is live: a newer request supersedes it (its stock is released)
CREATE UNIQUE INDEX reservation_one_active_per_work_order ON reservation (work_order_id)
    WHERE status IN ('AWAITING_APPROVAL', 'BACKORDERED', 'PARTLY_ISSUED');

-- per part: requested, reserved at the store now (stock.reserved), already issued to the technician
CREATE TABLE reservation_line (
    reservation_id uuid           NOT NULL REFERENCES reservation (id),
    part_number    text           NOT NULL,
    quantity       int            NOT NULL CHECK (quantity > 0),
    reserved       int            NOT NULL CHECK (reserved >= 0),
    issued         int            NOT NULL CHECK (issued >= 0),
    unit_price     numeric(12, 2),
    CHECK (reserved + issued <= quantity),
    PRIMARY KEY (reservation_id, part_number)
);

-- a backorder is the waiting part of a reservation; it is filled by the stock of a receipt or of a transfer in,
-- so filled_by names the source document and no longer refers to a receipt only
ALTER TABLE backorder DROP CONSTRAINT IF EXISTS backorder_filled_by_fkey;
COMMENT ON COLUMN backorder.filled_by IS 'the source document (receipt, transfer) whose stock filled the backorder';
ALTER TABLE backorder ADD COLUMN reservation_id uuid REFERENCES reservation (id);

-- backorders still open from before reservations become back-ordered reservations holding no stock yet
INSERT INTO reservation (id, work_order_id, ticket_id, technician, location, status, value, approval_required,
                         requested_by, created_at, updated_at, version)
SELECT b.id, b.work_order_id, b.ticket_id, b.technician, b.location, 'BACKORDERED', 0, false, 'system:parts-issue',
       b.created_at, b.created_at, 1
  FROM backorder b WHERE b.status = 'OPEN' ORDER BY b.created_at, b.seq;
INSERT INTO reservation_line (reservation_id, part_number, quantity, reserved, issued, unit_price)
SELECT l.backorder_id, l.part_number, l.quantity, 0, 0, NULL
  FROM backorder_line l JOIN backorder b ON b.id = l.backorder_id WHERE b.status = 'OPEN';
UPDATE backorder SET reservation_id = id WHERE status = 'OPEN';
