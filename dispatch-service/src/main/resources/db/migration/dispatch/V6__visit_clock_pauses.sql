-- SLA-05: a visit clock pauses while the ticket is PENDING (or AWAITING_QUOTE) and while the work order is ON_HOLD
-- (INT-07); the time paused is added to its due time when the last pause ends.
ALTER TABLE visit_clock ADD COLUMN paused_at timestamptz;

-- the pauses in force for a work order, one per reason; its clocks run again when none is left
CREATE TABLE visit_clock_pause (
    work_order_id uuid        NOT NULL REFERENCES work_order (id),
    reason        text        NOT NULL CHECK (reason IN ('TICKET_PENDING', 'WORK_ORDER_ON_HOLD')),
    since         timestamptz NOT NULL,
    PRIMARY KEY (work_order_id, reason)
);

DROP INDEX visit_clock_running_due_idx;
CREATE INDEX visit_clock_running_due_idx ON visit_clock (due_at) WHERE state = 'RUNNING' AND paused_at IS NULL;
