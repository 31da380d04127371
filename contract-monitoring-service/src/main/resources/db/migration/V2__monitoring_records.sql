-- Shared ER4 monitoring: the providers being monitored (from dps.providers and dps.placements), their risk
-- rating and its history, and the records partner councils keep about them. Every record names the council
-- and officer who recorded it; every partner council reads all of it.

-- One row per provider known from dps.providers (or first seen in a placement event): name, lot membership,
-- children placed now, and the current risk rating with the reasons for it.
CREATE TABLE monitored_provider (
    provider_id        uuid PRIMARY KEY,
    name               text,                                   -- null until dps.providers names the provider
    ofsted_urn         text,
    cqc_id             text,
    lot_ids            varchar[]   NOT NULL DEFAULT '{}',      -- lots the provider is a member of
    suspended_lot_ids  varchar[]   NOT NULL DEFAULT '{}',
    active_placements  integer     NOT NULL DEFAULT 0 CHECK (active_placements >= 0),
    risk_rating        text        NOT NULL DEFAULT 'GREEN' CHECK (risk_rating IN ('GREEN', 'AMBER', 'RED')),
    risk_rank          smallint    NOT NULL DEFAULT 1,         -- GREEN 1, AMBER 2, RED 3: orders the monitoring list
    risk_reasons       jsonb       NOT NULL DEFAULT '[]',
    rated_since        timestamptz NOT NULL,                   -- when the rating last changed
    assessed_at        timestamptz NOT NULL,                   -- when the rules last ran
    version            bigint      NOT NULL DEFAULT 0
);

-- the monitoring list: providers with children placed first, then the riskiest
CREATE INDEX monitored_provider_priority ON monitored_provider (active_placements DESC, risk_rank DESC, name, provider_id);
CREATE INDEX monitored_provider_by_rating ON monitored_provider (risk_rating, active_placements DESC, risk_rank DESC, name, provider_id);
CREATE INDEX monitored_provider_by_name ON monitored_provider (name, provider_id);

-- Every change of a provider's rating, with the reasons and what caused the re-assessment.
CREATE TABLE risk_rating_change (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    provider_id        uuid        NOT NULL REFERENCES monitored_provider (provider_id),
    from_rating        text,
    to_rating          text        NOT NULL,
    reasons            jsonb       NOT NULL,
    cause              text        NOT NULL,                   -- e.g. "Inspection recorded"
    changed_by         text        NOT NULL,                   -- officer, provider user or "system"
    changed_by_council text,
    changed_at         timestamptz NOT NULL
);

CREATE INDEX risk_rating_change_by_provider ON risk_rating_change (provider_id, id DESC);

-- Placements from dps.placements, only to count children placed with each provider. An ended placement stays
-- (inactive) so that a late or repeated award of it is not counted again.
CREATE TABLE provider_placement (
    placement_id uuid PRIMARY KEY,
    provider_id  uuid        NOT NULL,
    council      text,
    active       boolean     NOT NULL,
    started_on   date,
    ended_on     date,
    changed_at   timestamptz NOT NULL
);

CREATE INDEX provider_placement_active ON provider_placement (provider_id) WHERE active;

-- Inspections (V1): one outcome per setting, regulator and date; the current judgement is the latest per setting.
ALTER TABLE inspection ADD CONSTRAINT inspection_judgement
    CHECK (judgement IN ('OUTSTANDING', 'GOOD', 'REQUIRES_IMPROVEMENT_TO_BE_GOOD', 'INADEQUATE'));
CREATE UNIQUE INDEX inspection_once ON inspection (provider_id, setting_urn, regulator, inspected_on);
CREATE INDEX inspection_by_setting ON inspection (provider_id, setting_urn, inspected_on DESC, recorded_at DESC);
CREATE INDEX inspection_by_judgement ON inspection (judgement, inspected_on DESC, id);

-- Monitoring visits by partner councils' officers, with what they found.
CREATE TABLE monitoring_visit (
    id                uuid PRIMARY KEY,
    provider_id       uuid        NOT NULL REFERENCES monitored_provider (provider_id),
    setting_urn       text,
    visit_type        text        NOT NULL CHECK (visit_type IN ('ANNOUNCED', 'UNANNOUNCED')),
    visited_on        date        NOT NULL,
    findings          jsonb       NOT NULL,
    recording_council text        NOT NULL,
    recorded_by       text        NOT NULL,
    recorded_at       timestamptz NOT NULL
);

