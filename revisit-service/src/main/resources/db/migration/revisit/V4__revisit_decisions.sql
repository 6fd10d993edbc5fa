-- REV-01: every completed work order gets exactly one decision, recorded with its inputs for an auditor.
-- The primary key is the database's guard against a second decision for a work order (EVT-04).
CREATE TABLE revisit_decision (
    work_order_id          uuid PRIMARY KEY,
    ticket_id              uuid             NOT NULL,
    technician_id          text             NOT NULL,
    completed_at           timestamptz      NOT NULL,
    coverage_month         text             NOT NULL,  -- yyyy-MM of the completion in the company's time zone
    previous_work_order_id uuid,                       -- DSP-01: set for a repeat repair
    sampling_rate          numeric(5, 4)    NOT NULL,
    hash_value             double precision NOT NULL,  -- SHA-256 of the work-order id as a fraction in [0, 1)
    decision               text             NOT NULL,  -- SCHEDULED | NOT_REQUIRED
    reason                 text             NOT NULL,  -- REPEAT_REPAIR | SAMPLED | TECHNICIAN_MONTHLY_COVERAGE | NOT_SAMPLED
    revisit_id             uuid,
    actor                  text             NOT NULL,
    decided_at             timestamptz      NOT NULL,
    CHECK ((decision = 'SCHEDULED') = (revisit_id IS NOT NULL))
);
CREATE INDEX revisit_decision_ticket_idx ON revisit_decision (ticket_id);

-- REV-01 (§11): every technician is called about at least once a month. The first happy call of a technician's
-- month claims the row; the primary key makes two concurrent first orders claim it once.
CREATE TABLE technician_month_coverage (
    technician_id text        NOT NULL,
    coverage_month text       NOT NULL,
    work_order_id uuid        NOT NULL,
    claimed_at    timestamptz NOT NULL,
    PRIMARY KEY (technician_id, coverage_month)
);

-- REV-02: a complaint revisit belongs to a complaint's finish, not to a work order.
ALTER TABLE revisit ALTER COLUMN work_order_id DROP NOT NULL;
ALTER TABLE revisit ALTER COLUMN technician_id DROP NOT NULL;
ALTER TABLE revisit ADD COLUMN complaint_id uuid;
ALTER TABLE revisit ADD COLUMN selection text;
-- one complaint revisit per finish of a complaint: due_by is the finish + 24 h
CREATE UNIQUE INDEX revisit_complaint_finish_idx ON revisit (complaint_id, due_by) WHERE complaint_id IS NOT NULL;
ALTER TABLE revisit ADD CONSTRAINT revisit_has_subject CHECK (work_order_id IS NOT NULL OR complaint_id IS NOT NULL);

-- Happy calls scheduled before decisions were recorded (at the 100 % rate then shipped) get their decision, so a
-- redelivered RepairClosed of theirs adds nothing. hash_value is the same function as HappyCallSampling.value:
-- the top 53 bits of SHA-256 of the work-order id's text, as a fraction.
INSERT INTO revisit_decision (work_order_id, ticket_id, technician_id, completed_at, coverage_month,
                              previous_work_order_id, sampling_rate, hash_value, decision, reason, revisit_id, actor,
                              decided_at)
SELECT r.work_order_id, r.ticket_id, r.technician_id, r.due_by - interval '7 days',
       to_char((r.due_by - interval '7 days') AT TIME ZONE 'UTC', 'YYYY-MM'), NULL, 1.0,
       ((('x' || substr(encode(sha256(convert_to(r.work_order_id::text, 'UTF8')), 'hex'), 1, 14))::bit(56)::bigint >> 3)
           ::double precision / 9007199254740992.0),
       'SCHEDULED', 'SAMPLED', r.id, 'system:revisit-sampling', r.created_at
  FROM revisit r
 WHERE r.kind = 'HAPPY_CALL' AND r.work_order_id IS NOT NULL
ON CONFLICT DO NOTHING;
