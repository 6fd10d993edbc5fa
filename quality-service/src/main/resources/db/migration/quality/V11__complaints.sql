-- QLT-04, RPT-01: each complaint as quality knows it from intake's events (never intake's database): registration
-- (category, channel, model), the responsibility decided (the highest stage wins; the finished form's figures win over
-- it), the finished form (customer class, content, handling, escalation, penalties, major) and the closing. Upserts by
-- ticket: a redelivered or late event never undoes a newer fact.
CREATE TABLE complaint (
    ticket_id              uuid PRIMARY KEY,
    ticket_number          text,
    complaint_id           uuid,
    category               text,
    channel                text,
    product_model          text,
    registered_at          timestamptz,
    responsibility_rank    integer,
    responsibility_at      timestamptz,
    responsible_department text,
    remedy                 text,
    customer_class         text,
    content_group          text,
    handling               text,
    escalation_level       integer,
    penalised              boolean,
    major                  boolean,
    finished_at            timestamptz,
    closed_at              timestamptz,
    updated_at             timestamptz NOT NULL
);
CREATE INDEX complaint_registered_idx ON complaint (registered_at);

-- QLT-04: the latest revisit outcome of every ticket from revisit's RevisitCompleted / CustomerDissatisfied, kept for
-- any ticket (the revisit topic is not ordered with intake's) and joined to complaint by ticket.
CREATE TABLE complaint_revisit (
    ticket_id    uuid PRIMARY KEY,
    satisfaction text        NOT NULL,
    revisited_at timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL
);
