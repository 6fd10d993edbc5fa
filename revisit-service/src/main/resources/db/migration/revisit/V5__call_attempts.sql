-- REV-06: unanswered call attempts of a revisit; the allowed number on different days makes it UNREACHABLE
ALTER TABLE revisit ADD COLUMN attempts int NOT NULL DEFAULT 0 CHECK (attempts >= 0);
ALTER TABLE revisit ADD COLUMN last_attempt_at timestamptz;
