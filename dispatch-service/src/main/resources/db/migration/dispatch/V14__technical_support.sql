-- DSP-06: a visit that did not fix the product. The work order's one record of NOT_FIXED visits (first-time fix counts
-- them); FIXED visits are in visit. Append-only, like visit (SEC-03).
CREATE TABLE not_fixed_visit (
    id             uuid PRIMARY KEY,
    work_order_id  uuid        NOT NULL REFERENCES work_order (id),
    technician     text        NOT NULL,
    site_situation text        NOT NULL,
    symptom        text,
    actions_tried  text,
    labour_minutes int         NOT NULL CHECK (labour_minutes >= 0),
    question       text        NOT NULL,
    attachments    jsonb       NOT NULL,
    recorded_at    timestamptz NOT NULL
);
CREATE INDEX not_fixed_visit_work_order_idx ON not_fixed_visit (work_order_id);
CREATE TRIGGER not_fixed_visit_is_append_only BEFORE UPDATE OR DELETE ON not_fixed_visit
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();

-- DSP-06, INT-23: engineering's technical support requests: from a NOT_FIXED visit (with its work order) or from a
-- ticket the desk classified as a technical question (no work order). OPEN → SOLVED, or CLOSED without a solution.
CREATE TABLE tech_support_request (
    id             uuid PRIMARY KEY,
    source         text        NOT NULL CHECK (source IN ('NOT_FIXED', 'TECHNICAL_QUESTION')),
    ticket_id      uuid        NOT NULL,
    ticket_number  text,
    work_order_id  uuid REFERENCES work_order (id),
    visit_id       uuid UNIQUE,
    technician     text,
    product_model  text        NOT NULL,
    question       text        NOT NULL,
    site_situation text,
    symptom        text,
    actions_tried  text,
    attachments    jsonb       NOT NULL,
    requested_by   text        NOT NULL,
    requested_at   timestamptz NOT NULL,
    state          text        NOT NULL CHECK (state IN ('OPEN', 'SOLVED', 'CLOSED')),
    solution       text,
    parts_needed   jsonb       NOT NULL,
    close_reason   text,
    answered_by    text,
    answered_at    timestamptz,
    version        int         NOT NULL DEFAULT 0,
    CHECK ((source = 'NOT_FIXED') = (work_order_id IS NOT NULL))
);
-- INT-23 EVT-04: one technical-question request per ticket, however often TicketRegistered arrives
CREATE UNIQUE INDEX tech_support_request_question_per_ticket ON tech_support_request (ticket_id)
    WHERE source = 'TECHNICAL_QUESTION';
CREATE INDEX tech_support_request_state_idx ON tech_support_request (state, requested_at);
CREATE INDEX tech_support_request_work_order_idx ON tech_support_request (work_order_id);
