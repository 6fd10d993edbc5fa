-- PRT-06: the storekeeper's plan per part and location. Falling below minimum (available = on hand - reserved)
-- publishes StockBelowMinimum once per crossing: below_minimum is set at the crossing and cleared when available is
-- back at or above minimum. version counts the storekeeper's edits (If-Match), not the flag's changes.
CREATE TABLE stock_plan (
    location      text        NOT NULL REFERENCES location (code),
    part_number   text        NOT NULL REFERENCES part (part_number),
    safety_stock  int         NOT NULL,
    minimum       int         NOT NULL,
    maximum       int         NOT NULL,
    below_minimum boolean     NOT NULL DEFAULT false,
    version       int         NOT NULL DEFAULT 1,
    updated_at    timestamptz NOT NULL,
    updated_by    text        NOT NULL,
    PRIMARY KEY (location, part_number),
    CONSTRAINT stock_plan_order_check CHECK (0 <= safety_stock AND safety_stock <= minimum AND minimum <= maximum)
);