CREATE INDEX monitoring_visit_by_provider ON monitoring_visit (provider_id, visited_on DESC, id);
CREATE INDEX monitoring_visit_by_date ON monitoring_visit (visited_on DESC, id);

-- Quarterly KPI returns (financial-year quarters: 2018-Q3 is October to December 2018), one per provider and
-- quarter. Submitted by the provider itself or recorded for it by a monitoring officer.
CREATE TABLE kpi_return (
    id                           uuid PRIMARY KEY,
    provider_id                  uuid         NOT NULL REFERENCES monitored_provider (provider_id),
    quarter                      text         NOT NULL CHECK (quarter ~ '^[0-9]{4}-Q[1-4]$'),
    occupancy_percent            numeric(5, 2) NOT NULL CHECK (occupancy_percent BETWEEN 0 AND 100),
    staff_turnover_percent       numeric(6, 2) NOT NULL CHECK (staff_turnover_percent >= 0),
    incidents                    integer      NOT NULL CHECK (incidents >= 0),
    missing_episodes             integer      NOT NULL CHECK (missing_episodes >= 0),
    education_attendance_percent numeric(5, 2) NOT NULL CHECK (education_attendance_percent BETWEEN 0 AND 100),
    complaints                   integer      NOT NULL CHECK (complaints >= 0),
    submitted_by                 text         NOT NULL,
    submitting_council           text,                      -- null when the provider submitted it
    received_at                  timestamptz  NOT NULL,
    UNIQUE (provider_id, quarter)                           -- also serves "latest return of a provider"
);

CREATE INDEX kpi_return_by_quarter ON kpi_return (quarter DESC, provider_id);

-- Concerns raised by a partner council about a provider, open until resolved.
CREATE TABLE concern (
    id                uuid PRIMARY KEY,
    provider_id       uuid        NOT NULL REFERENCES monitored_provider (provider_id),
    setting_urn       text,
    visit_id          uuid REFERENCES monitoring_visit (id),
    severity          text        NOT NULL CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH', 'SERIOUS')),
    summary           text        NOT NULL,
    details           text,
    status            text        NOT NULL CHECK (status IN ('OPEN', 'RESOLVED')),
    raising_council   text        NOT NULL,
    raised_by         text        NOT NULL,
    raised_at         timestamptz NOT NULL,
    resolution        text,
    resolving_council text,
    resolved_by       text,
    resolved_at       timestamptz,
    version           bigint      NOT NULL DEFAULT 0
);

CREATE INDEX concern_by_provider ON concern (provider_id, status, raised_at DESC, id);
CREATE INDEX concern_by_status ON concern (status, raised_at DESC, id);
CREATE INDEX concern_by_date ON concern (raised_at DESC, id);

-- Improvement plans agreed with a provider, due by a date; overdue plans raise the risk rating.
CREATE TABLE improvement_plan (
    id                 uuid PRIMARY KEY,
    provider_id        uuid        NOT NULL REFERENCES monitored_provider (provider_id),
    concern_id         uuid REFERENCES concern (id),
    summary            text        NOT NULL,
    actions            jsonb       NOT NULL DEFAULT '[]',
    due_on             date        NOT NULL,
    status             text        NOT NULL CHECK (status IN ('ACTIVE', 'COMPLETED')),
    agreeing_council   text        NOT NULL,
    recorded_by        text        NOT NULL,
    recorded_at        timestamptz NOT NULL,
    completion_notes   text,
    completing_council text,
    completed_by       text,
    completed_at       timestamptz,
    version            bigint      NOT NULL DEFAULT 0
);

CREATE INDEX improvement_plan_by_provider ON improvement_plan (provider_id, status, due_on, id);
CREATE INDEX improvement_plan_by_due_date ON improvement_plan (due_on, id);
CREATE INDEX improvement_plan_by_status ON improvement_plan (status, due_on, id);
-- the hourly overdue check reads only plans still active and past their date
CREATE INDEX improvement_plan_active_due ON improvement_plan (due_on, provider_id) WHERE status = 'ACTIVE';
