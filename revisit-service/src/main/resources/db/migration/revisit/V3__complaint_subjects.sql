-- INT-12: the persons a complaint is about, copied from intake's events; they never call the customer back.
CREATE TABLE complaint_subject (
    ticket_id uuid NOT NULL,
    person    text NOT NULL,
    PRIMARY KEY (ticket_id, person)
);
