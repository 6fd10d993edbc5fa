-- Issue 11 (every ticket finishes).

-- INT-13 REV-01: the revisit facts a resolved ticket's closing waits for, as they arrive (in any order across topics):
-- SCHEDULED (RevisitScheduled), NOT_REQUIRED (RevisitNotRequired), COMPLETED (RevisitCompleted), UNREACHABLE
-- (RevisitUnreachable), DISSATISFIED (CustomerDissatisfied). A ticket closes once a decision (NOT_REQUIRED,
-- COMPLETED, UNREACHABLE) arrived for its latest resolution and no SCHEDULED revisit is still without its outcome.
CREATE TABLE ticket_revisit_fact (
    id            bigserial PRIMARY KEY,
    ticket_id     uuid        NOT NULL REFERENCES ticket (id),
    fact          text        NOT NULL,
    revisit_id    uuid,
    work_order_id uuid,
    occurred_at   timestamptz NOT NULL,
    recorded_at   timestamptz NOT NULL
);
CREATE INDEX ticket_revisit_fact_ticket_idx ON ticket_revisit_fact (ticket_id, fact);

ALTER TABLE ticket
    -- when (the fact's time) and by which work order the ticket was last resolved: the revisit decision must follow it
    ADD COLUMN resolved_at            timestamptz,
    -- INT-06: the technician dispatch assigned to the ticket's work order (TechnicianAssigned; the latest wins)
    ADD COLUMN assigned_technician    text,
    ADD COLUMN assigned_work_order_id uuid,
    ADD COLUMN assigned_at            timestamptz,
    -- INT-07: an accepted ticket waiting in AWAITING_QUOTE after its entitlement became PAID returns to this state
    -- (ACCEPTED or IN_SERVICE) once its quote is approved; null for a ticket quoted before acceptance
    ADD COLUMN quote_resumes_to       text;

-- SLA-06: dispatch's visit-clock breaches (SlaBreached on aftersales.dispatch.workorder), each escalating its ticket
-- one level; a breach is counted once however often it is delivered.
CREATE TABLE dispatch_sla_breach (
    ticket_id     uuid        NOT NULL REFERENCES ticket (id),
    work_order_id uuid        NOT NULL,
    clock         text        NOT NULL,
    due_at        timestamptz NOT NULL,
    breached_at   timestamptz NOT NULL,
    technician_id text,
    level         int         NOT NULL,
    received_at   timestamptz NOT NULL,
    PRIMARY KEY (work_order_id, clock, due_at)
);
CREATE INDEX dispatch_sla_breach_ticket_idx ON dispatch_sla_breach (ticket_id);
