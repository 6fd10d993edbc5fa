-- DSP-02, INT-22, SEC-03, SEC-05: technicians are data the supervisor manages through the API.
-- `available` becomes the working status (anything but AVAILABLE is absent): a technician who was not available is
-- OFF_DUTY. A technician is never deleted: retirement is a recorded soft delete. Every change is on the append-only
-- technician_history with its actor.
ALTER TABLE technician
    ADD COLUMN working_status    text NOT NULL DEFAULT 'AVAILABLE'
        CHECK (working_status IN ('AVAILABLE', 'ON_LEAVE', 'SICK', 'OFF_DUTY')),
    ADD COLUMN default_backup    text REFERENCES technician (login),
    ADD COLUMN retired_at        timestamptz,
    ADD COLUMN retirement_reason text,
    ADD COLUMN version           int  NOT NULL DEFAULT 0,
    ADD CONSTRAINT technician_backup_not_self CHECK (default_backup IS NULL OR default_backup <> login);
UPDATE technician SET working_status = CASE WHEN available THEN 'AVAILABLE' ELSE 'OFF_DUTY' END;
ALTER TABLE technician DROP COLUMN available;

CREATE TABLE technician_history (
    id      bigserial PRIMARY KEY,
    login   text        NOT NULL REFERENCES technician (login),
    at      timestamptz NOT NULL,
    actor   text        NOT NULL,
    action  text        NOT NULL,
    detail  text
);
CREATE INDEX technician_history_login_idx ON technician_history (login, id);
CREATE TRIGGER technician_history_is_append_only BEFORE UPDATE OR DELETE ON technician_history
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();

-- DSP-02: how the order is handled (PHONE, ON_SITE, CARRY_IN), its backup person (INT-22), since when it waits in
-- its region's open pool, and who last handed it back (DSP-04: not proposed again; their parts move on).
ALTER TABLE work_order
    ADD COLUMN handling            text,
    ADD COLUMN backup_technician   text REFERENCES technician (login),
    ADD COLUMN in_pool_since       timestamptz,
    ADD COLUMN handed_back_by      text REFERENCES technician (login),
    ADD COLUMN handed_back_from    text;
CREATE INDEX work_order_pool_idx ON work_order (region) WHERE in_pool_since IS NOT NULL;
