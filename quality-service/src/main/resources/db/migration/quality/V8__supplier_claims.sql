-- QLT-09: the components quality knows are bought in, and from whom (kept by quality; purchasing has no role here).
CREATE TABLE purchased_component (
    part_number          text PRIMARY KEY,
    supplier             text        NOT NULL,
    supplier_part_number text,
    description          text,
    updated_by           text        NOT NULL,
    updated_at           timestamptz NOT NULL,
    version              integer     NOT NULL
);

-- QLT-09: a supplier claim for a failure caused by a purchased component, for purchasing to pursue. One per defect
-- and part: a repeated classification raises none (INSERT … ON CONFLICT DO NOTHING).
CREATE TABLE supplier_claim (
    id                   uuid PRIMARY KEY,
    claim_number         text        NOT NULL UNIQUE,
    defect_id            uuid        NOT NULL,
    ticket_id            uuid,
    product_model        text        NOT NULL,
    serial_number        text,
    production_batch     text,
    part_number          text        NOT NULL,
    supplier             text,
    supplier_part_number text,
    failure_mode         text,
    cause                text,
    state                text        NOT NULL,
    submission_reference text,
    decision_note        text,
    recovered_amount     numeric(14, 2),
    currency             text,
    close_note           text,
    raised_by            text        NOT NULL,
    raised_at            timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    version              integer     NOT NULL,
    UNIQUE (defect_id, part_number)
);
CREATE INDEX supplier_claim_state_idx ON supplier_claim (state, raised_at);
CREATE INDEX supplier_claim_supplier_idx ON supplier_claim (supplier, raised_at);
CREATE INDEX supplier_claim_part_idx ON supplier_claim (part_number) WHERE state = 'NEEDS_SUPPLIER';

-- SC-<yyyy>-<seq>: one counter per year of the company zone.
CREATE TABLE supplier_claim_number_counter (
    year integer PRIMARY KEY,
    last integer NOT NULL
);

-- SEC-03: every change of a claim with its actor and time; append-only.
CREATE TABLE supplier_claim_history (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    claim_id   uuid        NOT NULL REFERENCES supplier_claim (id),
    at         timestamptz NOT NULL,
    actor      text        NOT NULL,
    action     text        NOT NULL,
    from_state text,
    to_state   text        NOT NULL,
    detail     text
);
CREATE INDEX supplier_claim_history_claim_idx ON supplier_claim_history (claim_id, id);
CREATE TRIGGER supplier_claim_history_is_append_only BEFORE UPDATE OR DELETE ON supplier_claim_history
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
