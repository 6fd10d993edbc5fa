-- REV-03: a complaint revisit is one row that needs one or more answered calls; intake's closing gate waits for its
-- outcome (RevisitCompleted, RevisitUnreachable or CustomerDissatisfied) until the last required call.
ALTER TABLE revisit ADD COLUMN complaint_type text;               -- QUALITY | SERVICE; null for a happy call
ALTER TABLE revisit ADD COLUMN required_calls int NOT NULL DEFAULT 1 CHECK (required_calls >= 1);
ALTER TABLE revisit ADD COLUMN answered_calls int NOT NULL DEFAULT 0 CHECK (answered_calls >= 0);
ALTER TABLE revisit ADD COLUMN remedy_deadline timestamptz;       -- REV-03: end of the 5th working day after the remedy

-- REV-03, REV-05, REV-06: every call of a revisit, answered or not; history, never changed.
CREATE TABLE revisit_call (
    id                uuid PRIMARY KEY,
    revisit_id        uuid        NOT NULL REFERENCES revisit (id),
    call_number       int         NOT NULL CHECK (call_number >= 1),
    answered          boolean     NOT NULL,
    service_quality   text,
    technical_skill   text,
    charge_reasonable boolean,
    punctuality       text,
    overall           text,
    comment           text,
    agent             text        NOT NULL,
    called_at         timestamptz NOT NULL,
    due_by            timestamptz NOT NULL,
    late              boolean     NOT NULL,
    CHECK (answered = (overall IS NOT NULL))
);
CREATE INDEX revisit_call_revisit_idx ON revisit_call (revisit_id, called_at);

CREATE FUNCTION revisit_call_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is an audit record and cannot be %d', TG_TABLE_NAME, lower(TG_OP)
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
CREATE TRIGGER revisit_call_is_append_only BEFORE UPDATE OR DELETE ON revisit_call
    FOR EACH ROW EXECUTE FUNCTION revisit_call_refuse_change();

-- REV-02: whether each ticket's complaint is being handled, from intake's events (order-tolerant by occurredAt).
-- While it is, no revisit of the ticket is called.
CREATE TABLE complaint_handling (
    ticket_id   uuid PRIMARY KEY,
    handling    boolean     NOT NULL,
    because     text        NOT NULL,  -- the event type that decided it
    occurred_at timestamptz NOT NULL
);
