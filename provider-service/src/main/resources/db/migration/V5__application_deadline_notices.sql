-- Each deadline announcement made for an application (dps.provider.application-due-soon.v1 and -overdue.v1). The
-- primary key makes it once per application, kind and due date however often the check runs and on however many
-- instances: the row is inserted in the same transaction as the outbox row. An extension's new due date is
-- announced afresh.
CREATE TABLE application_deadline_notice (
    application_id uuid        NOT NULL REFERENCES application (id),
    kind           text        NOT NULL CHECK (kind IN ('DUE_SOON', 'OVERDUE')),
    due_on         date        NOT NULL,
    announced_at   timestamptz NOT NULL,
    PRIMARY KEY (application_id, kind, due_on)
);
