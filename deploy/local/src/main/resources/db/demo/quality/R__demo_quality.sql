-- Demonstration quality data for the local platform (DOMAIN.md §11: never in quality's schema migrations).
-- QLT-09: the demo parts bought in from suppliers, so a failure caused by one raises a supplier claim.
-- QLT-07: the washing machine WM-800 was launched a month before the database was created, so it starts under the
-- new-product watch. Idempotent: rows already there are left alone.
INSERT INTO purchased_component (part_number, supplier, supplier_part_number, description, updated_by, updated_at,
                                 version) VALUES
    ('CMP-100', 'Huangshi Compressor Co.', 'HC-32R', 'Rotary compressor 3.2 kW', 'demo-data', now(), 1),
    ('PCB-300', 'Shenzhen Board Works', 'SBW-IU-300', 'Indoor unit control board', 'demo-data', now(), 1)
ON CONFLICT DO NOTHING;

INSERT INTO product_launch (product_model, launched_on, recorded_by, recorded_at, version) VALUES
    ('WM-800', CURRENT_DATE - 30, 'demo-data', now(), 1)
ON CONFLICT DO NOTHING;
