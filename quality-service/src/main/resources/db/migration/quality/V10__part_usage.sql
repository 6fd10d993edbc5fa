-- QLT-03: parts used vs unused for the weekly after-sales report, kept from parts' events (never its database):
-- PartsWrittenOff lines consumed under warranty or on paid work are used; PartsReturned (a loaned part the technician
-- did not use, back for inspection) is unused. One row per event line: a redelivery adds nothing.
CREATE TABLE part_usage (
    event_id    uuid        NOT NULL,
    line        integer     NOT NULL,
    ticket_id   uuid        NOT NULL,
    part_number text        NOT NULL,
    quantity    integer     NOT NULL,
    used        boolean     NOT NULL,
    occurred_at timestamptz NOT NULL,
    PRIMARY KEY (event_id, line)
);
CREATE INDEX part_usage_occurred_idx ON part_usage (occurred_at);
