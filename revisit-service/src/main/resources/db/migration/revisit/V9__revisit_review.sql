-- INT-26: review and lock of finished revisits (COMPLETED, DISSATISFIED, UNREACHABLE), the design of dispatch's work
-- orders and intake's complaint forms. The revisit's current review state and lock: one row per revisit ever reviewed.
CREATE TABLE revisit_review (
    revisit_id   uuid PRIMARY KEY REFERENCES revisit (id),
    review_state text        NOT NULL CHECK (review_state IN ('NOT_SUBMITTED', 'SUBMITTED', 'RETURNED_FAULTY', 'LOCKED', 'UNLOCKED')),
    locked       boolean     NOT NULL,
    cycle        int         NOT NULL,
    changed_by   text,
    changed_at   timestamptz
);

-- One row per submission, faulty return, lock and unlock: the revisit's review history. A faulty return counts
-- against the agent who recorded the revisit in the year of the review (company zone): the year-end assessment.
-- SUBMITTED and LOCKED rows keep a snapshot of the revisit as submitted / locked.
CREATE TABLE revisit_review_history (
    id           bigserial PRIMARY KEY,
    revisit_id   uuid        NOT NULL REFERENCES revisit (id),
    cycle        int         NOT NULL,
    action       text        NOT NULL CHECK (action IN ('SUBMITTED', 'RETURNED_FAULTY', 'LOCKED', 'UNLOCKED')),
    actor        text        NOT NULL,
    at           timestamptz NOT NULL,
    reason       text,
    correction   text,
    faulty_agent text,
    faulty_year  int,
    snapshot     jsonb,
    CHECK (action <> 'RETURNED_FAULTY' OR (reason IS NOT NULL AND faulty_agent IS NOT NULL AND faulty_year IS NOT NULL)),
    CHECK (action <> 'UNLOCKED' OR reason IS NOT NULL)
);
CREATE INDEX revisit_review_history_revisit_idx ON revisit_review_history (revisit_id, id);
CREATE INDEX revisit_review_history_faulty_idx ON revisit_review_history (faulty_year, faulty_agent)
    WHERE action = 'RETURNED_FAULTY';

-- The history is append-only (SEC-03): an unlock and its reason, a faulty return and its count stay on record.
CREATE FUNCTION revisit_review_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is an audit record and cannot be %d', TG_TABLE_NAME, lower(TG_OP)
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
CREATE TRIGGER revisit_review_history_is_append_only BEFORE UPDATE OR DELETE ON revisit_review_history
    FOR EACH ROW EXECUTE FUNCTION revisit_review_refuse_change();

-- A locked revisit cannot be changed or deleted, whatever code path tries (the service answers 409 first). Only what
-- the revisit recorded counts; a column another feature adds for its own bookkeeping is not guarded here.
CREATE FUNCTION revisit_review_refuse_locked_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM revisit_review WHERE revisit_id = OLD.id AND locked) THEN
        IF TG_OP = 'DELETE'
           OR (OLD.state, OLD.service_quality, OLD.technical_skill, OLD.charge_reasonable, OLD.punctuality,
               OLD.overall, OLD.comment, OLD.agent, OLD.completed_at, OLD.attempts, OLD.last_attempt_at)
              IS DISTINCT FROM
              (NEW.state, NEW.service_quality, NEW.technical_skill, NEW.charge_reasonable, NEW.punctuality,
               NEW.overall, NEW.comment, NEW.agent, NEW.completed_at, NEW.attempts, NEW.last_attempt_at) THEN
            RAISE EXCEPTION 'revisit % is locked (INT-26) and cannot be changed', OLD.id
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER revisit_locked_refuses_change BEFORE UPDATE OR DELETE ON revisit
    FOR EACH ROW EXECUTE FUNCTION revisit_review_refuse_locked_change();
