-- INT-03: ticket numbers come from one sequence. The per-year counter row they came from was locked from a
-- registration's number to its commit, so every registration waited for the one before it (issue 18, P1: the
-- register transaction alone fell from 1,177 to 213 a second). nextval waits for no other transaction.
-- Numbers stay unique and sortable (T-<year>-<sequence>, the year of registration, the sequence never reused) but no
-- longer restart at 1 each year, and a registration that rolls back leaves a gap.
CREATE SEQUENCE ticket_number_seq AS bigint;
SELECT setval('ticket_number_seq', COALESCE((SELECT max(last) FROM ticket_number_counter), 0) + 1, false);
DROP TABLE ticket_number_counter;
