-- A provider lists its own placements, newest first, optionally by status.
CREATE INDEX placement_by_provider ON placement (provider_id, status, awarded_at DESC) WHERE provider_id IS NOT NULL;

-- A provider asks the placement's council to change the weekly fee from a date; the council accepts or refuses.
CREATE TABLE fee_change_request (
    id              uuid PRIMARY KEY,
    placement_id    uuid          NOT NULL REFERENCES placement (id),
    council         text          NOT NULL,
    provider_id     uuid          NOT NULL,
    effective_from  date          NOT NULL,
    fee_core        numeric(12,2) NOT NULL,
    fee_staffing    numeric(12,2) NOT NULL,
    fee_education   numeric(12,2) NOT NULL,
    fee_therapy     numeric(12,2) NOT NULL,
    reason          text          NOT NULL,
    status          text          NOT NULL CHECK (status IN ('PENDING', 'ACCEPTED', 'REFUSED')),
    requested_by    text          NOT NULL,
    requested_at    timestamptz   NOT NULL,
    decision_reason text,
    decided_by      text,
    decided_at      timestamptz,
    version         bigint        NOT NULL DEFAULT 0
);

-- The council's queue and the provider's own list, newest first, optionally by status.
CREATE INDEX fee_change_request_by_council ON fee_change_request (council, status, requested_at DESC);
CREATE INDEX fee_change_request_by_provider ON fee_change_request (provider_id, status, requested_at DESC);
CREATE INDEX fee_change_request_by_placement ON fee_change_request (placement_id, requested_at DESC);

-- A fee change made by accepting a provider's request names that request.
ALTER TABLE fee_change ADD COLUMN request_id uuid REFERENCES fee_change_request (id);
