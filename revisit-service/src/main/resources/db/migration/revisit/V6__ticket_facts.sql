-- Revisit's own copy of what intake's events say about each ticket (never intake's database): the customer, region
-- and product its reports (RPT-01, REV-07) and reminders (RPT-03) group by. No phone, no address (SEC-04).
CREATE TABLE ticket_fact (
    ticket_id            uuid PRIMARY KEY,
    ticket_number        text,
    kind                 text,
    channel              text,
    category             text,
    product_line         text,
    product_model        text,
    serial_number        text,
    customer_id          uuid,
    region               text,
    installed_product_id uuid,
    registered_at        timestamptz,
    accepted_at          timestamptz,
    updated_at           timestamptz NOT NULL
);
CREATE INDEX ticket_fact_customer_idx ON ticket_fact (customer_id);
