-- Settings (homes, agency offices, schools) with their Statement of Purpose profile, from dps.providers: what an
-- invitation is matched against, where an offer's home is, and which owner group it belongs to.
CREATE TABLE setting_view (
    setting_id             uuid PRIMARY KEY,
    provider_id            uuid        NOT NULL,
    name                   text        NOT NULL,
    kind                   text        NOT NULL,
    ofsted_urn             text,
    dfe_number             text,
    postcode_district      text        NOT NULL,
    country                text        NOT NULL,
    registered_places      integer     NOT NULL,
    min_age                integer     NOT NULL,
    max_age                integer     NOT NULL,
    sexes                  varchar[]   NOT NULL DEFAULT '{}',
    needs                  varchar[]   NOT NULL DEFAULT '{}',
    emergency_admissions   boolean     NOT NULL,
    solo_placement         boolean     NOT NULL,
    owner_group_name       text,
    owner_group_number     text,
    for_profit             boolean     NOT NULL,
    active                 boolean     NOT NULL,
    changed_at             timestamptz NOT NULL
);

CREATE INDEX setting_by_provider ON setting_view (provider_id);
CREATE INDEX setting_by_owner_group ON setting_view (owner_group_number);

-- Live vacancies per setting, from dps.providers (withdrawn ones are kept with their status).
CREATE TABLE vacancy_view (
    vacancy_id      uuid PRIMARY KEY,
    setting_id      uuid        NOT NULL,
    provider_id     uuid        NOT NULL,
    places          integer     NOT NULL,
    available_from  date        NOT NULL,
    min_age         integer,
    max_age         integer,
    needs           varchar[],
    emergency       boolean     NOT NULL,
    status          text        NOT NULL,
    confirmed_at    timestamptz NOT NULL,
    changed_at      timestamptz NOT NULL
);

CREATE INDEX vacancy_open_by_provider ON vacancy_view (provider_id) WHERE status = 'OPEN';
CREATE INDEX vacancy_open_by_setting ON vacancy_view (setting_id) WHERE status = 'OPEN';

-- The setting an offer's child would live in: one of the offering provider's own settings.
ALTER TABLE response ADD COLUMN setting_id uuid;
