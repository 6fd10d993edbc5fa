-- Demo catalogue and stock for the local platform.
INSERT INTO part (part_number, description, unit_price, serialised) VALUES
    ('CMP-100', 'Rotary compressor 3.2 kW', 1280.00, true),
    ('FLT-200', 'Air filter set',             45.00, false),
    ('PCB-300', 'Indoor unit control board',  390.00, true);

INSERT INTO location (code, kind) VALUES ('CENTRAL', 'CENTRAL'), ('STORE-NORTH', 'STORE'), ('STORE-SOUTH', 'STORE');

INSERT INTO stock (location, part_number, on_hand) VALUES
    ('CENTRAL', 'CMP-100', 40), ('CENTRAL', 'FLT-200', 500), ('CENTRAL', 'PCB-300', 60),
    ('STORE-NORTH', 'CMP-100', 4), ('STORE-NORTH', 'FLT-200', 50), ('STORE-NORTH', 'PCB-300', 6),
    ('STORE-SOUTH', 'CMP-100', 4), ('STORE-SOUTH', 'FLT-200', 50), ('STORE-SOUTH', 'PCB-300', 6);
