-- Customers with many contacts and addresses, class A-D, groups and the blocked flag (INT-20); the installed
-- base (INT-24, RPT-04) and service contracts (INT-06 CONTRACT). Nothing here is ever hard-deleted (SEC-05).

ALTER TABLE customer
    ADD COLUMN customer_class  char(1) NOT NULL DEFAULT 'C' CHECK (customer_class IN ('A', 'B', 'C', 'D')),
    ADD COLUMN blocked         boolean NOT NULL DEFAULT false,
    ADD COLUMN blocked_reason  text,
    ADD COLUMN blocked_by      text,
    ADD COLUMN blocked_at      timestamptz,
    ADD COLUMN note            text,
    ADD COLUMN version         int NOT NULL DEFAULT 0,
    ADD COLUMN updated_at      timestamptz,
    ADD COLUMN updated_by      text,
    ADD COLUMN deleted_at      timestamptz,
    ADD COLUMN deleted_by      text;
UPDATE customer SET updated_at = created_at, updated_by = created_by;
ALTER TABLE customer ALTER COLUMN updated_at SET NOT NULL, ALTER COLUMN updated_by SET NOT NULL;
CREATE INDEX customer_name_idx ON customer (lower(name) text_pattern_ops);

-- phone_key: the last ten digits of the number, so "+86 735 2221234" and "0735-2221234" are the same caller.
CREATE TABLE customer_contact (
    id          uuid PRIMARY KEY,
    customer_id uuid    NOT NULL REFERENCES customer (id),
    name        text    NOT NULL,
    phone       text    NOT NULL,
    phone_key   text    NOT NULL,
    email       text,
    role        text,
    is_primary  boolean NOT NULL DEFAULT false,
    position    int     NOT NULL
);
CREATE INDEX customer_contact_phone_key_idx ON customer_contact (phone_key);
CREATE INDEX customer_contact_customer_idx ON customer_contact (customer_id);

INSERT INTO customer_contact (id, customer_id, name, phone, phone_key, is_primary, position)
SELECT gen_random_uuid(), id, name, phone, right(regexp_replace(phone, '[^0-9]', '', 'g'), 10), true, 0 FROM customer;
ALTER TABLE customer DROP COLUMN phone;

CREATE TABLE customer_address (
    id          uuid PRIMARY KEY,
    customer_id uuid    NOT NULL REFERENCES customer (id),
    label       text,
    line        text    NOT NULL,
    city        text,
    region      text,
    postal_code text,
    is_primary  boolean NOT NULL DEFAULT false,
    position    int     NOT NULL
);
CREATE INDEX customer_address_customer_idx ON customer_address (customer_id);

CREATE TABLE customer_group (
    name       text PRIMARY KEY,
    created_at timestamptz NOT NULL
);
CREATE TABLE customer_group_member (
    customer_id uuid NOT NULL REFERENCES customer (id),
    group_name  text NOT NULL REFERENCES customer_group (name),
    PRIMARY KEY (customer_id, group_name)
);
CREATE INDEX customer_group_member_group_idx ON customer_group_member (group_name);

CREATE TABLE service_contract (
    id                        uuid PRIMARY KEY,
    number                    text        NOT NULL UNIQUE,
    customer_id               uuid        NOT NULL REFERENCES customer (id),
    starts_on                 date        NOT NULL,
    ends_on                   date        NOT NULL CHECK (ends_on >= starts_on),
    covered_services          text[]      NOT NULL,
    warranty_extension_months int         NOT NULL DEFAULT 0 CHECK (warranty_extension_months >= 0),
    version                   int         NOT NULL DEFAULT 0,
    created_at                timestamptz NOT NULL,
    created_by                text        NOT NULL
);
CREATE INDEX service_contract_customer_idx ON service_contract (customer_id);

-- The installed base. extra_1..extra_5 hold the configurable extra fields (RPT-04), named in intake.yml.
CREATE TABLE installed_product (
    id                           uuid PRIMARY KEY,
    customer_id                  uuid        NOT NULL REFERENCES customer (id),
    end_user_customer_id         uuid REFERENCES customer (id),
    product_model                text        NOT NULL,
    product_line                 text        NOT NULL,
    serial_number                text        NOT NULL UNIQUE,
    factory_date                 date,
    ship_date                    date,
    sale_date                    date,
    installation_acceptance_date date,
    service_contract_id          uuid REFERENCES service_contract (id),
    extra_1                      text,
    extra_2                      text,
    extra_3                      text,
    extra_4                      text,
    extra_5                      text,
    version                      int         NOT NULL DEFAULT 0,
    created_at                   timestamptz NOT NULL,
    created_by                   text        NOT NULL,
    updated_at                   timestamptz NOT NULL,
    updated_by                   text        NOT NULL
);
CREATE INDEX installed_product_customer_idx ON installed_product (customer_id);
CREATE INDEX installed_product_end_user_idx ON installed_product (end_user_customer_id) WHERE end_user_customer_id IS NOT NULL;
CREATE INDEX installed_product_model_idx ON installed_product (product_model);
CREATE INDEX installed_product_extra_1_idx ON installed_product (extra_1) WHERE extra_1 IS NOT NULL;
CREATE INDEX installed_product_extra_2_idx ON installed_product (extra_2) WHERE extra_2 IS NOT NULL;
CREATE INDEX installed_product_extra_3_idx ON installed_product (extra_3) WHERE extra_3 IS NOT NULL;
CREATE INDEX installed_product_extra_4_idx ON installed_product (extra_4) WHERE extra_4 IS NOT NULL;
CREATE INDEX installed_product_extra_5_idx ON installed_product (extra_5) WHERE extra_5 IS NOT NULL;

-- Tickets point at the installed product they are about; existing tickets are linked when their serial is known.
ALTER TABLE ticket ADD COLUMN installed_product_id uuid REFERENCES installed_product (id);
CREATE INDEX ticket_installed_product_idx ON ticket (installed_product_id);

-- Idempotency-Key of creating POSTs other than tickets: the same key returns the same resource.
CREATE TABLE idempotent_creation (
    resource    text        NOT NULL,
    key         text        NOT NULL,
    resource_id uuid        NOT NULL,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (resource, key)
);
