-- INT-17 outreach tickets for a defect campaign (QLT-08), and the INT-05 gate: a ticket quality must report on
-- closes only once quality's improvement report (QLT-05) has arrived and its revisit is done (REV-05, REV-06).

ALTER TABLE ticket
    ADD COLUMN campaign_id                  uuid,
    ADD COLUMN contact_due_at               timestamptz,
    ADD COLUMN improvement_report_id        uuid,
    ADD COLUMN improvement_report_issued_at timestamptz,
    -- the revisit fact (RevisitCompleted / RevisitUnreachable) that would have closed the ticket, kept while the
    -- ticket waits for the improvement report
    ADD COLUMN revisit_done_because         text,
    ADD COLUMN revisit_done_at              timestamptz;

-- EVT-04: a campaign creates at most one outreach ticket per installed product, however often it is delivered.
CREATE UNIQUE INDEX ticket_campaign_product_uq ON ticket (campaign_id, installed_product_id) WHERE campaign_id IS NOT NULL;
-- the desk's list of outreach tickets still to contact, earliest due first
CREATE INDEX ticket_outreach_due_idx ON ticket (contact_due_at) WHERE kind = 'OUTREACH' AND state = 'REGISTERED';

-- Serial ranges are byte-wise lexicographic (COLLATE "C"), whatever the database's collation.
CREATE INDEX installed_product_model_serial_c_idx ON installed_product (product_model, serial_number COLLATE "C");

-- A campaign as received, and how far ticket creation has got: the worker creates the tickets in batches in
-- serial-number order, each batch committing its tickets together with the cursor (last_serial), so a crash
-- resumes after the last committed batch.
CREATE TABLE defect_campaign (
    campaign_id       uuid PRIMARY KEY,
    campaign_number   text,
    product_model     text        NOT NULL,
    serial_from       text,
    serial_to         text,
    factory_date_from date,
    factory_date_to   date,
    description       text        NOT NULL,
    action_to_take    text,
    launched_at       timestamptz NOT NULL,
    contact_due_at    timestamptz NOT NULL,
    actor             text        NOT NULL,
    event_id          uuid        NOT NULL,
    received_at       timestamptz NOT NULL,
    last_serial       text,
    tickets_created   int         NOT NULL DEFAULT 0,
    completed_at      timestamptz,
    CHECK (serial_from IS NOT NULL OR serial_to IS NOT NULL OR factory_date_from IS NOT NULL OR factory_date_to IS NOT NULL)
);
CREATE INDEX defect_campaign_open_idx ON defect_campaign (received_at) WHERE completed_at IS NULL;
