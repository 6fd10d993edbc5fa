-- DSP-09 / RPT-03: preventive maintenance plans (from service contracts: maintenance items and routine inspections),
-- the maintenance orders they generate ahead of each due date, the inspection records signed by the customer, and the
-- prompts for a plan after an installation is accepted. A maintenance order has no ticket: it is not a work order.
CREATE TABLE maintenance_plan (
    id                   uuid PRIMARY KEY,
    customer_id          uuid        NOT NULL,
    installed_product_id uuid        NOT NULL,
    product_model        text        NOT NULL,
    serial_number        text,
    region               text        NOT NULL,
    -- intake's service contract the plan serves (a reference only: dispatch never reads intake's database)
    contract_id          uuid,
    -- who goes by default: the generated orders are assigned to them at once
    technician           text,
    -- the checklist of every inspection: [{name, description}]
    items                jsonb       NOT NULL,
    state                text        NOT NULL CHECK (state IN ('ACTIVE', 'SUSPENDED', 'ENDED')),
    state_reason         text,
    created_by           text        NOT NULL,
    created_at           timestamptz NOT NULL,
    state_changed_at     timestamptz,
    state_changed_by     text,
    version              int         NOT NULL DEFAULT 0
);
CREATE INDEX maintenance_plan_product_idx ON maintenance_plan (installed_product_id);
CREATE INDEX maintenance_plan_customer_idx ON maintenance_plan (customer_id);

-- One recurring piece of work of a plan: a routine inspection (on site or by phone) or a maintenance item with its
-- own interval. next_due moves with the actual completion date (DSP-09); open_order_id is the order generated for
-- next_due and not yet done (the job generates nothing more until it is).
CREATE TABLE maintenance_schedule (
    id                uuid PRIMARY KEY,
    plan_id           uuid NOT NULL REFERENCES maintenance_plan (id),
    position          int  NOT NULL,
    kind              text NOT NULL CHECK (kind IN ('INSPECTION', 'ITEM')),
    name              text NOT NULL,
    description       text,
    mode              text NOT NULL CHECK (mode IN ('ON_SITE', 'PHONE')),
    every             text NOT NULL,
    next_due          date NOT NULL,
    open_order_id     uuid,
    last_completed_on date,
    UNIQUE (plan_id, position)
);
-- what the generation job scans: schedules with nothing generated yet, by due date
CREATE INDEX maintenance_schedule_due_idx ON maintenance_schedule (next_due) WHERE open_order_id IS NULL;

CREATE TABLE maintenance_order (
    id                   uuid PRIMARY KEY,
    plan_id              uuid        NOT NULL REFERENCES maintenance_plan (id),
    schedule_id          uuid        NOT NULL REFERENCES maintenance_schedule (id),
    kind                 text        NOT NULL,
    mode                 text        NOT NULL,
    name                 text        NOT NULL,
    due_date             date        NOT NULL,
    customer_id          uuid        NOT NULL,
    installed_product_id uuid        NOT NULL,
    product_model        text        NOT NULL,
    serial_number        text,
    region               text        NOT NULL,
    state                text        NOT NULL CHECK (state IN ('DUE', 'ASSIGNED', 'DONE', 'CANCELLED')),
    technician           text,
    created_at           timestamptz NOT NULL,
    assigned_at          timestamptz,
    assigned_by          text,
    performed_on         date,
    closed_at            timestamptz,
    closed_by            text,
    inspection_id        uuid,
    version              int         NOT NULL DEFAULT 0,
    -- DSP-09: exactly one order per plan item/inspection and due date, whichever job replica generates it
    UNIQUE (schedule_id, due_date)
);
CREATE INDEX maintenance_order_technician_idx ON maintenance_order (technician, due_date);
CREATE INDEX maintenance_order_open_idx ON maintenance_order (due_date) WHERE state IN ('DUE', 'ASSIGNED');

-- DSP-09, RPT-02: what the technician found and the customer signed; never changed (SEC-03).
CREATE TABLE inspection_record (
    id                   uuid PRIMARY KEY,
    maintenance_order_id uuid        NOT NULL UNIQUE REFERENCES maintenance_order (id),
    plan_id              uuid        NOT NULL REFERENCES maintenance_plan (id),
    technician           text        NOT NULL,
    performed_on         date        NOT NULL,
    -- [{name, result, note}] and [{problemId, description, severity}]
    items                jsonb       NOT NULL,
    problems             jsonb       NOT NULL,
    confirmation_method  text        NOT NULL CHECK (confirmation_method IN ('SIGNATURE', 'CODE')),
    -- base64 PNG of the customer's signature, or the confirmation code the customer gave
    customer_signature   text,
    confirmation_code    text,
    signed_by            text        NOT NULL,
    recorded_at          timestamptz NOT NULL
);
CREATE TRIGGER inspection_record_is_append_only BEFORE UPDATE OR DELETE ON inspection_record
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();

-- DSP-09: after an installation is accepted (its INSTALLATION work order closed) the platform prompts for a plan.
CREATE TABLE maintenance_prompt (
    id                   uuid PRIMARY KEY,
    work_order_id        uuid        NOT NULL UNIQUE,
    ticket_id            uuid        NOT NULL,
    customer_id          uuid,
    installed_product_id uuid,
    product_model        text,
    serial_number        text,
    region               text,
    state                text        NOT NULL CHECK (state IN ('OPEN', 'PLANNED', 'DISMISSED')),
    created_at           timestamptz NOT NULL,
    closed_at            timestamptz,
    closed_by            text,
    plan_id              uuid,
    dismissal_reason     text
);
CREATE INDEX maintenance_prompt_open_idx ON maintenance_prompt (installed_product_id) WHERE state = 'OPEN';
