-- INT-25 the reply deadline promised to (or chosen by) the customer. A changed promise is kept as SUPERSEDED,
-- so the customer-agreed history stays; at most one OPEN promise per ticket.
CREATE TABLE promised_reply (
    id             uuid PRIMARY KEY,
    ticket_id      uuid        NOT NULL REFERENCES ticket (id),
    revision       int         NOT NULL,
    reply_by       timestamptz NOT NULL,
    source         text        NOT NULL,
    note           text,
    -- OPEN → ANSWERED, or OPEN → SUPERSEDED by the next revision
    state          text        NOT NULL,
    set_by         text        NOT NULL,
    set_at         timestamptz NOT NULL,
    answered_by    text,
    answered_at    timestamptz,
    answer_summary text,
    UNIQUE (ticket_id, revision)
);
CREATE UNIQUE INDEX promised_reply_one_open_uq ON promised_reply (ticket_id) WHERE state = 'OPEN';
CREATE INDEX promised_reply_open_due_idx ON promised_reply (reply_by) WHERE state = 'OPEN';
