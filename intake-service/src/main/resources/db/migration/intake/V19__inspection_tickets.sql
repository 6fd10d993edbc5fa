-- DSP-09: the ticket intake opened (channel INSPECTION) for each problem dispatch found on an inspection
-- (InspectionProblemFound); the primary key makes it one ticket per problem however often the event arrives (EVT-04).
CREATE TABLE inspection_ticket (
    problem_id           uuid PRIMARY KEY,
    inspection_id        uuid        NOT NULL,
    plan_id              uuid,
    maintenance_order_id uuid,
    ticket_id            uuid        NOT NULL REFERENCES ticket (id),
    opened_at            timestamptz NOT NULL
);
CREATE INDEX inspection_ticket_inspection_idx ON inspection_ticket (inspection_id);
