-- A provider organisation's documents (insurance, registration, policies): one current document per type;
-- recording a type again replaces it. The two flags make the expiry check announce each document once.
CREATE TABLE provider_document (
    id                 uuid PRIMARY KEY,
    provider_id        uuid        NOT NULL REFERENCES provider (id),
    type               text        NOT NULL,
    reference          text        NOT NULL,
    title              text,
    issued_on          date        NOT NULL,
    expires_on         date,
    review_on          date,
    recorded_at        timestamptz NOT NULL,
    recorded_by        text        NOT NULL,
    expiring_announced boolean     NOT NULL DEFAULT false,
    expired_announced  boolean     NOT NULL DEFAULT false,
    version            bigint      NOT NULL DEFAULT 0,
    UNIQUE (provider_id, type)
);

-- the scheduled check looks only at documents with an expiry not yet announced
CREATE INDEX provider_document_by_expiry ON provider_document (expires_on) WHERE expires_on IS NOT NULL;
