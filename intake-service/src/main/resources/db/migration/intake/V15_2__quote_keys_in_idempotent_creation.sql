-- Quotes take their Idempotency-Key through the platform's one store (idempotent_creation, resource 'quote'):
-- the keys claimed so far move there, and quote's own key table goes.
INSERT INTO idempotent_creation (resource, key, resource_id, created_at)
SELECT 'quote', key, quote_id, created_at FROM quote_idempotency_key
ON CONFLICT DO NOTHING;
DROP TABLE quote_idempotency_key;
