-- DSP-01: one work order per acceptance. A ticket reopened and accepted again gets a new work order, linked to the
-- earlier one; the acceptance event's id (not the ticket id) makes a redelivered TicketAccepted a no-op.
ALTER TABLE work_order DROP CONSTRAINT work_order_ticket_id_key;
ALTER TABLE work_order
    ADD COLUMN acceptance_event_id    uuid UNIQUE,
    ADD COLUMN previous_work_order_id uuid REFERENCES work_order (id);
CREATE INDEX work_order_ticket_idx ON work_order (ticket_id, created_at);
-- at most one open work order per ticket: a second acceptance while one is open opens nothing
CREATE UNIQUE INDEX work_order_one_open_per_ticket ON work_order (ticket_id)
    WHERE state NOT IN ('COMPLETED', 'CANCELLED');

-- DSP-03: a backorder shows on the work order: the missing lines and the expected date, until parts fills it
ALTER TABLE work_order
    ADD COLUMN backorder               jsonb,
    ADD COLUMN backorder_expected_date date;

-- INT-07: a work order held after an entitlement change after acceptance, the state it returns to, and whether the
-- hold waits for an approved quote (INT-08)
ALTER TABLE work_order
    ADD COLUMN held_from       text,
    ADD COLUMN hold_for_quote  boolean NOT NULL DEFAULT false,
    ADD COLUMN hold_reason     text,
    ADD COLUMN held_at         timestamptz;
