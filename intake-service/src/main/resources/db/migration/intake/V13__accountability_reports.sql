-- INT-21: the monthly accountability report, issued once per month. The unique month decides which replica issues
-- it (INSERT ... ON CONFLICT DO NOTHING): only the one whose insert took publishes AccountabilityReportIssued.
CREATE TABLE accountability_report (
    month            text PRIMARY KEY CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    report_id        uuid          NOT NULL UNIQUE,
    complaint_count  int           NOT NULL,
    penalty_count    int           NOT NULL,
    total_deductions numeric(14, 2) NOT NULL,
    issued_by        text          NOT NULL,
    issued_at        timestamptz   NOT NULL
);
CREATE INDEX complaint_form_returned_idx ON complaint (form_returned_at);
CREATE INDEX complaint_executed_idx ON complaint (executed_at);
CREATE INDEX complaint_approved_idx ON complaint (approved_at);
