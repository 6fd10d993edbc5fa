-- PRT-03: the production inspection record quality keeps with the installed product (batch, inspection date,
-- inspector and the components fitted at the factory with their serial numbers and factory dates), as one jsonb value
-- on the product: it is always read and replaced whole, and travels whole in InstalledProductRecorded.
ALTER TABLE installed_product ADD COLUMN production_record jsonb;

-- INT-24 PRT-03: InstalledProductRecorded carries the product's version and its schema counts from 1, so a new product
-- is version 1 (rows stored before keep theirs; their next change publishes them with version >= 1).
ALTER TABLE installed_product ALTER COLUMN version SET DEFAULT 1;

-- SEC-03: every version of every installed product, who made it and when, with what was published for it
-- (InstalledProductRecorded's payload: no phone, no address, SEC-04). Never changed or deleted.
CREATE TABLE installed_product_history (
    installed_product_id uuid        NOT NULL REFERENCES installed_product (id),
    version              int         NOT NULL,
    change               text        NOT NULL CHECK (change IN ('CREATED', 'EDITED', 'PRODUCTION_RECORDED')),
    snapshot             jsonb       NOT NULL,
    actor                text        NOT NULL,
    at                   timestamptz NOT NULL,
    PRIMARY KEY (installed_product_id, version)
);
CREATE TRIGGER installed_product_history_is_append_only BEFORE UPDATE OR DELETE ON installed_product_history
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
