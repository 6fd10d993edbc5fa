-- The complaint process (INT-10, INT-11, INT-12, INT-15, INT-19, INT-21, INT-22): one complaint per ticket.
CREATE TABLE complaint (
    id                     uuid PRIMARY KEY,
    ticket_id              uuid        NOT NULL UNIQUE REFERENCES ticket (id),
    state                  text        NOT NULL,
    major                  boolean     NOT NULL DEFAULT false,
    subjects               text[]      NOT NULL DEFAULT '{}',
    escalation_level       int         NOT NULL DEFAULT 0,
    reopen_count           int         NOT NULL DEFAULT 0,
    customer_unreachable   boolean     NOT NULL DEFAULT false,
    rejection_explanation  text,
    responsible_department text,
    responsible_person     text,
    remedy                 text,
    opinion                text,
    review_outcome         text,
    approved_by            text,
    approved_at            timestamptz,
    on_site_visit_by       text,
    on_site_visit_at       timestamptz,
    on_site_visit_note     text,
    executed_by            text,
    executed_at            timestamptz,
    execution_note         text,
    form_returned_by       text,
    form_returned_at       timestamptz,
    version                int         NOT NULL DEFAULT 0,
    created_at             timestamptz NOT NULL,
    created_by             text        NOT NULL,
    updated_at             timestamptz NOT NULL
);
CREATE INDEX complaint_state_idx ON complaint (state, updated_at);

-- INT-22: main and backup person of each step of each complaint (defaulted from the duty roster).
CREATE TABLE complaint_assignment (
    complaint_id  uuid        NOT NULL REFERENCES complaint (id),
    step          text        NOT NULL,
    main_person   text,
    backup_person text,
    assigned_by   text        NOT NULL,
    assigned_at   timestamptz NOT NULL,
    PRIMARY KEY (complaint_id, step)
);

-- INT-21: the penalty decided against a responsible person, and whether their department has assessed it.
CREATE TABLE complaint_penalty (
    id                  bigserial PRIMARY KEY,
    complaint_id        uuid          NOT NULL REFERENCES complaint (id),
    person              text          NOT NULL,
    kind                text          NOT NULL,
    amount              numeric(12, 2),
    note                text,
    department_assessed boolean       NOT NULL,
    decided_by          text          NOT NULL,
    decided_at          timestamptz   NOT NULL
);
CREATE INDEX complaint_penalty_person_idx ON complaint_penalty (person, decided_at);
CREATE INDEX complaint_penalty_decided_idx ON complaint_penalty (decided_at);

-- INT-22: the standing main and backup per step, and who is away when.
CREATE TABLE duty_roster (
    step          text PRIMARY KEY,
    main_person   text,
    backup_person text,
    updated_by    text        NOT NULL,
    updated_at    timestamptz NOT NULL
);
CREATE TABLE person_absence (
    id          uuid PRIMARY KEY,
    person      text        NOT NULL,
    from_day    date        NOT NULL,
    to_day      date        NOT NULL CHECK (to_day >= from_day),
    reason      text,
    recorded_by text        NOT NULL,
    recorded_at timestamptz NOT NULL,
    ended_at    timestamptz,
    ended_by    text
);
CREATE INDEX person_absence_person_idx ON person_absence (person, from_day, to_day);
