-- Lots (categories of the DPS), each with its own selection criteria.
CREATE TABLE lot (
    id                 uuid PRIMARY KEY,
    dps_id             uuid    NOT NULL REFERENCES dps (id),
    code               text    NOT NULL,
    name               text    NOT NULL,
    service_type       text    NOT NULL,
    placement_patterns text[]  NOT NULL DEFAULT '{}',
    categories         jsonb   NOT NULL DEFAULT '[]',
    selection_criteria jsonb   NOT NULL DEFAULT '[]',
    tiered             boolean NOT NULL DEFAULT false,
    open               boolean NOT NULL DEFAULT true,
    version            bigint  NOT NULL DEFAULT 0,
    UNIQUE (dps_id, code)
);

-- Which providers are members of each lot: a projection of provider-service's events on dps.providers.
CREATE TABLE lot_member (
    lot_id        uuid        NOT NULL REFERENCES lot (id),
    provider_id   uuid        NOT NULL,
    provider_name text        NOT NULL,
    categories    varchar[]   NOT NULL DEFAULT '{}', -- varchar: what Hibernate binds for array_contains
    tier          text,
    suspended     boolean     NOT NULL DEFAULT false,
    admitted_at   timestamptz NOT NULL,
    changed_at    timestamptz NOT NULL,
    PRIMARY KEY (lot_id, provider_id)
);

CREATE INDEX lot_member_by_provider ON lot_member (provider_id);
