-- Provider organisations. A provider must be registered with Ofsted or the CQC to receive placements.
CREATE TABLE provider (
    id                     uuid PRIMARY KEY,
    name                   text        NOT NULL,
    ofsted_urn             text UNIQUE,
    cqc_id                 text UNIQUE,
    companies_house_number text,
    postcode               text        NOT NULL,
    registered_at          timestamptz NOT NULL,
    registered_by          text        NOT NULL,
    version                bigint      NOT NULL DEFAULT 0
);

CREATE INDEX provider_by_name ON provider (lower(name), id);
