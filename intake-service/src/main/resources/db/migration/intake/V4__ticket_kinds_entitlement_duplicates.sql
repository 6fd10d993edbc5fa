-- INT-04 kinds, INT-23 routing, INT-20 blocked customers, INT-06/07 entitlement detail, INT-16 duplicates.
ALTER TABLE ticket
    ADD COLUMN kind                   text    NOT NULL DEFAULT 'SERVICE_REQUEST',
    ADD COLUMN category               text,
    ADD COLUMN classification         text    NOT NULL DEFAULT 'AFTER_SALES',
    ADD COLUMN routed_to              text    NOT NULL DEFAULT 'AFTER_SALES',
    ADD COLUMN contact_id             uuid REFERENCES customer_contact (id),
    ADD COLUMN customer_blocked       boolean NOT NULL DEFAULT false,
    ADD COLUMN computed_entitlement   text,
    ADD COLUMN entitlement_reason     text,
    ADD COLUMN warranty_end           date,
    ADD COLUMN inspection_confirmed   boolean,
    ADD COLUMN inspection_by          text,
    ADD COLUMN inspection_at          timestamptz,
    ADD COLUMN inspection_finding     text,
    ADD COLUMN merged_into_ticket_id  uuid REFERENCES ticket (id);
UPDATE ticket SET computed_entitlement = entitlement;
CREATE INDEX ticket_open_serial_idx ON ticket (serial_number)
    WHERE state NOT IN ('CLOSED', 'CANCELLED', 'REJECTED', 'RESOLVED_REMOTELY', 'DECLINED_PAID_SERVICE');
CREATE INDEX ticket_state_idx ON ticket (state, created_at);

-- INT-07: exclusions the desk records (the ticket falls back to PAID) and supervisor overrides. Both are audit
-- records: the database refuses to change or delete them (SEC-03).
CREATE TABLE entitlement_exclusion (
    id        bigserial PRIMARY KEY,
    ticket_id uuid        NOT NULL REFERENCES ticket (id),
    reason    text        NOT NULL,
    note      text,
    actor     text        NOT NULL,
    at        timestamptz NOT NULL
);
CREATE INDEX entitlement_exclusion_ticket_idx ON entitlement_exclusion (ticket_id);

CREATE TABLE entitlement_override (
    id               bigserial PRIMARY KEY,
    ticket_id        uuid        NOT NULL REFERENCES ticket (id),
    from_entitlement text,
    to_entitlement   text        NOT NULL,
    reason           text        NOT NULL,
    actor            text        NOT NULL,
    at               timestamptz NOT NULL
);
CREATE INDEX entitlement_override_ticket_idx ON entitlement_override (ticket_id);

CREATE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is an audit record and cannot be %d', TG_TABLE_NAME, lower(TG_OP)
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
CREATE TRIGGER entitlement_override_is_append_only BEFORE UPDATE OR DELETE ON entitlement_override
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER entitlement_exclusion_is_append_only BEFORE UPDATE OR DELETE ON entitlement_exclusion
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER ticket_history_is_append_only BEFORE UPDATE OR DELETE ON ticket_history
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();

-- INT-16: tickets for the same serial, linked both ways; a merge records which ticket absorbed the other.
CREATE TABLE ticket_link (
    ticket_id        uuid        NOT NULL REFERENCES ticket (id),
    linked_ticket_id uuid        NOT NULL REFERENCES ticket (id),
    relation         text        NOT NULL,
    at               timestamptz NOT NULL,
    actor            text        NOT NULL,
    PRIMARY KEY (ticket_id, linked_ticket_id)
);
