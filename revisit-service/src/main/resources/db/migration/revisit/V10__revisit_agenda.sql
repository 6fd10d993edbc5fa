-- RPT-03, INT-12: who calls each scheduled revisit. No row = the team's pool. The primary key lets exactly one of two
-- agents claiming at once win (the second's INSERT … ON CONFLICT DO NOTHING inserts nothing).
CREATE TABLE revisit_assignment (
    revisit_id  uuid PRIMARY KEY REFERENCES revisit (id),
    agent       text        NOT NULL,
    how         text        NOT NULL CHECK (how IN ('CLAIMED', 'ASSIGNED')),
    assigned_by text        NOT NULL,
    assigned_at timestamptz NOT NULL
);
CREATE INDEX revisit_assignment_agent_idx ON revisit_assignment (agent);

-- SEC-03: every claim, assignment and release with its actor; never changed or deleted.
CREATE TABLE revisit_assignment_history (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    revisit_id uuid        NOT NULL REFERENCES revisit (id),
    action     text        NOT NULL CHECK (action IN ('CLAIMED', 'ASSIGNED', 'RELEASED')),
    agent      text,                    -- the agent claimed by or assigned to; the one released for RELEASED
    actor      text        NOT NULL,
    at         timestamptz NOT NULL
);
CREATE INDEX revisit_assignment_history_revisit_idx ON revisit_assignment_history (revisit_id);

CREATE FUNCTION revisit_agenda_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is an audit record and cannot be %d', TG_TABLE_NAME, lower(TG_OP)
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
CREATE TRIGGER revisit_assignment_history_is_append_only BEFORE UPDATE OR DELETE ON revisit_assignment_history
    FOR EACH ROW EXECUTE FUNCTION revisit_agenda_refuse_change();
