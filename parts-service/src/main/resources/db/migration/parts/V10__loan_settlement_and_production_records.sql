-- Issue 13, PRT-03/PRT-04/PRT-05: the settlement side of a loan. Every loan ends in exactly one outcome
-- (CONSUMED_UNDER_WARRANTY, CONSUMED_ON_PAID_WORK, RESTOCKED, SCRAPPED); the database refuses any other status.
ALTER TABLE loan
    ADD COLUMN product_model          text,
    ADD COLUMN product_serial_number  text,
    ADD COLUMN entitlement            text,
    ADD COLUMN cause_code             text,
    ADD COLUMN symptom                text,
    ADD COLUMN closed_at              timestamptz,
    ADD COLUMN old_factory_date       date,
    ADD COLUMN returned_serial        text,
    ADD COLUMN returned_factory_date  date,
    ADD COLUMN block_reason           text CHECK (block_reason IN
        ('NO_PRODUCTION_RECORD', 'PART_NOT_IN_PRODUCTION_RECORD', 'MISMATCH')),
    ADD COLUMN payment_reference      text,
    ADD COLUMN store                  text,
    ADD COLUMN inspection_note        text,
    ADD COLUMN settled_by             text;

ALTER TABLE loan ADD CONSTRAINT loan_status_check CHECK (status IN (
    'ON_LOAN', 'AWAITING_OLD_PART', 'WRITE_OFF_BLOCKED', 'AWAITING_PAYMENT_REFERENCE', 'AWAITING_RETURN',
    'RETURNED_FOR_INSPECTION', 'CONSUMED_UNDER_WARRANTY', 'CONSUMED_ON_PAID_WORK', 'RESTOCKED', 'SCRAPPED'));
-- an outcome is reached once: a terminal loan carries the time it settled
ALTER TABLE loan ADD CONSTRAINT loan_outcome_settled_check CHECK (
    status NOT IN ('CONSUMED_UNDER_WARRANTY', 'CONSUMED_ON_PAID_WORK', 'RESTOCKED', 'SCRAPPED')
    OR settled_at IS NOT NULL) NOT VALID;

CREATE INDEX loan_technician_idx ON loan (technician, status);
-- PRT-05: the open loans of closed work orders, oldest close first
CREATE INDEX loan_overdue_idx ON loan (closed_at)
    WHERE status NOT IN ('CONSUMED_UNDER_WARRANTY', 'CONSUMED_ON_PAID_WORK', 'RESTOCKED', 'SCRAPPED');

-- PRT-03: parts' own copy of the production inspection record kept with the installed base, from intake's
-- InstalledProductRecorded (never intake's database); only the highest version of each installed product is kept.
CREATE TABLE production_record (
    installed_product_id uuid PRIMARY KEY,
    version              int         NOT NULL CHECK (version >= 1),
    product_model        text        NOT NULL,
    serial_number        text        NOT NULL,
    factory_date         date,
    -- false while intake has no production inspection record of the unit
    recorded             boolean     NOT NULL,
    production_batch     text,
    inspected_on         date,
    updated_at           timestamptz NOT NULL
);
CREATE INDEX production_record_unit_idx ON production_record (product_model, serial_number);

CREATE TABLE production_component (
    installed_product_id uuid NOT NULL REFERENCES production_record (installed_product_id) ON DELETE CASCADE,
    position             int  NOT NULL,
    part_number          text NOT NULL,
    serial_number        text,
    factory_date         date,
    PRIMARY KEY (installed_product_id, position)
);
