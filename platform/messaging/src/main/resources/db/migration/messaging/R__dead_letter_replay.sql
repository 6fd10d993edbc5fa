-- Issue 16: every replay of a dead letter (a .DLT record re-published to its topic by an operator) is audited here:
-- who, when, which record, why. Repeatable and idempotent (CREATE ... IF NOT EXISTS), so it never collides with a
-- service's own versioned migrations. Append-only: a trigger refuses UPDATE and DELETE.
CREATE TABLE IF NOT EXISTS dead_letter_replay (
    id                 uuid PRIMARY KEY,
    dead_letter_topic  text        NOT NULL,
    dead_letter_part   integer     NOT NULL,
    dead_letter_offset bigint      NOT NULL,
    topic              text        NOT NULL,
    topic_partition    integer     NOT NULL,
    event_id           text,
    event_type         text,
    consumer_group     text,
    replayed_by        text        NOT NULL,
    replayed_at        timestamptz NOT NULL,
    reason             text        NOT NULL
);
CREATE INDEX IF NOT EXISTS dead_letter_replay_record
    ON dead_letter_replay (dead_letter_topic, dead_letter_part, dead_letter_offset);

CREATE OR REPLACE FUNCTION dead_letter_replay_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'dead_letter_replay is append-only';
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS dead_letter_replay_append_only ON dead_letter_replay;
CREATE TRIGGER dead_letter_replay_append_only BEFORE UPDATE OR DELETE ON dead_letter_replay
    FOR EACH ROW EXECUTE FUNCTION dead_letter_replay_append_only();
