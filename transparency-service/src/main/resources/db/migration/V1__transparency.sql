-- transparency-service keeps only what it publishes, copied from events: organisations, the DPSs and lots, the
-- call-offs' contract terms and the payments. Nothing about a child is stored (no referral, needs, age, sex, postcode
-- district, funding split or panel reference), so nothing about a child can be published.

CREATE TABLE purchasing_system (
    dps_id      uuid PRIMARY KEY,
    reference   text NOT NULL,
    title       text NOT NULL,
    regime      text,                        -- PCR2015_DPS, LIGHT_TOUCH_PSEUDO_DPS, PA2023_DYNAMIC_MARKET; null until
                                             -- its established event is read (its lots may come first)
    councils    text[] NOT NULL,
    valid_from  date NOT NULL,
    valid_to    date NOT NULL,
    updated_at  timestamptz NOT NULL
);

CREATE TABLE lot (
    lot_id       uuid PRIMARY KEY,
    dps_id       uuid NOT NULL,
    dps_reference text,
    code         text NOT NULL,
    name         text NOT NULL,
    service_type text NOT NULL,
    open         boolean NOT NULL,
    councils     text[] NOT NULL,
    updated_at   timestamptz NOT NULL
);
CREATE INDEX lot_by_dps ON lot (dps_id);

CREATE TABLE provider (
    provider_id            uuid PRIMARY KEY,
    name                   text NOT NULL,
    ofsted_urn             text,
    companies_house_number text
);

-- When each referral's call-off was first issued: the date a Procurement Act tender notice is due. Internal only
-- (the referral id is the join key and is never published).
CREATE TABLE call_off (
    referral_id uuid PRIMARY KEY,
    lot_id      uuid NOT NULL,
    issued_at   timestamptz NOT NULL
);

-- A contract: a call-off award of a DPS lot (AWARD) or a spot purchase under an exemption (SPOT). The published
-- identifier is public_id, derived from the placement id, which itself never leaves.
CREATE TABLE contract (
    seq               bigint GENERATED ALWAYS AS IDENTITY UNIQUE,  -- publication order, the streaming cursor's key
    placement_id      uuid PRIMARY KEY,
    public_id         uuid NOT NULL UNIQUE,
    referral_id       uuid,                                         -- internal: to find the call-off, never published
    kind              text NOT NULL,
    council           text NOT NULL,
    lot_id            uuid,
    service_type      text NOT NULL,
    provider_id       uuid,
    provider_name     text,
    weekly_fee        numeric(12,2) NOT NULL,
    placement_pattern text,
    start_date        date NOT NULL,
    expected_end      date,
    value             numeric(14,2) NOT NULL,
    awarded_at        timestamptz NOT NULL,
    notice_reference  text,
    ended_on          date,
    updated_at        timestamptz NOT NULL
);
CREATE INDEX contract_by_lot ON contract (lot_id, seq);
CREATE INDEX contract_by_council ON contract (council, awarded_at);

CREATE TABLE payment (
    payment_id        uuid PRIMARY KEY,
    placement_id      uuid NOT NULL,
    provider_id       uuid NOT NULL,
    council           text NOT NULL,
    invoice_number    text NOT NULL,
    amount            numeric(14,2) NOT NULL,
    paid_on           date NOT NULL,
    payment_reference text,
    recorded_at       timestamptz NOT NULL
);
CREATE INDEX payment_by_placement ON payment (placement_id, paid_on);
CREATE INDEX payment_by_council ON payment (council, paid_on);

-- Procurement Act 2023 notices are derived from the DPSs and contracts (NoticeQueries); only where a commissioner
-- says one was published is stored, by the notice's id (derived from its kind and subject).
CREATE TABLE notice_publication (
    notice_id    uuid PRIMARY KEY,
    reference    text NOT NULL,
    published_on date NOT NULL,
    recorded_by  text NOT NULL,
    recorded_at  timestamptz NOT NULL
);
