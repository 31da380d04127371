-- Shipped by platform/runtime: who decided what, when and why, for every decision a service records.
CREATE TABLE audit_entry (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject_type  text        NOT NULL,   -- e.g. provider, application, lot
    subject_id    text        NOT NULL,
    action        text        NOT NULL,   -- e.g. ADMITTED, SUSPENDED
    actor         text        NOT NULL,   -- user or system client; "system" for automatic decisions
    actor_council text,
    at            timestamptz NOT NULL,
    reason        text,
    details       text                    -- JSON
);

CREATE INDEX audit_entry_by_subject ON audit_entry (subject_id, id);
