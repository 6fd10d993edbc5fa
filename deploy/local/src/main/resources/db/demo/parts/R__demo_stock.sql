-- Demonstration catalogue and stock for the local platform (DOMAIN.md §11: never in parts' schema migrations).
-- The stores are the home locations of dispatch's demo technicians: tech.north and tech.north2 → STORE-NORTH,
-- tech.south → STORE-SOUTH. Idempotent: rows already there are left alone; each stock row inserted here gets its
-- opening-balance ledger movement, so on hand stays the sum of the ledger (PRT-02).
INSERT INTO part (part_number, description, unit_price, serialised) VALUES
    ('CMP-100', 'Rotary compressor 3.2 kW', 1280.00, true),
    ('FLT-200', 'Air filter set',             45.00, false),
    ('PCB-300', 'Indoor unit control board',  390.00, true)
ON CONFLICT DO NOTHING;

INSERT INTO location (code, kind) VALUES ('CENTRAL', 'CENTRAL'), ('STORE-NORTH', 'STORE'), ('STORE-SOUTH', 'STORE')
ON CONFLICT DO NOTHING;

WITH opening (location, part_number, on_hand) AS (VALUES
    ('CENTRAL', 'CMP-100', 40), ('CENTRAL', 'FLT-200', 500), ('CENTRAL', 'PCB-300', 60),
    ('STORE-NORTH', 'CMP-100', 4), ('STORE-NORTH', 'FLT-200', 50), ('STORE-NORTH', 'PCB-300', 6),
    ('STORE-SOUTH', 'CMP-100', 4), ('STORE-SOUTH', 'FLT-200', 50), ('STORE-SOUTH', 'PCB-300', 6)),
inserted AS (
    INSERT INTO stock (location, part_number, on_hand)
    SELECT location, part_number, on_hand FROM opening
    ON CONFLICT DO NOTHING
    RETURNING location, part_number, on_hand)
INSERT INTO movement (at, part_number, from_location, to_location, quantity, reason, actor, reference)
SELECT now(), part_number, NULL, location, on_hand, 'RECEIVED', 'system:demo-data', 'demo opening stock'
  FROM inserted;

-- Issue 13: the demo locations' names, the models the demo parts fit, and stock plans for the service points (PRT-06).
UPDATE location SET name = CASE code WHEN 'CENTRAL' THEN 'Central warehouse'
                                     WHEN 'STORE-NORTH' THEN 'Service point north'
                                     WHEN 'STORE-SOUTH' THEN 'Service point south' END
 WHERE code IN ('CENTRAL', 'STORE-NORTH', 'STORE-SOUTH') AND name IS NULL;

INSERT INTO part_fitting_model (part_number, product_model) VALUES
    ('CMP-100', 'AC-3200'), ('CMP-100', 'KFR-35GW'),
    ('FLT-200', 'AC-3200'), ('FLT-200', 'KFR-35GW'),
    ('PCB-300', 'AC-3200'), ('PCB-300', 'KFR-35GW')
ON CONFLICT DO NOTHING;

INSERT INTO stock_plan (location, part_number, safety_stock, minimum, maximum, updated_at, updated_by) VALUES
    ('STORE-NORTH', 'CMP-100', 1, 2, 8, now(), 'system:demo-data'),
    ('STORE-NORTH', 'PCB-300', 1, 3, 10, now(), 'system:demo-data'),
    ('STORE-NORTH', 'FLT-200', 5, 10, 60, now(), 'system:demo-data'),
    ('STORE-SOUTH', 'CMP-100', 1, 2, 8, now(), 'system:demo-data'),
    ('STORE-SOUTH', 'PCB-300', 1, 3, 10, now(), 'system:demo-data'),
    ('STORE-SOUTH', 'FLT-200', 5, 10, 60, now(), 'system:demo-data')
ON CONFLICT DO NOTHING;
