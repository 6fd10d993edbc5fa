-- RPT-04 / SEC-04: every customer export (personal data leaves the system) and every import is recorded:
-- who, when, which format, with which filters and how many rows. Never the rows themselves.
CREATE TABLE customer_transfer_audit (
    id            uuid PRIMARY KEY,
    direction     text        NOT NULL CHECK (direction IN ('EXPORT', 'IMPORT')),
    format        text        NOT NULL CHECK (format IN ('CSV', 'XLSX')),
    actor         text        NOT NULL,
    started_at    timestamptz NOT NULL,
    finished_at   timestamptz,
    filters       text,
    row_count     int,
    created_count int,
    updated_count int
);
CREATE INDEX customer_transfer_audit_started_idx ON customer_transfer_audit (started_at DESC);
