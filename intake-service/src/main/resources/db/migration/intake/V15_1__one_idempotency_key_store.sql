-- One Idempotency-Key store (the platform's IdempotencyKeys): the keys of POST /tickets and POST /knowledge/articles
-- move into idempotent_creation beside those of the other creating POSTs; a key claimed before keeps its resource.
INSERT INTO idempotent_creation (resource, key, resource_id, created_at)
SELECT 'ticket', key, ticket_id, created_at FROM idempotency_key
ON CONFLICT DO NOTHING;
INSERT INTO idempotent_creation (resource, key, resource_id, created_at)
SELECT 'knowledge-article', key, article_id, created_at FROM knowledge_article_idempotency_key
ON CONFLICT DO NOTHING;
DROP TABLE idempotency_key;
DROP TABLE knowledge_article_idempotency_key;
