-- DSP-11: installation projects. Sales notifies after-sales ahead of the start; the team completes an entry review
-- checklist before going on site (problems fixed and re-checked); problems met during installation are recorded,
-- signed and handed to quality (InstallationProblemRecorded). Customer name and site: personal data, never logged.
CREATE TABLE installation_project (
    id                 uuid PRIMARY KEY,
    customer_id        uuid,
    customer_name      text        NOT NULL,
    site               text,
    product_model      text        NOT NULL,
    quantity           int         NOT NULL CHECK (quantity > 0),
    planned_start      date        NOT NULL,
    sales_contact      text        NOT NULL,
    ticket_id          uuid,
    -- the INSTALLATION work order, when there is one; its arrival waits for the entry review
    work_order_id      uuid REFERENCES work_order (id),
    notes              text,
    state              text        NOT NULL CHECK (state IN ('PLANNED', 'IN_PROGRESS', 'COMPLETED')),
    notice_days        int         NOT NULL,
    late_notice_reason text,
    late_notice_by     text,
    technicians        text[]      NOT NULL DEFAULT '{}',
    created_by         text        NOT NULL,
    created_at         timestamptz NOT NULL,
    started_by         text,
    started_at         timestamptz,
    completed_by       text,
    completed_at       timestamptz,
    version            int         NOT NULL DEFAULT 0,
    CHECK (late_notice_reason IS NULL OR late_notice_by IS NOT NULL)
);
CREATE UNIQUE INDEX installation_project_work_order_idx ON installation_project (work_order_id)
    WHERE work_order_id IS NOT NULL;
CREATE INDEX installation_project_start_idx ON installation_project (planned_start, id);

-- The entry review checklist of a project: one row per item (from configuration when the project was created).
CREATE TABLE installation_entry_item (
    project_id uuid        NOT NULL REFERENCES installation_project (id),
    item       text        NOT NULL,
    position   int         NOT NULL,
    status     text        NOT NULL CHECK (status IN ('OPEN', 'OK', 'PROBLEM')),
    note       text,
    checked_by text,
    checked_at timestamptz,
    rechecks   int         NOT NULL DEFAULT 0,
    PRIMARY KEY (project_id, item)
);

-- Every check and re-check of an entry review item, as it was made (SEC-03): append-only.
CREATE TABLE installation_entry_check (
    id         bigserial PRIMARY KEY,
    project_id uuid        NOT NULL REFERENCES installation_project (id),
    item       text        NOT NULL,
    action     text        NOT NULL CHECK (action IN ('CHECKED', 'RECHECKED')),
    status     text        NOT NULL CHECK (status IN ('OK', 'PROBLEM')),
    note       text,
    actor      text        NOT NULL,
    at         timestamptz NOT NULL
);
CREATE INDEX installation_entry_check_project_idx ON installation_entry_check (project_id, id);
CREATE TRIGGER installation_entry_check_is_append_only BEFORE UPDATE OR DELETE ON installation_entry_check
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();

-- Problems met during installation: recorded, signed by the customer or the site lead (then handed to quality), or
-- closed on site with a resolution.
CREATE TABLE installation_problem (
    id                uuid PRIMARY KEY,
    project_id        uuid        NOT NULL REFERENCES installation_project (id),
    description       text        NOT NULL,
    category          text        NOT NULL,
    severity          text        NOT NULL,
    state             text        NOT NULL CHECK (state IN ('OPEN', 'HANDED_TO_QUALITY', 'CLOSED')),
    recorded_by       text        NOT NULL,
    recorded_at       timestamptz NOT NULL,
    signed_by         text,
    signer_role       text,
    confirmation      text CHECK (confirmation IN ('SIGNATURE', 'CODE')),
    signature_png     bytea,
    confirmation_code text,
    signed_at         timestamptz,
    resolution        text,
    closed_by         text,
    closed_at         timestamptz,
    CHECK (state <> 'HANDED_TO_QUALITY' OR (signed_by IS NOT NULL AND signed_at IS NOT NULL)),
    CHECK (state <> 'CLOSED' OR (resolution IS NOT NULL AND closed_at IS NOT NULL))
);
CREATE INDEX installation_problem_project_idx ON installation_problem (project_id, recorded_at, id);

-- Idempotency-Key of creating POSTs (the platform's IdempotencyKeys): POST /api/dispatch/installation-projects.
-- IF NOT EXISTS: another dispatch feature may create the same platform table in its own migration.
CREATE TABLE IF NOT EXISTS idempotent_creation (
    resource    text        NOT NULL,
    key         text        NOT NULL,
    resource_id uuid        NOT NULL,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (resource, key)
);

-- INT-26: review and lock of finished (COMPLETED) work orders, the design of intake's complaint forms (V12 there).
-- The order's current review state and lock: one row per work order that was ever submitted.
CREATE TABLE work_order_review (
    work_order_id uuid PRIMARY KEY REFERENCES work_order (id),
    review_state  text        NOT NULL CHECK (review_state IN ('NOT_SUBMITTED', 'SUBMITTED', 'RETURNED_FAULTY', 'LOCKED', 'UNLOCKED')),
    locked        boolean     NOT NULL,
    cycle         int         NOT NULL,
    changed_by    text,
    changed_at    timestamptz
);

-- One row per submission, faulty return, lock and unlock: the order's review history. Append-only (SEC-03), so an
-- unlock and its reason stay on record. A LOCKED row keeps a snapshot of the order as locked.
CREATE TABLE work_order_review_history (
    id                bigserial PRIMARY KEY,
    work_order_id     uuid        NOT NULL REFERENCES work_order (id),
    cycle             int         NOT NULL,
    action            text        NOT NULL CHECK (action IN ('SUBMITTED', 'RETURNED_FAULTY', 'LOCKED', 'UNLOCKED')),
    actor             text        NOT NULL,
    at                timestamptz NOT NULL,
    reasons           text[]      NOT NULL DEFAULT '{}',
    correction        text,
    faulty_technician text,
    faulty_year       int,
    snapshot          jsonb,
    CHECK (action <> 'RETURNED_FAULTY' OR (cardinality(reasons) > 0 AND faulty_technician IS NOT NULL
                                           AND faulty_year IS NOT NULL)),
    CHECK (action <> 'UNLOCKED' OR cardinality(reasons) > 0)
);
CREATE INDEX work_order_review_history_order_idx ON work_order_review_history (work_order_id, id);
CREATE INDEX work_order_review_history_faulty_idx ON work_order_review_history (faulty_year, faulty_technician)
    WHERE action = 'RETURNED_FAULTY';
CREATE TRIGGER work_order_review_history_is_append_only BEFORE UPDATE OR DELETE ON work_order_review_history
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();

-- A locked work order cannot be changed or deleted, whatever code path tries (the service answers 409 first), and
-- no visit is added to it.
CREATE FUNCTION refuse_locked_work_order_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    target uuid;
BEGIN
    IF TG_TABLE_NAME = 'work_order' THEN
        target := OLD.id;
    ELSE
        target := NEW.work_order_id;
    END IF;
    IF EXISTS (SELECT 1 FROM work_order_review WHERE work_order_id = target AND locked) THEN
        RAISE EXCEPTION 'work order % is locked (INT-26) and cannot be changed', target
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER work_order_locked_refuses_change BEFORE UPDATE OR DELETE ON work_order
    FOR EACH ROW EXECUTE FUNCTION refuse_locked_work_order_change();
CREATE TRIGGER visit_locked_refuses_insert BEFORE INSERT ON visit
    FOR EACH ROW EXECUTE FUNCTION refuse_locked_work_order_change();
