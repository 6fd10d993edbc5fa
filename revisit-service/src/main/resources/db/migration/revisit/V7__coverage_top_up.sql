-- REV-01 (§11): every technician with completed work orders in a month gets at least one happy call that month. The
-- decision at RepairClosed no longer claims the technician's month (that inflated the rate): the month-end top-up
-- does, for a technician the sample missed. One row per technician and month is the top-up's audit record and, by its
-- primary key, the guard that two replicas or two runs choose once (INSERT ... ON CONFLICT DO NOTHING).
CREATE TABLE coverage_top_up (
    technician_id  text        NOT NULL,
    coverage_month text        NOT NULL,  -- yyyy-MM in the company's time zone, as revisit_decision.coverage_month
    work_order_id  uuid        NOT NULL UNIQUE,
    ticket_id      uuid        NOT NULL,
    revisit_id     uuid        NOT NULL,
    completed_at   timestamptz NOT NULL,
    hash_value     double precision NOT NULL,  -- the chosen order's sampling value (HappyCallSampling.value)
    window_open    boolean     NOT NULL,       -- completed within 7 days before the run
    due_basis      text        NOT NULL CHECK (due_basis IN ('COMPLETION', 'TOP_UP_RUN')),
    due_by         timestamptz NOT NULL,       -- completion + 7 days, or the run + 7 days when no window was open
    candidates     jsonb       NOT NULL,       -- every order considered, in the order of preference
    run_id         uuid        NOT NULL,
    actor          text        NOT NULL,
    topped_up_at   timestamptz NOT NULL,
    PRIMARY KEY (technician_id, coverage_month)
);
CREATE INDEX coverage_top_up_month_idx ON coverage_top_up (coverage_month);
CREATE INDEX revisit_decision_month_idx ON revisit_decision (coverage_month, technician_id);

-- the audit record of a top-up never changes
CREATE FUNCTION revisit_coverage_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER coverage_top_up_append_only BEFORE UPDATE OR DELETE ON coverage_top_up
    FOR EACH ROW EXECUTE FUNCTION revisit_coverage_refuse_change();

-- the first-of-month claim it replaces; its choices stay in revisit_decision (reason TECHNICIAN_MONTHLY_COVERAGE)
DROP TABLE technician_month_coverage;
