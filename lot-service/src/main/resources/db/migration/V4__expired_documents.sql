-- Providers' mandatory documents that have expired and not been replaced: a projection of dps.providers
-- (document-expired adds a row, a valid replacement in document-recorded removes it), shown on the members list.
CREATE TABLE provider_expired_document (
    provider_id   uuid NOT NULL,
    document_type text NOT NULL,
    document_id   uuid NOT NULL,
    expires_on    date NOT NULL,
    PRIMARY KEY (provider_id, document_type)
);
