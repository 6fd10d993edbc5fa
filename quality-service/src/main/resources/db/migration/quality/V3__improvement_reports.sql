-- QLT-05: quality improvement reports, opened for a ticket that quality must report on (INT-05) or by hand for an
-- alert. One report per ticket: a second acceptance of the same ticket opens none.
CREATE TABLE improvement_report (
    id                        uuid PRIMARY KEY,
    origin                    text        NOT NULL,
    ticket_id                 uuid,
    ticket_number             text,
    alert_id                  uuid,
    product_model             text,
    serial_number             text,
    channel                   text,
    state                     text        NOT NULL,
    problem                   text,
    affected_quantity         integer,
    temporary_countermeasures text,
    root_cause_department     text,
    root_cause_process        text,
    root_cause_description    text,
    analysed_by               text,
    analysed_at               timestamptz,
    action_round              integer     NOT NULL DEFAULT 0,
    new_actions_needed        boolean     NOT NULL DEFAULT false,
    issued_by                 text,
    issued_at                 timestamptz,
    verified_by               text,
    verified_at               timestamptz,
    closed_by                 text,
    closed_at                 timestamptz,
    opened_by                 text        NOT NULL,
    opened_at                 timestamptz NOT NULL,
    version                   integer     NOT NULL
);
CREATE UNIQUE INDEX improvement_report_one_per_ticket ON improvement_report (ticket_id) WHERE ticket_id IS NOT NULL;
CREATE INDEX improvement_report_state_idx ON improvement_report (state, opened_at);

-- Corrective and preventive actions, each with its owner and due date; a round per assignment (a new round after an
-- ineffective verification). Never changed once assigned.
CREATE TABLE improvement_action (
    report_id   uuid        NOT NULL REFERENCES improvement_report (id),
    round       integer     NOT NULL,
    kind        text        NOT NULL,
    position    integer     NOT NULL,
    description text        NOT NULL,
    owner       text        NOT NULL,
    due_date    date        NOT NULL,
    assigned_by text        NOT NULL,
    assigned_at timestamptz NOT NULL,
    PRIMARY KEY (report_id, round, kind, position)
);

-- The verification of each round of actions: effective or not, by whom (never the analyst: four eyes).
CREATE TABLE improvement_verification (
    report_id   uuid        NOT NULL REFERENCES improvement_report (id),
    round       integer     NOT NULL,
    effective   boolean     NOT NULL,
    result      text        NOT NULL,
    verified_by text        NOT NULL,
    verified_at timestamptz NOT NULL,
    PRIMARY KEY (report_id, round)
);

-- SEC-03: every state change of a report with its actor and time.
CREATE TABLE improvement_report_history (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    report_id  uuid        NOT NULL REFERENCES improvement_report (id),
    at         timestamptz NOT NULL,
    actor      text        NOT NULL,
    action     text        NOT NULL,
    from_state text,
    to_state   text        NOT NULL,
    detail     text
);
CREATE INDEX improvement_report_history_report_idx ON improvement_report_history (report_id, id);

-- History, actions and verifications are append-only in the database (SEC-03), as intake's audit is.
CREATE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is an audit record and cannot be %d', TG_TABLE_NAME, lower(TG_OP)
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
CREATE TRIGGER improvement_report_history_is_append_only BEFORE UPDATE OR DELETE ON improvement_report_history
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER improvement_action_is_append_only BEFORE UPDATE OR DELETE ON improvement_action
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER improvement_verification_is_append_only BEFORE UPDATE OR DELETE ON improvement_verification
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();

-- Idempotency-Key of creating POSTs (the platform's IdempotencyKeys): the same key returns the same report.
CREATE TABLE idempotent_creation (
    resource    text        NOT NULL,
    key         text        NOT NULL,
    resource_id uuid        NOT NULL,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (resource, key)
);
