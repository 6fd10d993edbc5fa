-- DSP-10 technician scorecards and RPT-01 field-task reports read these facts (joined with work_order, technician
-- and visit_clock, read-only). One row per closed repair, written in the closing transaction from dispatch's own
-- RepairClosed; the fees are what the repair charged (zero until DSP-05's charges reach RepairClosed).
CREATE TABLE scorecard_repair (
    work_order_id  uuid PRIMARY KEY REFERENCES work_order (id),
    ticket_id      uuid          NOT NULL,
    technician     text          NOT NULL,
    closed_at      timestamptz   NOT NULL,
    first_time_fix boolean       NOT NULL,
    parts_fee      numeric(14,2) NOT NULL DEFAULT 0,
    travel_fee     numeric(14,2) NOT NULL DEFAULT 0,
    service_fee    numeric(14,2) NOT NULL DEFAULT 0,
    revenue        numeric(14,2) NOT NULL DEFAULT 0
);
CREATE INDEX scorecard_repair_closed_idx ON scorecard_repair (closed_at, technician);

-- REV-07 → DSP-10: the customer's satisfaction from revisit's RevisitCompleted / CustomerDissatisfied, per happy
-- call of a work order (a complaint revisit names no work order and is not kept). score: VERY_SATISFIED 4,
-- SATISFIED 3, NEUTRAL 2, DISSATISFIED 1.
CREATE TABLE scorecard_rating (
    revisit_id    uuid        PRIMARY KEY,
    work_order_id uuid        NOT NULL,
    ticket_id     uuid        NOT NULL,
    satisfaction  text        NOT NULL CHECK (satisfaction IN ('VERY_SATISFIED', 'SATISFIED', 'NEUTRAL', 'DISSATISFIED')),
    score         int         NOT NULL CHECK (score BETWEEN 1 AND 4),
    rated_at      timestamptz NOT NULL
);
CREATE INDEX scorecard_rating_work_order_idx ON scorecard_rating (work_order_id);

CREATE TRIGGER scorecard_repair_is_append_only BEFORE UPDATE OR DELETE ON scorecard_repair
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER scorecard_rating_is_append_only BEFORE UPDATE OR DELETE ON scorecard_rating
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
