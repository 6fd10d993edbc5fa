-- DSP-04: every version of a work order's appointment window, append-only. A version belongs to the technician who
-- booked it: once the order's technician changes (hand-back, reassignment) the older versions no longer count as the
-- current appointment; seq orders the versions of one order, and its uniqueness turns two concurrent bookings of the
-- same order into one success and one conflict (409). confirmed_with names who at the customer agreed: personal
-- data, never logged nor published (SEC-04).
CREATE TABLE appointment (
    id             uuid PRIMARY KEY,
    work_order_id  uuid        NOT NULL REFERENCES work_order (id),
    ticket_id      uuid        NOT NULL,
    seq            int         NOT NULL CHECK (seq >= 1),
    technician     text        NOT NULL,
    window_start   timestamptz NOT NULL,
    window_end     timestamptz NOT NULL,
    requested_by   text        NOT NULL CHECK (requested_by IN ('CUSTOMER', 'TECHNICIAN', 'SUPERVISOR')),
    reason         text,
    confirmed_with text,
    note           text,
    rescheduled    boolean     NOT NULL,
    actor          text        NOT NULL,
    recorded_at    timestamptz NOT NULL,
    UNIQUE (work_order_id, seq),
    CHECK (window_end > window_start),
    CHECK (NOT rescheduled OR reason IS NOT NULL)
);
CREATE TRIGGER appointment_is_append_only BEFORE UPDATE OR DELETE ON appointment
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();

-- DSP-04 / DSP-05: a technician running late told the customer, with the new expected arrival; append-only.
CREATE TABLE late_notice (
    id                uuid PRIMARY KEY,
    work_order_id     uuid        NOT NULL REFERENCES work_order (id),
    ticket_id         uuid        NOT NULL,
    technician        text        NOT NULL,
    expected_arrival  timestamptz NOT NULL,
    reason            text        NOT NULL,
    customer_informed boolean     NOT NULL CHECK (customer_informed),
    actor             text        NOT NULL,
    recorded_at       timestamptz NOT NULL
);
CREATE INDEX late_notice_work_order_idx ON late_notice (work_order_id, recorded_at);
CREATE TRIGGER late_notice_is_append_only BEFORE UPDATE OR DELETE ON late_notice
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();

-- DSP-02: the approvals of a complaint's service slip (quality lead, manager) as the work order holds them:
-- [{"approval":"QUALITY_LEAD","approver":"qa.wu","actor":"qa.wu","approvedAt":"…"}]; each also has its line in the
-- append-only work_order_history. Written only under the order's row lock, so a kind is approved once.
ALTER TABLE work_order
    ADD COLUMN slip_approvals jsonb NOT NULL DEFAULT '[]';
