-- INT-20 / SEC-05: a customer edit updates contacts in place. A contact a ticket refers to (ticket.contact_id) is
-- never deleted: when the customer no longer lists it, it is retired (kept for the ticket, no longer one of the
-- customer's contacts, not found by phone). A contact no ticket refers to is removed.
ALTER TABLE customer_contact
    ADD COLUMN retired_at timestamptz,
    ADD COLUMN retired_by text;

-- the edit asks "does a ticket refer to this contact?"
CREATE INDEX ticket_contact_idx ON ticket (contact_id) WHERE contact_id IS NOT NULL;
