-- QLT-01, QLT-02: the defect record grows into an aggregate. Sources: a closed repair with a cause code (one record
-- per repair) and a defective part received by the store (one record per returned part, i.e. per warranty loan).
-- Batch and factory date come from quality's installed base, region and customer from its ticket facts (null while
-- quality has not heard of them). A record whose item physically came back awaits analysis within 7 days of receipt.
ALTER TABLE defect
    ADD COLUMN production_batch    text,
    ADD COLUMN factory_date        date,
    ADD COLUMN part_number         text,
    ADD COLUMN part_serial         text,
    ADD COLUMN part_factory_date   date,
    ADD COLUMN loan_id             uuid,
    ADD COLUMN region              text,
    ADD COLUMN customer_id         uuid,
    ADD COLUMN responsible_process text,
    ADD COLUMN causing_part_number text,
    ADD COLUMN state               text    NOT NULL DEFAULT 'NO_ANALYSIS_NEEDED',
    ADD COLUMN failed_at           timestamptz,
    ADD COLUMN received_at         timestamptz,
    ADD COLUMN analysis_due_by     timestamptz,
    ADD COLUMN test_result         text,
    ADD COLUMN conclusion          text,
    ADD COLUMN analysed_by         text,
    ADD COLUMN analysed_at         timestamptz,
    ADD COLUMN analysed_late       boolean,
    ADD COLUMN classified_by       text,
    ADD COLUMN classified_at       timestamptz,
    ADD COLUMN version             integer NOT NULL DEFAULT 1;
ALTER TABLE defect ALTER COLUMN state DROP DEFAULT;
UPDATE defect SET failed_at = recorded_at WHERE failed_at IS NULL;

-- one record per repair; a work order may return several defective parts, one record each (per loan)
ALTER TABLE defect DROP CONSTRAINT defect_work_order_id_source_key;
CREATE UNIQUE INDEX defect_one_per_repair ON defect (work_order_id) WHERE source = 'REPAIR_CLOSED';
CREATE UNIQUE INDEX defect_one_per_returned_part ON defect (loan_id) WHERE loan_id IS NOT NULL;
CREATE INDEX defect_analysis_due_idx ON defect (analysis_due_by) WHERE state = 'AWAITING_ANALYSIS';
CREATE INDEX defect_failed_at_idx ON defect (failed_at);

-- SEC-03: every change of a record (recorded, classified or corrected, analysed) with its actor and the
-- classification before and after; append-only.
CREATE TABLE defect_history (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    defect_id  uuid        NOT NULL REFERENCES defect (id),
    at         timestamptz NOT NULL,
    actor      text        NOT NULL,
    action     text        NOT NULL,
    from_state text,
    to_state   text        NOT NULL,
    before     jsonb,
    after      jsonb       NOT NULL,
    note       text
);
CREATE INDEX defect_history_defect_idx ON defect_history (defect_id, id);
CREATE TRIGGER defect_history_is_append_only BEFORE UPDATE OR DELETE ON defect_history
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
