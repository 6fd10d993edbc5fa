-- INT-06: a ticket's warranty_end is the last day covered (a fault reported that day is still FREE_REPAIR).
-- Tickets stored before this migration hold the first day no longer covered: move them back one day.
UPDATE ticket SET warranty_end = warranty_end - 1 WHERE warranty_end IS NOT NULL;
