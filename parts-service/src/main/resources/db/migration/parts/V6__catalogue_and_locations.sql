-- Issue 13, catalogue slice: the catalogue and the locations are managed through the API (STOREKEEPER).
-- A part is retired (active = false), never deleted (SEC-05); each edit bumps its version (If-Match) and records who.
ALTER TABLE part ADD COLUMN active boolean NOT NULL DEFAULT true;
ALTER TABLE part ADD COLUMN version int NOT NULL DEFAULT 0;
ALTER TABLE part ADD COLUMN updated_at timestamptz;
ALTER TABLE part ADD COLUMN updated_by text;

-- the product models a part fits (DOMAIN.md §5), searched by model
CREATE TABLE part_fitting_model (
    part_number   text NOT NULL REFERENCES part (part_number),
    product_model text NOT NULL,
    PRIMARY KEY (part_number, product_model)
);
CREATE INDEX part_fitting_model_model_idx ON part_fitting_model (product_model);

-- INT-08, SEC-03: every unit price the storekeeper set, with who and when (the creation's price has no old price).
-- Append-only: the database refuses to change or remove a row.
CREATE TABLE part_price_change (
    id          bigserial PRIMARY KEY,
    part_number text           NOT NULL REFERENCES part (part_number),
    old_price   numeric(12, 2),
    new_price   numeric(12, 2) NOT NULL CHECK (new_price >= 0),
    changed_by  text           NOT NULL,
    changed_at  timestamptz    NOT NULL
);
CREATE INDEX part_price_change_part_idx ON part_price_change (part_number, id);
CREATE TRIGGER part_price_change_is_append_only BEFORE UPDATE OR DELETE ON part_price_change
    FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change();
CREATE TRIGGER part_price_change_is_not_truncated BEFORE TRUNCATE ON part_price_change
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_ledger_change();

-- A location has a display name and a version (If-Match). A TRANSIT or QUARANTINE location belongs to one store
-- (TRANSIT-<store>, QUARANTINE-<store>, created on first use); a TECHNICIAN location's owner is the technician.
ALTER TABLE location ADD COLUMN name text;
ALTER TABLE location ADD COLUMN version int NOT NULL DEFAULT 0;
ALTER TABLE location ADD COLUMN store text REFERENCES location (code);
ALTER TABLE location ADD COLUMN created_at timestamptz;
ALTER TABLE location ADD COLUMN created_by text;
ALTER TABLE location ADD COLUMN updated_at timestamptz;
ALTER TABLE location ADD COLUMN updated_by text;
-- one central warehouse (DOMAIN.md §5); the database keeps two racing creations from both succeeding
CREATE UNIQUE INDEX location_one_central ON location (kind) WHERE kind = 'CENTRAL';
CREATE INDEX location_kind_idx ON location (kind, code);
