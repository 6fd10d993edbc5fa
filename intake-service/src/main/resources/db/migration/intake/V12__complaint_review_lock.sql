-- INT-26: review and lock of finished complaint forms.
-- One row per submission, review outcome, unlock and reopen: the form's review history. Append-only: the
-- database refuses to change or delete a row (SEC-03), so an unlock and its reason stay on record. A LOCKED row
-- keeps a snapshot of the form as locked, so a later reopen (INT-19) never loses what was locked.
CREATE TABLE complaint_form_review (
    id            bigserial PRIMARY KEY,
    complaint_id  uuid        NOT NULL REFERENCES complaint (id),
    ticket_id     uuid        NOT NULL REFERENCES ticket (id),
    cycle         int         NOT NULL,
    action        text        NOT NULL CHECK (action IN ('SUBMITTED', 'LOCKED', 'RETURNED_FAULTY', 'UNLOCKED', 'REOPENED')),
    actor         text        NOT NULL,
    at            timestamptz NOT NULL,
    reason        text,
    correction    text,
    faulty_person text,
    faulty_step   text,
    faulty_year   int,
    snapshot      jsonb,
    CHECK (action <> 'RETURNED_FAULTY' OR (faulty_person IS NOT NULL AND faulty_step IS NOT NULL
                                           AND faulty_year IS NOT NULL AND reason IS NOT NULL)),
    CHECK (action <> 'UNLOCKED' OR reason IS NOT NULL)
);
CREATE INDEX complaint_form_review_complaint_idx ON complaint_form_review (complaint_id, id);
CREATE INDEX complaint_form_review_faulty_idx ON complaint_form_review (faulty_year, faulty_person)
    WHERE action = 'RETURNED_FAULTY';
CREATE TRIGGER complaint_form_review_is_append_only BEFORE UPDATE OR DELETE ON complaint_form_review
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();

-- The form's current review state and lock, one row per complaint that was ever submitted.
CREATE TABLE complaint_lock (
    complaint_id uuid PRIMARY KEY REFERENCES complaint (id),
    review_state text        NOT NULL CHECK (review_state IN ('SUBMITTED', 'LOCKED', 'RETURNED_FAULTY', 'UNLOCKED', 'NOT_SUBMITTED')),
    locked       boolean     NOT NULL,
    cycle        int         NOT NULL,
    changed_by   text        NOT NULL,
    changed_at   timestamptz NOT NULL
);

-- A locked complaint cannot be changed or deleted, whatever code path tries (the service answers 409 first).
CREATE FUNCTION refuse_locked_complaint_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    target uuid;
BEGIN
    IF TG_TABLE_NAME = 'complaint' THEN
        target := OLD.id;
    ELSE
        target := OLD.complaint_id;
    END IF;
    IF EXISTS (SELECT 1 FROM complaint_lock WHERE complaint_id = target AND locked) THEN
        RAISE EXCEPTION 'complaint % is locked (INT-26) and cannot be %d', target, lower(TG_OP)
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER complaint_locked_refuses_change BEFORE UPDATE OR DELETE ON complaint
    FOR EACH ROW EXECUTE FUNCTION refuse_locked_complaint_change();
CREATE TRIGGER complaint_assignment_locked_refuses_change BEFORE UPDATE OR DELETE ON complaint_assignment
    FOR EACH ROW EXECUTE FUNCTION refuse_locked_complaint_change();
CREATE TRIGGER complaint_penalty_locked_refuses_change BEFORE UPDATE OR DELETE ON complaint_penalty
    FOR EACH ROW EXECUTE FUNCTION refuse_locked_complaint_change();

CREATE FUNCTION refuse_locked_complaint_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM complaint_lock WHERE complaint_id = NEW.complaint_id AND locked) THEN
        RAISE EXCEPTION 'complaint % is locked (INT-26): nothing can be added to it', NEW.complaint_id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER complaint_assignment_locked_refuses_insert BEFORE INSERT ON complaint_assignment
    FOR EACH ROW EXECUTE FUNCTION refuse_locked_complaint_insert();
CREATE TRIGGER complaint_penalty_locked_refuses_insert BEFORE INSERT ON complaint_penalty
    FOR EACH ROW EXECUTE FUNCTION refuse_locked_complaint_insert();
