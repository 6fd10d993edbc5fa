-- QLT-08: defect campaigns. Quality launches one for a model and a serial and/or factory-date range (bounds
-- inclusive, serials compared byte-wise as intake compares them); intake answers with OutreachTicketsOpened (INT-17).
CREATE TABLE campaign (
    id                    uuid PRIMARY KEY,
    number                text        NOT NULL UNIQUE,
    product_model         text        NOT NULL,
    serial_from           text,
    serial_to             text,
    factory_date_from     date,
    factory_date_to       date,
    description           text        NOT NULL,
    action_to_take        text,
    contact_within_hours  integer     NOT NULL,
    improvement_report_id uuid,
    state                 text        NOT NULL,
    launched_by           text        NOT NULL,
    launched_at           timestamptz NOT NULL,
    -- launched_at + contact_within_hours: no OutreachTicketsOpened by then → the campaign is overdue
    outreach_due_by       timestamptz NOT NULL,
    ticket_count          integer,
    outreach_opened_at    timestamptz,
    contact_due_at        timestamptz,
    closed_by             text,
    closed_at             timestamptz,
    summary               text,
    version               integer     NOT NULL,
    CHECK (serial_from IS NOT NULL OR serial_to IS NOT NULL OR factory_date_from IS NOT NULL OR factory_date_to IS NOT NULL)
);
CREATE INDEX campaign_state_idx ON campaign (state, outreach_due_by);
CREATE INDEX campaign_model_idx ON campaign (product_model, launched_at);

-- The last campaign number given out per year (QC-<yyyy>-<seq>); one row per year, raised in the launching
-- transaction (unique, not necessarily gap-free).
CREATE TABLE campaign_number (
    year integer PRIMARY KEY,
    last integer NOT NULL
);
