-- INT-14 pending items: a customer manager's proposal, a manager's decision, and once approved the ledger entry
-- (未了事宜台帳) with the pause it puts on the ticket's SLA clocks (SLA-05).

ALTER TABLE ticket
    -- the customer's chosen date: the ticket's deadline while it is PENDING
    ADD COLUMN pending_until date,
    -- when the current pause began (approval); null when the ticket is not paused
    ADD COLUMN paused_at     timestamptz;

CREATE TABLE pending_item (
    id              uuid PRIMARY KEY,
    ticket_id       uuid        NOT NULL REFERENCES ticket (id),
    customer_id     uuid        NOT NULL REFERENCES customer (id),
    reason          text        NOT NULL,
    explanation     text        NOT NULL,
    customer_date   date        NOT NULL,
    -- PROPOSED → APPROVED → RESOLVED, or PROPOSED → DECLINED
    state           text        NOT NULL,
    proposed_by     text        NOT NULL,
    proposed_at     timestamptz NOT NULL,
    decided_by      text,
    decided_at      timestamptz,
    decline_reason  text,
    -- the state the ticket was in when the pause began, and returns to on resume
    from_state      text,
    paused_at       timestamptz,
    resumed_by      text,
    resumed_at      timestamptz,
    resumed_to      text,
    paused_seconds  bigint,
    version         int         NOT NULL DEFAULT 0
);
-- one open proposal, and one running pause, per ticket
CREATE UNIQUE INDEX pending_item_one_proposal_uq ON pending_item (ticket_id) WHERE state = 'PROPOSED';
CREATE UNIQUE INDEX pending_item_one_pause_uq ON pending_item (ticket_id) WHERE state = 'APPROVED';
CREATE INDEX pending_item_ledger_idx ON pending_item (decided_at) WHERE state IN ('APPROVED', 'RESOLVED');
CREATE INDEX pending_item_ticket_idx ON pending_item (ticket_id, proposed_at);

-- The monthly contact round: by the 4th of round_month every customer on the previous month's ledger is contacted.
-- One row per (round, customer); a later contact in the same round updates it and counts the attempt.
CREATE TABLE pending_contact (
    round_month       date        NOT NULL, -- first day of the round's month
    customer_id       uuid        NOT NULL REFERENCES customer (id),
    outcome           text        NOT NULL,
    next_arranged_on  date,
    contacted_at      timestamptz NOT NULL,
    contacted_by      text        NOT NULL,
    first_contacted_at timestamptz NOT NULL,
    attempts          int         NOT NULL,
    PRIMARY KEY (round_month, customer_id)
);
