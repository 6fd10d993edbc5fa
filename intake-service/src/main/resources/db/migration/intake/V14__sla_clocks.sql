-- SLA clocks (SLA-01 … SLA-07, INT-25): one row per deadline of a ticket. A paused clock keeps the business time it
-- had left; the evaluation job claims due rows with FOR UPDATE SKIP LOCKED, so each fires once with N replicas.
CREATE TABLE sla_clock (
    id           uuid PRIMARY KEY,
    ticket_id    uuid        NOT NULL REFERENCES ticket (id),
    kind         text        NOT NULL,
    calendar     text        NOT NULL,
    state        text        NOT NULL,
    started_at   timestamptz NOT NULL,
    due_at       timestamptz,
    remind_at    timestamptz,
    reminded_at  timestamptz,
    paused_at    timestamptz,
    remaining_ms bigint,
    met_at       timestamptz,
    breached_at  timestamptz,
    level        int,
    version      int         NOT NULL DEFAULT 0,
    CHECK (state IN ('RUNNING', 'PAUSED', 'MET', 'BREACHED', 'STOPPED'))
);
CREATE INDEX sla_clock_due_idx ON sla_clock (due_at) WHERE state = 'RUNNING';
CREATE INDEX sla_clock_remind_idx ON sla_clock (remind_at) WHERE state = 'RUNNING' AND reminded_at IS NULL;
CREATE INDEX sla_clock_ticket_idx ON sla_clock (ticket_id, kind);
-- one open clock of a kind per ticket
CREATE UNIQUE INDEX sla_clock_open_kind_idx ON sla_clock (ticket_id, kind) WHERE state IN ('RUNNING', 'PAUSED');

-- A reminder sent before a deadline, to the step's current handler (INT-22), for their list.
CREATE TABLE sla_reminder (
    id        bigserial PRIMARY KEY,
    clock_id  uuid        NOT NULL REFERENCES sla_clock (id),
    ticket_id uuid        NOT NULL,
    person    text,
    role      text,
    due_at    timestamptz NOT NULL,
    sent_at   timestamptz NOT NULL
);
CREATE INDEX sla_reminder_person_idx ON sla_reminder (person, sent_at);
-- The first contact of a complaint (SLA-01) is the REGISTRATION clock's started_at.
