-- An award that needs the County Resourcing Panel becomes a panel request; the panel approves it (the placement
-- is made as the award would have made it) or refuses it (the referral stays open). Every request is kept.
CREATE TABLE panel_request (
    id                  uuid PRIMARY KEY,
    referral_id         uuid          NOT NULL REFERENCES referral (id),
    council             text          NOT NULL,
    offer_id            uuid          NOT NULL,
    provider_id         uuid          NOT NULL,
    fee_core            numeric(12,2) NOT NULL,
    fee_staffing        numeric(12,2) NOT NULL,
    fee_education       numeric(12,2) NOT NULL,
    fee_therapy         numeric(12,2) NOT NULL,
    reasons             jsonb         NOT NULL,
    -- the award as the officer asked for it, made as asked when approved
    funding_shares      jsonb         NOT NULL,
    planned_start       date,
    expected_end        date,
    placement_type      text,
    placement_provider  text,
    justification       text,
    preference_school   text,
    preference_basis    text CHECK (preference_basis IN ('EHCP_NAMED_SCHOOL', 'PARENTAL_REQUEST', 'TRIBUNAL_ORDER')),
    status              text          NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REFUSED')),
    requested_by        text          NOT NULL,
    requested_at        timestamptz   NOT NULL,
    decision_reasons    text,
    decided_by          text,
    decided_at          timestamptz,
    placement_id        uuid REFERENCES placement (id),
    version             bigint        NOT NULL DEFAULT 0
);

-- The panel's queue (oldest pending first) and one referral's history of requests.
CREATE INDEX panel_request_by_council ON panel_request (council, status, requested_at, id);
CREATE INDEX panel_request_by_referral ON panel_request (referral_id, requested_at);

-- At most one request awaits the panel per referral.
CREATE UNIQUE INDEX panel_request_one_pending ON panel_request (referral_id) WHERE status = 'PENDING';

-- Why an offer other than the first-ranked was awarded; the parental preference as what it is.
ALTER TABLE placement ADD COLUMN justification text;
ALTER TABLE placement ADD COLUMN preference_school text;
ALTER TABLE placement ADD COLUMN preference_basis text
    CHECK (preference_basis IN ('EHCP_NAMED_SCHOOL', 'PARENTAL_REQUEST', 'TRIBUNAL_ORDER'));
