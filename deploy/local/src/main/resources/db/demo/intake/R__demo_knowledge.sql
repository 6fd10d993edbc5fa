-- DEMO DATA of the local platform only (DOMAIN.md §11: never in a service's schema migrations). deploy/local adds
-- classpath:db/demo/intake to intake's Flyway locations; this repeatable migration runs after the schema and is
-- idempotent (ON CONFLICT DO NOTHING), so it may run again whenever it changes. Three published AC-3200 articles
-- (created_by 'demo-seed', keyword 'demo') so a fresh local install has something to search (INT-09).
INSERT INTO knowledge_article (id, title, symptom, solution_steps, keywords, product_models, product_line, status,
                               created_at, created_by, updated_at, updated_by)
VALUES
    ('00000000-0000-4000-8000-00000000a001', 'AC-3200 does not cool: air filter clogged',
     'Unit runs and the fan blows, but the air is not cold; weak airflow.',
     '["Ask the customer to switch the unit off at the remote.", "Open the front panel and pull out the two air filters.", "Rinse the filters with lukewarm water, let them dry, refit them.", "Switch on in COOL mode at 24 degrees and wait ten minutes."]',
     '["demo", "filter", "airflow", "not cold", "aircon"]', '["AC-3200"]', 'AIR_CONDITIONER', 'PUBLISHED',
     now(), 'demo-seed', now(), 'demo-seed'),
    ('00000000-0000-4000-8000-00000000a002', 'Remote control does not respond',
     'Unit does not react to the remote control; display stays dark when buttons are pressed.',
     '["Replace both AAA batteries of the remote.", "Point the remote at the receiver on the right of the display from less than 5 m.", "If still dead, switch the unit off at the mains for one minute and on again."]',
     '["demo", "remote", "controller", "batteries"]', '[]', 'AIR_CONDITIONER', 'PUBLISHED',
     now(), 'demo-seed', now(), 'demo-seed'),
    ('00000000-0000-4000-8000-00000000a003', 'Water dripping from the indoor unit',
     'Water leaks from the bottom of the indoor unit while cooling.',
     '["Check the indoor unit hangs level (spirit level on top).", "Check the drain hose outside is not kinked or blocked; clear it.", "If water still drips after 30 minutes, register the ticket for a visit."]',
     '["demo", "leak", "drain", "condensate"]', '["AC-3200", "AC-3500"]', 'AIR_CONDITIONER', 'PUBLISHED',
     now(), 'demo-seed', now(), 'demo-seed')
ON CONFLICT (id) DO NOTHING;
