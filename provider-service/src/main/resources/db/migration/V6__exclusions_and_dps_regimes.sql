-- The legal regime of each DPS, from dps.purchasing-system.established.v1: admission of an excluded supplier is
-- refused only where the DPS is a Procurement Act 2023 dynamic market.
CREATE TABLE dps_regime (
    dps_id uuid PRIMARY KEY,
    regime text NOT NULL
);

-- A provider excluded under the Procurement Act 2023 (s.57 mandatory, s.58 discretionary), recorded by a partner
-- council's commissioner, for at most five years; ended_on is set when it is ended early.
CREATE TABLE provider_exclusion (
    id                   uuid PRIMARY KEY,
    provider_id          uuid        NOT NULL REFERENCES provider (id),
    ground               text        NOT NULL CHECK (ground IN ('MANDATORY', 'DISCRETIONARY')),
    section              text        NOT NULL,
    reason               text        NOT NULL,
    starts_on            date        NOT NULL,
    ends_on              date        NOT NULL,
    debarment_reference  text,
    recorded_by          text        NOT NULL,
    recorded_council     text        NOT NULL,
    recorded_at          timestamptz NOT NULL,
    ended_on             date,
    end_reason           text,
    ended_by             text,
    version              bigint      NOT NULL DEFAULT 0,
    CHECK (ends_on >= starts_on)
);

CREATE INDEX provider_exclusion_by_provider ON provider_exclusion (provider_id, starts_on);
