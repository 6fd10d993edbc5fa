-- Issue 13 base. PRT-07: consumption is reported by the product model the part was fitted to (set on CONSUMED_*
-- movements). PRT-01, PRT-03: besides the central warehouse, the stores and each technician's holding, stock can be
-- in transit to a store (ALLOCATED, then received there) or in a store's quarantine (returned unused, awaiting
-- inspection). Adding a column to the ledger changes no movement.
ALTER TABLE movement ADD COLUMN product_model text;

ALTER TABLE location DROP CONSTRAINT location_kind_check;
ALTER TABLE location ADD CONSTRAINT location_kind_check
    CHECK (kind IN ('CENTRAL', 'STORE', 'TECHNICIAN', 'TRANSIT', 'QUARANTINE'));
