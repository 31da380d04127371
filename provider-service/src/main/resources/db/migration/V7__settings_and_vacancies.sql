-- The settings a provider organisation runs (children's homes, fostering agency offices, schools, supported
-- accommodation), each with its Statement of Purpose profile. The full postcode stays here; events carry the district.
CREATE TABLE setting (
    id                        uuid PRIMARY KEY,
    provider_id               uuid        NOT NULL REFERENCES provider (id),
    name                      text        NOT NULL,
    kind                      text        NOT NULL,
    ofsted_urn                text UNIQUE,
    dfe_number                text UNIQUE,
    postcode                  text        NOT NULL,
    postcode_district         text        NOT NULL,
    country                   text        NOT NULL,
    registered_places         integer     NOT NULL CHECK (registered_places BETWEEN 1 AND 100),
    min_age                   integer     NOT NULL,
    max_age                   integer     NOT NULL,
    sexes                     text[]      NOT NULL,
    needs                     text[]      NOT NULL,
    emergency_admissions      boolean     NOT NULL,
    solo_placement            boolean     NOT NULL,
    statement_of_purpose_date date,
    owner_group_name          text,
    owner_group_number        text,
    for_profit                boolean     NOT NULL,
    active                    boolean     NOT NULL,
    registered_at             timestamptz NOT NULL,
    changed_at                timestamptz NOT NULL,
    version                   bigint      NOT NULL DEFAULT 0,
    CHECK (min_age <= max_age)
);

CREATE INDEX setting_by_provider ON setting (provider_id, lower(name), id);

-- The latest regulator judgement of each setting, by its URN, from dps.quality inspection-recorded events (an
-- inspection may arrive before the setting is registered here, so it is kept by URN, not by setting id).
CREATE TABLE setting_judgement (
    setting_urn      text PRIMARY KEY,
    provider_id      uuid        NOT NULL,
    inspection_id    uuid        NOT NULL,
    regulator        text        NOT NULL,
    judgement        text        NOT NULL,
    inspected_on     date        NOT NULL,
    report_reference text,
    recorded_at      timestamptz NOT NULL
);

-- Live vacancies declared at a setting; a vacancy not confirmed for a while is shown as stale (computed when read).
CREATE TABLE vacancy (
    id               uuid PRIMARY KEY,
    setting_id       uuid        NOT NULL REFERENCES setting (id),
    provider_id      uuid        NOT NULL REFERENCES provider (id),
    places           integer     NOT NULL CHECK (places >= 1),
    available_from   date        NOT NULL,
    min_age          integer,
    max_age          integer,
    needs            text[],
    emergency        boolean     NOT NULL,
    status           text        NOT NULL CHECK (status IN ('OPEN', 'WITHDRAWN')),
    withdrawn_reason text CHECK (withdrawn_reason IN ('FILLED', 'NO_LONGER_AVAILABLE', 'OTHER')),
    declared_at      timestamptz NOT NULL,
    confirmed_at     timestamptz NOT NULL,
    changed_at       timestamptz NOT NULL,
    version          bigint      NOT NULL DEFAULT 0
);

CREATE INDEX vacancy_open_by_setting ON vacancy (setting_id) WHERE status = 'OPEN';
CREATE INDEX vacancy_by_provider ON vacancy (provider_id, declared_at);
