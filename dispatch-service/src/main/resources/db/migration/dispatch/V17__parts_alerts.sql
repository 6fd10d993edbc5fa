-- PRT-01, PRT-03: what parts flags on a work order: a refused parts request (REQUEST_REJECTED, PartsRequestRejected)
-- and a blocked warranty write-off (WRITE_OFF_BLOCKED, PartsWriteOffBlocked). An alert is kept: closed with when, by
-- whom and why (a later PartsIssued for the order, the loan's PartsWrittenOff), never deleted.
CREATE TABLE parts_alert (
    id                    uuid        PRIMARY KEY,
    kind                  text        NOT NULL CHECK (kind IN ('REQUEST_REJECTED', 'WRITE_OFF_BLOCKED')),
    work_order_id         uuid        NOT NULL REFERENCES work_order (id),
    ticket_id             uuid        NOT NULL,
    technician            text        NOT NULL,
    reason                text        NOT NULL,
    -- REQUEST_REJECTED: the refused reservation, its store and lines
    reservation_id        uuid,
    from_location         text,
    lines                 jsonb,
    -- WRITE_OFF_BLOCKED: the loan, its part, and what was read on the returned old part
    loan_id               uuid,
    part_number           text,
    quantity              integer     CHECK (quantity >= 1),
    returned_serial       text,
    returned_factory_date date,
    raised_by             text        NOT NULL,
    raised_at             timestamptz NOT NULL,
    -- EVT-04: another event about the same open alert (the loan blocked again) updates it, never a second alert
    times_raised          integer     NOT NULL DEFAULT 1 CHECK (times_raised >= 1),
    last_raised_at        timestamptz NOT NULL,
    closed_at             timestamptz,
    closed_by             text,
    close_reason          text,
    CHECK (kind <> 'REQUEST_REJECTED' OR (reservation_id IS NOT NULL AND lines IS NOT NULL)),
    CHECK (kind <> 'WRITE_OFF_BLOCKED' OR (loan_id IS NOT NULL AND part_number IS NOT NULL AND quantity IS NOT NULL)),
    CHECK ((closed_at IS NULL) = (closed_by IS NULL) AND (closed_at IS NULL) = (close_reason IS NULL))
);
CREATE UNIQUE INDEX parts_alert_open_per_reservation ON parts_alert (reservation_id)
    WHERE kind = 'REQUEST_REJECTED' AND closed_at IS NULL;
CREATE UNIQUE INDEX parts_alert_open_per_loan ON parts_alert (loan_id)
    WHERE kind = 'WRITE_OFF_BLOCKED' AND closed_at IS NULL;
CREATE INDEX parts_alert_of_work_order ON parts_alert (work_order_id, raised_at);
CREATE INDEX parts_alert_by_raised ON parts_alert (raised_at DESC, id);

-- alerts are kept: never deleted; a closed alert never changes; what identifies an alert never changes
CREATE FUNCTION keep_parts_alert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'parts_alert rows are kept and cannot be deleted'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF OLD.closed_at IS NOT NULL THEN
        RAISE EXCEPTION 'parts alert % is closed and cannot change', OLD.id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF NEW.id <> OLD.id OR NEW.kind <> OLD.kind OR NEW.work_order_id <> OLD.work_order_id
            OR NEW.ticket_id <> OLD.ticket_id OR NEW.raised_at <> OLD.raised_at OR NEW.raised_by <> OLD.raised_by
            OR NEW.reservation_id IS DISTINCT FROM OLD.reservation_id OR NEW.loan_id IS DISTINCT FROM OLD.loan_id THEN
        RAISE EXCEPTION 'parts alert % cannot change what it is about', OLD.id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER parts_alert_is_kept BEFORE UPDATE OR DELETE ON parts_alert
    FOR EACH ROW EXECUTE FUNCTION keep_parts_alert();
