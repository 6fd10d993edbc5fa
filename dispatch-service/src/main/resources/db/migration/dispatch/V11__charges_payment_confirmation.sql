-- DSP-05 charges, payment and the customer's confirmation of a fixed visit.

-- INT-08: dispatch's copy of the parts catalogue's latest unit price per part, from every PartsIssued (the
-- storekeeper owns the prices; dispatch never types them). The newest issue wins, whatever the delivery order.
CREATE TABLE part_price (
    part_number text PRIMARY KEY,
    unit_price  numeric(12, 2) NOT NULL CHECK (unit_price >= 0),
    currency    text           NOT NULL,
    priced_at   timestamptz    NOT NULL
);

-- the charge form of a closed paid (or explicitly chargeable) work order (RPT-02); written once, never changed
CREATE TABLE charge_sheet (
    work_order_id     uuid PRIMARY KEY REFERENCES work_order (id),
    ticket_id         uuid           NOT NULL,
    technician        text           NOT NULL,
    entitlement       text           NOT NULL,
    chargeable_reason text,
    parts_total       numeric(12, 2) NOT NULL CHECK (parts_total >= 0),
    travel_total      numeric(12, 2) NOT NULL CHECK (travel_total >= 0),
    service_total     numeric(12, 2) NOT NULL CHECK (service_total >= 0),
    total             numeric(12, 2) NOT NULL CHECK (total = parts_total + travel_total + service_total),
    currency          text           NOT NULL,
    payment_method    text,
    payment_reference text,
    amount_collected  numeric(12, 2) CHECK (amount_collected >= 0),
    amount_due        numeric(12, 2) CHECK (amount_due >= 0),
    recorded_at       timestamptz    NOT NULL
);

CREATE TABLE charge_line (
    work_order_id uuid           NOT NULL REFERENCES charge_sheet (work_order_id),
    line_no       int            NOT NULL,
    kind          text           NOT NULL CHECK (kind IN ('PARTS', 'TRAVEL', 'SERVICE')),
    description   text           NOT NULL,
    part_number   text,
    quantity      int CHECK (quantity > 0),
    unit_price    numeric(12, 2) CHECK (unit_price >= 0),
    amount        numeric(12, 2) NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (work_order_id, line_no)
);

-- the customer's confirmation of a visit and their rating (DSP-05); the signature image lives only here
CREATE TABLE visit_confirmation (
    visit_id        uuid PRIMARY KEY REFERENCES visit (id),
    work_order_id   uuid        NOT NULL REFERENCES work_order (id),
    method          text        NOT NULL CHECK (method IN ('SIGNATURE', 'CODE')),
    code            text,
    signature       bytea,
    signature_type  text,
    -- VERY_SATISFIED, SATISFIED, NEUTRAL, DISSATISFIED, or DECLINED when the customer would not rate
    rating          text        NOT NULL,
    recorded_at     timestamptz NOT NULL,
    CHECK ((method = 'SIGNATURE') = (signature IS NOT NULL)),
    CHECK ((method = 'CODE') = (code IS NOT NULL))
);
CREATE INDEX visit_confirmation_work_order_idx ON visit_confirmation (work_order_id);

-- unpaid balances of paid work orders, tracked until finance records their collection
CREATE TABLE receivable (
    work_order_id     uuid PRIMARY KEY REFERENCES work_order (id),
    ticket_id         uuid           NOT NULL,
    technician        text           NOT NULL,
    method            text           NOT NULL CHECK (method IN ('COLLECTED_ON_SITE', 'INVOICED', 'PREPAID')),
    reference         text,
    currency          text           NOT NULL,
    total             numeric(12, 2) NOT NULL CHECK (total >= 0),
    prepaid           numeric(12, 2) NOT NULL DEFAULT 0 CHECK (prepaid >= 0),
    collected_on_site numeric(12, 2) NOT NULL DEFAULT 0 CHECK (collected_on_site >= 0),
    collected         numeric(12, 2) NOT NULL DEFAULT 0 CHECK (collected >= 0),
    -- never over-collected, enforced by the database too
    CHECK (prepaid + collected <= total),
    state             text           NOT NULL CHECK (state IN ('OPEN', 'SETTLED')),
    opened_at         timestamptz    NOT NULL,
    settled_at        timestamptz,
    version           int            NOT NULL DEFAULT 0
);
CREATE INDEX receivable_state_idx ON receivable (state, opened_at);

CREATE TABLE payment_collection (
    id            uuid PRIMARY KEY,
    work_order_id uuid           NOT NULL REFERENCES receivable (work_order_id),
    amount        numeric(12, 2) NOT NULL CHECK (amount > 0),
    reference     text           NOT NULL,
    received_at   timestamptz    NOT NULL,
    actor         text           NOT NULL,
    recorded_at   timestamptz    NOT NULL
);
CREATE INDEX payment_collection_work_order_idx ON payment_collection (work_order_id);

-- SEC-03: what was charged, confirmed and collected is a record: never updated or deleted
CREATE TRIGGER charge_sheet_is_append_only BEFORE UPDATE OR DELETE ON charge_sheet
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER charge_line_is_append_only BEFORE UPDATE OR DELETE ON charge_line
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER visit_confirmation_is_append_only BEFORE UPDATE OR DELETE ON visit_confirmation
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER payment_collection_is_append_only BEFORE UPDATE OR DELETE ON payment_collection
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
