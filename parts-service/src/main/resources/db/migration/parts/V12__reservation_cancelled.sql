-- PRT-01, PRT-03: the request of a work order that dispatch cancelled is cancelled too; its reserved stock is released.
ALTER TABLE reservation DROP CONSTRAINT reservation_status_check;
ALTER TABLE reservation ADD CONSTRAINT reservation_status_check
    CHECK (status IN ('AWAITING_APPROVAL', 'BACKORDERED', 'PARTLY_ISSUED', 'ISSUED', 'REJECTED', 'SUPERSEDED',
                      'CANCELLED'));
