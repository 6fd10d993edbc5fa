-- DSP-07: carry-in and depot repair. A work order handled at the depot has one depot repair: its return
-- authorisation / receipt number (RMA), the receive → repair → test → return steps, its clock (receipt to the hand-over
-- to the carrier, transit excluded), the exchange or loaner unit, the factory shipment and the return shipment.
CREATE SEQUENCE depot_rma_number_seq;

CREATE TABLE depot_repair (
    id                          uuid PRIMARY KEY,
    work_order_id               uuid        NOT NULL UNIQUE REFERENCES work_order (id),
    ticket_id                   uuid        NOT NULL,
    rma_number                  text        NOT NULL UNIQUE,
    option                      text        NOT NULL CHECK (option IN ('REPAIR_AND_RETURN', 'EXCHANGE_FIRST',
                                                                       'LOANER_WHILE_REPAIRING', 'RETURN_TO_FACTORY')),
    arrival                     text        NOT NULL CHECK (arrival IN ('POSTED_IN', 'BROUGHT_IN', 'COLLECTED')),
    equipment_must_keep_working boolean     NOT NULL,
    state                       text        NOT NULL CHECK (state IN ('AUTHORISED', 'IN_REPAIR', 'AT_FACTORY',
                                                                      'REPAIRED', 'TESTED', 'RETURNED', 'CLOSED')),
    created_at                  timestamptz NOT NULL,
    created_by                  text        NOT NULL,
    -- the clock: from receipt; due_at moves by the time the product was away at the factory (transit excluded)
    received_at                 timestamptz,
    due_at                      timestamptz,
    paused_at                   timestamptz,
    exchange_unit_serial        text,
    loaner_serial               text,
    loaner_lent_at              timestamptz,
    loaner_returned_at          timestamptz,
    loaner_outcome              text CHECK (loaner_outcome IN ('RETURNED', 'KEPT_BY_CUSTOMER')),
    loaner_note                 text,
    -- the repair report (DSP-05's fields), closing the work order when the product is returned
    symptom                     text,
    cause_code                  text,
    actions                     text,
    parts_used                  jsonb,
    labour_minutes              int,
    repaired_by                 text,
    repaired_at                 timestamptz,
    factory_carrier             text,
    factory_tracking_number     text,
    shipped_to_factory_at       timestamptz,
    back_from_factory_at        timestamptz,
    returned_to                 text CHECK (returned_to IN ('CUSTOMER', 'STOCK')),
    return_carrier              text,
    return_tracking_number      text,
    -- DSP-07: the return postage is the company's, always; a cost entered is a company cost, never charged
    postage_paid_by             text CHECK (postage_paid_by = 'COMPANY'),
    postage_cost                numeric(12, 2),
    postage_currency            text,
    handed_to_carrier_at        timestamptz,
    within_target               boolean,
    closed_at                   timestamptz,
    version                     int         NOT NULL DEFAULT 0
);
-- what the overdue list scans: received, not yet handed to the carrier
CREATE INDEX depot_repair_open_due_idx ON depot_repair (due_at) WHERE state IN ('IN_REPAIR', 'REPAIRED', 'TESTED');
-- a loaner unit is lent to one customer at a time
CREATE UNIQUE INDEX depot_repair_loaner_out_idx ON depot_repair (loaner_serial)
    WHERE loaner_serial IS NOT NULL AND loaner_returned_at IS NULL;

-- SEC-03: each step with its actor and time; append-only
CREATE TABLE depot_repair_step (
    id              bigserial PRIMARY KEY,
    depot_repair_id uuid        NOT NULL REFERENCES depot_repair (id),
    at              timestamptz NOT NULL,
    actor           text        NOT NULL,
    step            text        NOT NULL,
    from_state      text,
    to_state        text,
    details         jsonb       NOT NULL DEFAULT '{}'
);
CREATE INDEX depot_repair_step_repair_idx ON depot_repair_step (depot_repair_id, id);
CREATE TRIGGER depot_repair_step_is_append_only BEFORE UPDATE OR DELETE ON depot_repair_step
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
