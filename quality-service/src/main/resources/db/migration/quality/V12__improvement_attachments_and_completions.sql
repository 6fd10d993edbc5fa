-- QLT-05 in full: photos and other files on the problem, actions recorded done, the evidence of a verification, and
-- one report per alert.

-- One report per alert (QLT-06 opens it; a second request returns the same report).
CREATE UNIQUE INDEX improvement_report_one_per_alert ON improvement_report (alert_id) WHERE alert_id IS NOT NULL;

-- Photos or other files of the problem, kept in the database (size and type checked before; the type from the file's
-- magic bytes). Never changed or deleted.
CREATE TABLE improvement_attachment (
    id           uuid PRIMARY KEY,
    report_id    uuid        NOT NULL REFERENCES improvement_report (id),
    file_name    text        NOT NULL,
    content_type text        NOT NULL,
    size         bigint      NOT NULL,
    sha256       text        NOT NULL,
    content      bytea       NOT NULL,
    added_by     text        NOT NULL,
    added_at     timestamptz NOT NULL
);
CREATE INDEX improvement_attachment_report_idx ON improvement_attachment (report_id, added_at, id);
CREATE TRIGGER improvement_attachment_is_append_only BEFORE UPDATE OR DELETE ON improvement_attachment
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();

-- An action of a report recorded done, once, by its owner or quality. Never changed or deleted.
CREATE TABLE improvement_action_completion (
    report_id    uuid        NOT NULL,
    round        integer     NOT NULL,
    kind         text        NOT NULL,
    position     integer     NOT NULL,
    note         text        NOT NULL,
    completed_by text        NOT NULL,
    completed_at timestamptz NOT NULL,
    PRIMARY KEY (report_id, round, kind, position),
    FOREIGN KEY (report_id, round, kind, position) REFERENCES improvement_action (report_id, round, kind, position)
);
CREATE TRIGGER improvement_action_completion_is_append_only BEFORE UPDATE OR DELETE ON improvement_action_completion
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
-- the overdue list: actions by due date
CREATE INDEX improvement_action_due_idx ON improvement_action (due_date, owner);

-- What a verification rests on (samples, field data, the period observed); rows recorded before have none.
ALTER TABLE improvement_verification ADD COLUMN evidence text;
