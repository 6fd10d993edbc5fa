-- QLT-01, QLT-06, QLT-08: quality's copy of the installed base, kept from intake's InstalledProductRecorded (never
-- intake's database): each unit's model, serial, factory and ship dates and production batch, and the components
-- fitted at the factory. A stale version never overwrites a newer one.
CREATE TABLE installed_product (
    id               uuid PRIMARY KEY,
    version          integer     NOT NULL,
    customer_id      uuid        NOT NULL,
    product_model    text        NOT NULL,
    product_line     text,
    serial_number    text        NOT NULL,
    factory_date     date,
    ship_date        date,
    production_batch text,
    components       jsonb       NOT NULL DEFAULT '[]',
    updated_at       timestamptz NOT NULL
);
CREATE INDEX installed_product_model_serial_idx ON installed_product (product_model, serial_number);
CREATE INDEX installed_product_model_factory_idx ON installed_product (product_model, factory_date);

-- QLT-03, QLT-04, RPT-01: what quality keeps of each ticket from intake's TicketRegistered and TicketAccepted — kind,
-- channel, the referrer of a sales referral, the customer, the region and the unit.
CREATE TABLE ticket_fact (
    ticket_id              uuid PRIMARY KEY,
    ticket_number          text,
    kind                   text,
    category               text,
    channel                text,
    referred_by_name       text,
    referred_by_department text,
    customer_id            uuid,
    installed_product_id   uuid,
    region                 text,
    product_model          text,
    serial_number          text,
    registered_at          timestamptz,
    accepted_at            timestamptz,
    updated_at             timestamptz NOT NULL
);

-- QLT-03, QLT-04, QLT-07: reports generated on schedule and kept. One per kind, period and subject: the replicas'
-- jobs race on the unique key and one wins (INSERT … ON CONFLICT DO NOTHING). A kept report never changes.
CREATE TABLE published_report (
    id            uuid PRIMARY KEY,
    kind          text        NOT NULL,
    period_from   date        NOT NULL,
    period_to     date        NOT NULL,
    subject       text        NOT NULL DEFAULT '',
    title         text        NOT NULL,
    audience      text[]      NOT NULL,
    content       jsonb       NOT NULL,
    table_columns jsonb       NOT NULL,
    table_rows    jsonb       NOT NULL,
    generated_by  text        NOT NULL,
    generated_at  timestamptz NOT NULL,
    UNIQUE (kind, period_from, period_to, subject)
);
CREATE INDEX published_report_kind_idx ON published_report (kind, period_from DESC);
CREATE TRIGGER published_report_is_append_only BEFORE UPDATE OR DELETE ON published_report
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
