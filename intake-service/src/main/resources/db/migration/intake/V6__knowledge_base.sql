-- INT-09 the knowledge base the desk searches while registering, and the record of remote resolutions.

-- Trigram similarity is the last fallback of the search (typos such as "compresor"). pg_trgm is a trusted
-- extension (PostgreSQL 13+): the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Scope: product_models lists the models the article is written for; when it is empty, product_line names the
-- line it applies to; when both are empty it applies to every model.
CREATE TABLE knowledge_article (
    id               uuid PRIMARY KEY,
    title            text        NOT NULL,
    symptom          text        NOT NULL,
    solution_steps   jsonb       NOT NULL,
    keywords         jsonb       NOT NULL DEFAULT '[]',
    product_models   jsonb       NOT NULL DEFAULT '[]',
    product_line     text,
    status           text        NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'RETIRED')),
    version          int         NOT NULL DEFAULT 0,
    usage_count      int         NOT NULL DEFAULT 0 CHECK (usage_count >= 0),
    last_used_at     timestamptz,
    source_ticket_id uuid REFERENCES ticket (id),
    created_at       timestamptz NOT NULL,
    created_by       text        NOT NULL,
    updated_at       timestamptz NOT NULL,
    updated_by       text        NOT NULL,
    -- Ranked full-text search: what the customer reports (title, symptom) weighs most, then the keywords
    -- and synonyms the authors add, then the words of the solution.
    search           tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', title), 'A') ||
        setweight(to_tsvector('english', symptom), 'A') ||
        setweight(jsonb_to_tsvector('english', keywords, '["string"]'), 'B') ||
        setweight(jsonb_to_tsvector('english', solution_steps, '["string"]'), 'C')) STORED
);
CREATE INDEX knowledge_article_search_idx ON knowledge_article USING gin (search);
CREATE INDEX knowledge_article_models_idx ON knowledge_article USING gin (product_models jsonb_path_ops);
CREATE INDEX knowledge_article_line_idx ON knowledge_article (product_line);

-- Idempotency-Key of POST /knowledge/articles.
CREATE TABLE knowledge_article_idempotency_key (
    key        text PRIMARY KEY,
    article_id uuid        NOT NULL REFERENCES knowledge_article (id) DEFERRABLE INITIALLY DEFERRED,
    created_at timestamptz NOT NULL
);

-- The solution that resolved a ticket on the phone (one per ticket: RESOLVED_REMOTELY is terminal).
CREATE TABLE ticket_remote_resolution (
    ticket_id           uuid PRIMARY KEY REFERENCES ticket (id),
    article_id          uuid REFERENCES knowledge_article (id),
    captured_article_id uuid REFERENCES knowledge_article (id),
    solution            text        NOT NULL,
    resolved_at         timestamptz NOT NULL,
    resolved_by         text        NOT NULL
);

-- No articles here: a production database starts empty (DOMAIN.md §11); the local stack loads its own articles
-- from deploy/local.
