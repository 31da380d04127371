-- Ofsted (or CQC) inspection outcomes per registered setting, shared across the partner councils.
CREATE TABLE inspection (
    id                  uuid PRIMARY KEY,
    provider_id         uuid        NOT NULL,
    setting_urn         text        NOT NULL,
    regulator           text        NOT NULL CHECK (regulator IN ('OFSTED', 'CQC')),
    judgement           text        NOT NULL,
    inspected_on        date        NOT NULL,
    report_reference    text,
    recording_council   text        NOT NULL,
    recorded_by         text        NOT NULL,
    recorded_at         timestamptz NOT NULL
);

CREATE INDEX inspection_by_provider ON inspection (provider_id, inspected_on DESC, id);
CREATE INDEX inspection_by_date ON inspection (inspected_on DESC, id);
