-- PRT-07 reports read the ledger by time (history newest first, consumption and scrap by period), by location (either
-- end: a technician's holding, the history's location filter) and by part. Indexes change no movement.
CREATE INDEX movement_at_idx ON movement (at, id);
CREATE INDEX movement_reason_at_idx ON movement (reason, at);
CREATE INDEX movement_from_location_idx ON movement (from_location, at);
CREATE INDEX movement_to_location_idx ON movement (to_location, at);
CREATE INDEX movement_part_at_idx ON movement (part_number, at);
