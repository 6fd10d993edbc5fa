-- DSP-08 / SLA-04: the technician's visit milestones and the per-work-order arrival and fix clocks.
ALTER TABLE work_order
    ADD COLUMN arrived_at      timestamptz,
    ADD COLUMN work_started_at timestamptz;

CREATE TABLE visit_clock (
    id            uuid PRIMARY KEY,
    work_order_id uuid        NOT NULL REFERENCES work_order (id),
    ticket_id     uuid        NOT NULL,
    kind          text        NOT NULL CHECK (kind IN ('ARRIVAL', 'FIX')),
    started_at    timestamptz NOT NULL,
    due_at        timestamptz NOT NULL,
    state         text        NOT NULL CHECK (state IN ('RUNNING', 'MET', 'BREACHED', 'STOPPED')),
    -- when the milestone was reached; also set on a clock met late (state stays or becomes BREACHED)
    met_at        timestamptz,
    breached_at   timestamptz,
    stopped_at    timestamptz,
    version       int         NOT NULL DEFAULT 0,
    -- one clock of each kind per work order: a re-assignment keeps the clock of the first dispatch
    UNIQUE (work_order_id, kind)
);
-- what the evaluation job scans: running clocks by due time
CREATE INDEX visit_clock_running_due_idx ON visit_clock (due_at) WHERE state = 'RUNNING';

-- SLA-07: one row per breached clock, written with the breach and its SlaBreached outbox row; the primary key
-- makes a second breach of the same clock impossible whatever the job does.
CREATE TABLE visit_clock_breach (
    clock_id    uuid PRIMARY KEY REFERENCES visit_clock (id),
    breached_at timestamptz NOT NULL,
    event_id    uuid        NOT NULL
);
