ALTER TABLE provider ADD COLUMN address text;
ALTER TABLE provider ADD COLUMN contacts jsonb NOT NULL DEFAULT '[]';

-- provider-service's own copy of the lots, from lot-service's events on dps.lots.
CREATE TABLE lot_view (
    lot_id         uuid PRIMARY KEY,
    dps_id         uuid      NOT NULL,
    dps_reference  text,
    code           text      NOT NULL,
    name           text      NOT NULL,
    service_type   text      NOT NULL,
    categories     varchar[] NOT NULL DEFAULT '{}',
    tiered         boolean   NOT NULL,
    open           boolean   NOT NULL,
    councils       varchar[] NOT NULL,
    dps_valid_from date      NOT NULL,
    dps_valid_to   date      NOT NULL
);

-- A provider's request to join a lot, and its decision.
CREATE TABLE application (
    id                      uuid PRIMARY KEY,
    provider_id             uuid        NOT NULL REFERENCES provider (id),
    lot_id                  uuid        NOT NULL REFERENCES lot_view (lot_id),
    categories              varchar[]   NOT NULL DEFAULT '{}',
    requested_tier          text,
    answers                 jsonb       NOT NULL DEFAULT '[]',
    evidence                jsonb       NOT NULL DEFAULT '[]',
    status                  text        NOT NULL,
    received_at             timestamptz NOT NULL,
    received_on             date        NOT NULL,  -- UK date of receipt: the clock starts the next working day
    due_on                  date        NOT NULL,
    extension_justification text,
    decided_at              timestamptz,
    decided_by              text,
    decision_reasons        text,
    version                 bigint      NOT NULL DEFAULT 0
);

-- the commissioner's queue: pending first by due date
CREATE INDEX application_queue ON application (status, due_on, id);
CREATE INDEX application_by_provider ON application (provider_id, received_at DESC);
-- at most one application in progress per provider and lot
CREATE UNIQUE INDEX application_one_pending ON application (provider_id, lot_id) WHERE status = 'PENDING';

-- Membership of a lot: created by admission, ended by withdrawal.
CREATE TABLE membership (
    provider_id      uuid        NOT NULL REFERENCES provider (id),
    lot_id           uuid        NOT NULL REFERENCES lot_view (lot_id),
    application_id   uuid        REFERENCES application (id),
    categories       varchar[]   NOT NULL DEFAULT '{}',
    tier             text,
    status           text        NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED')),
    admitted_at      timestamptz NOT NULL,
    suspended_reason text,
    version          bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (provider_id, lot_id)
);

CREATE INDEX membership_by_lot ON membership (lot_id, status);
