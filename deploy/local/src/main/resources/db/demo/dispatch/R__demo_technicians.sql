-- Demo technicians for the local platform (DOMAIN.md §11: demonstration data is deploy/local's, never a service's
-- schema). Idempotent: a repeatable migration that inserts what is missing and changes nothing else.
INSERT INTO technician (login, name, product_lines, regions, home_store, daily_capacity) VALUES
    ('tech.north',  'Wang Fang', ARRAY['AIR_CONDITIONER', 'LAUNDRY'], ARRAY['NORTH'], 'STORE-NORTH', 6),
    ('tech.north2', 'Liu Yang',  ARRAY['AIR_CONDITIONER'],            ARRAY['NORTH'], 'STORE-NORTH', 4),
    ('tech.south',  'Chen Jie',  ARRAY['AIR_CONDITIONER', 'LAUNDRY'], ARRAY['SOUTH'], 'STORE-SOUTH', 6)
ON CONFLICT (login) DO NOTHING;

-- INT-22: each demo technician's default backup (a colleague of the same region where there is one); set only where
-- the supervisor has not chosen one yet.
UPDATE technician t SET default_backup = b.backup
  FROM (VALUES ('tech.north', 'tech.north2'), ('tech.north2', 'tech.north')) AS b (login, backup)
 WHERE t.login = b.login AND t.default_backup IS NULL;
