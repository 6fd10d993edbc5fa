-- DSP-02, DSP-09, RPT-02: what TicketAccepted now tells about the ticket: its kind (a complaint's order waits for the
-- service slip's approvals), intake's customer and installed product (maintenance plans, inspection tickets), and who
-- the technician meets where (the dispatch slip; never a phone). Personal data: never logged (SEC-04). Null for older orders.
ALTER TABLE work_order
    ADD COLUMN kind                 text,
    ADD COLUMN customer_id          uuid,
    ADD COLUMN installed_product_id uuid,
    ADD COLUMN customer_name        text,
    ADD COLUMN contact_name         text,
    ADD COLUMN site_address         text;
