-- REV-07 → DSP-10: a revisit's survey answers (REV-04) on the 1–4 scale and the technician, when the event carries
-- them (older ratings have none), and the happy calls that found nobody (REV-06).
ALTER TABLE scorecard_rating ADD COLUMN technician        text;
ALTER TABLE scorecard_rating ADD COLUMN service_quality   int CHECK (service_quality BETWEEN 1 AND 4);
ALTER TABLE scorecard_rating ADD COLUMN technical_skill   int CHECK (technical_skill BETWEEN 1 AND 4);
ALTER TABLE scorecard_rating ADD COLUMN punctuality       int CHECK (punctuality BETWEEN 1 AND 4);
ALTER TABLE scorecard_rating ADD COLUMN charge_reasonable boolean;

CREATE TABLE scorecard_unreachable (
    revisit_id     uuid        PRIMARY KEY,
    work_order_id  uuid        NOT NULL,
    ticket_id      uuid        NOT NULL,
    technician     text,
    attempts       int,
    unreachable_at timestamptz NOT NULL
);
CREATE INDEX scorecard_unreachable_work_order_idx ON scorecard_unreachable (work_order_id);

CREATE TRIGGER scorecard_unreachable_is_append_only BEFORE UPDATE OR DELETE ON scorecard_unreachable
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
