-- The referral's minimal child profile (no names, no dates of birth) and its call-off.
ALTER TABLE referral
    ADD COLUMN age_band                text      NOT NULL DEFAULT '11-15',
    ADD COLUMN sex                     text,
    ADD COLUMN needs                   varchar[] NOT NULL DEFAULT '{}',
    ADD COLUMN postcode_district       text,
    ADD COLUMN siblings_to_place       integer   NOT NULL DEFAULT 0,
    ADD COLUMN emergency               boolean   NOT NULL DEFAULT false,
    ADD COLUMN wanted_start            date      NOT NULL DEFAULT CURRENT_DATE,
    ADD COLUMN expected_duration_weeks integer,
    ADD COLUMN placement_pattern       text      NOT NULL DEFAULT 'WEEKS_52',
    ADD COLUMN education_required      boolean   NOT NULL DEFAULT false,
    ADD COLUMN therapy_required        boolean   NOT NULL DEFAULT false,
    ADD COLUMN in_house_outcome        text,
    ADD COLUMN in_house_notes          text,
    ADD COLUMN in_house_checked_at     timestamptz,
    ADD COLUMN respond_by              timestamptz,
    ADD COLUMN called_off_at           timestamptz;

-- Lots as lot-service describes them on dps.lots.
CREATE TABLE lot_view (
    lot_id       uuid PRIMARY KEY,
    code         text      NOT NULL,
    name         text      NOT NULL,
    service_type text      NOT NULL,
    categories   varchar[] NOT NULL DEFAULT '{}',
    councils     varchar[] NOT NULL DEFAULT '{}',
    tiered       boolean   NOT NULL
);

-- Lot members as provider-service decides them on dps.providers: who a call-off invites.
CREATE TABLE lot_member (
    lot_id        uuid      NOT NULL,
    provider_id   uuid      NOT NULL,
    provider_name text      NOT NULL,
    categories    varchar[] NOT NULL DEFAULT '{}',
    tier          text,
    suspended     boolean   NOT NULL DEFAULT false,
    PRIMARY KEY (lot_id, provider_id)
);

-- The latest regulator judgement and risk rating per provider, from dps.quality: the evaluation gateway.
CREATE TABLE provider_quality (
    provider_id      uuid PRIMARY KEY,
    latest_judgement text,
    judged_on        date,
    risk_rating      text
);

-- Who was invited to each call-off.
CREATE TABLE invitation (
    referral_id  uuid        NOT NULL REFERENCES referral (id),
    provider_id  uuid        NOT NULL,
    provider_name text       NOT NULL,
    tier         text,
    invited_at   timestamptz NOT NULL,
    PRIMARY KEY (referral_id, provider_id)
);

-- An invited provider's answer: an offer (itemised weekly fee) or a decline (structured reason).
CREATE TABLE response (
    id                  uuid PRIMARY KEY,
    referral_id         uuid          NOT NULL REFERENCES referral (id),
    provider_id         uuid          NOT NULL,
    kind                text          NOT NULL CHECK (kind IN ('OFFER', 'DECLINE')),
    fee_core            numeric(12,2),
    fee_staffing        numeric(12,2),
    fee_education       numeric(12,2),
    fee_therapy         numeric(12,2),
    proposed_start      date,
    home_reference      text,
    needs_met           varchar[]     NOT NULL DEFAULT '{}',
    decline_reason      text,
    detail              text,
    submitted_at        timestamptz   NOT NULL,
    UNIQUE (referral_id, provider_id)
);

-- Exemptions to buy off the DPS, with a reason, a contract basis and an expiry.
CREATE TABLE exemption (
    id               uuid PRIMARY KEY,
    council          text        NOT NULL,
    service_type     text        NOT NULL,
    reason           text        NOT NULL,
    contract_basis   text        NOT NULL,
    valid_until      date        NOT NULL,
    expiry_announced boolean     NOT NULL DEFAULT false,
    created_by       text        NOT NULL,
    created_at       timestamptz NOT NULL
);

CREATE INDEX exemption_by_expiry ON exemption (expiry_announced, valid_until);
CREATE INDEX exemption_by_council ON exemption (council, valid_until);

-- A placement: awarded from a call-off (an individual placement agreement) or spot purchased.
CREATE TABLE placement (
    id                       uuid PRIMARY KEY,
    council                  text          NOT NULL,
    basis                    text          NOT NULL CHECK (basis IN ('CALL_OFF', 'SPOT_PURCHASE')),
    referral_id              uuid          REFERENCES referral (id),
    offer_id                 uuid          REFERENCES response (id),
    exemption_id             uuid          REFERENCES exemption (id),
    lot_id                   uuid,
    service_type             text          NOT NULL,
    provider_id              uuid,
    provider_name            text          NOT NULL,
    fee_core                 numeric(12,2) NOT NULL,
    fee_staffing             numeric(12,2) NOT NULL,
    fee_education            numeric(12,2) NOT NULL,
    fee_therapy              numeric(12,2) NOT NULL,
    placement_pattern        text          NOT NULL,
    funding_shares           jsonb         NOT NULL,
    planned_start            date          NOT NULL,
    expected_end             date,
    start_date               date,
    end_date                 date,
    end_type                 text,
    end_reason               text,
    panel_approval_reference text,
    parental_preference      boolean       NOT NULL DEFAULT false,
    status                   text          NOT NULL,
    awarded_at               timestamptz   NOT NULL,
    awarded_by               text          NOT NULL,
    version                  bigint        NOT NULL DEFAULT 0
);

CREATE UNIQUE INDEX placement_one_per_referral ON placement (referral_id) WHERE referral_id IS NOT NULL;
CREATE INDEX placement_by_council ON placement (council, status, awarded_at DESC);

-- Fee changes with their effective dates.
CREATE TABLE fee_change (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    placement_id   uuid          NOT NULL REFERENCES placement (id),
    effective_from date          NOT NULL,
    fee_core       numeric(12,2) NOT NULL,
    fee_staffing   numeric(12,2) NOT NULL,
    fee_education  numeric(12,2) NOT NULL,
    fee_therapy    numeric(12,2) NOT NULL,
    reason         text          NOT NULL,
    changed_by     text          NOT NULL,
    changed_at     timestamptz   NOT NULL
);

CREATE INDEX fee_change_by_placement ON fee_change (placement_id, effective_from);
