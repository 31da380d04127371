-- Budget lines may be scoped to one lot or one contract (never both); one line per scope.
ALTER TABLE budget_line
    ADD COLUMN lot_id      uuid,
    ADD COLUMN contract_id uuid,
    ADD CONSTRAINT budget_line_one_scope CHECK (lot_id IS NULL OR contract_id IS NULL);

CREATE UNIQUE INDEX budget_line_unique_scope ON budget_line (council, financial_year, funding_stream,
    coalesce(lot_id, '00000000-0000-0000-0000-000000000000'), coalesce(contract_id, '00000000-0000-0000-0000-000000000000'));

-- A contract envelope: a value ceiling over a period for placements in one lot with named providers.
CREATE TABLE contract (
    id           uuid PRIMARY KEY,
    council      text        NOT NULL,
    name         text        NOT NULL,
    lot_id       uuid        NOT NULL,
    provider_ids uuid[]      NOT NULL,
    start_date   date        NOT NULL,
    end_date     date        NOT NULL,
    value_pence  bigint      NOT NULL CHECK (value_pence >= 0),
    created_at   timestamptz NOT NULL,
    created_by   text        NOT NULL,
    version      bigint      NOT NULL DEFAULT 0,
    CHECK (end_date >= start_date)
);

CREATE INDEX contract_by_council ON contract (council, start_date DESC, id);
-- placement events find the contracts of their lot
CREATE INDEX contract_by_lot ON contract (council, lot_id);

-- What spend knows of each placement, from dps.placements: enough to recompute its figures from scratch.
CREATE TABLE tracked_placement (
    id                uuid PRIMARY KEY,
    council           text        NOT NULL,
    lot_id            uuid,
    lot_key           uuid        NOT NULL,  -- lot_id, or a key per service type for spot purchases without a lot
    provider_id       uuid,
    provider_key      uuid        NOT NULL,  -- provider_id, or a key from the name for unregistered providers
    service_type      text        NOT NULL,
    pattern           text        NOT NULL CHECK (pattern IN ('DAY', 'WEEKS_38', 'WEEKS_52')),
    off_contract      boolean     NOT NULL,  -- a spot purchase under an exemption, not a DPS call-off
    planned_start     date        NOT NULL,
    start_date        date,
    end_date          date,
    expected_end      date,
    weekly_fee_pence  bigint      NOT NULL,
    fee_changes       jsonb       NOT NULL DEFAULT '{}',  -- {"2019-01-07": 260000}: weekly pence from that day
    funding_shares    jsonb       NOT NULL,               -- {"HIGH_NEEDS_BLOCK": 6000}: basis points, sum 10000
    horizon_year      integer     NOT NULL,  -- the last financial year its figures are kept for
    updated_at        timestamptz NOT NULL,
    version           bigint      NOT NULL DEFAULT 0
);

-- the roll-forward looks for open-ended placements whose figures stop before next year, a key at a time
CREATE INDEX tracked_placement_open_by_horizon ON tracked_placement (horizon_year, council, lot_key, provider_key, id)
    WHERE end_date IS NULL;
-- a rebuild reads placements a key at a time, so each batch writes few keys
CREATE INDEX tracked_placement_by_key ON tracked_placement (council, lot_key, provider_key, id);

-- The ledger: for every key and every day of the financial year, what the key's placements cost from 1 April to
-- that day inclusive (pence). Committed = the value on 31 March; spent to date = the value today. Kept
-- incrementally: an event adds the difference between a placement's new and old figures, so a position is a
-- handful of index lookups however many placements there are.
CREATE TABLE cumulative_charge (
    council          text    NOT NULL,
    financial_year   integer NOT NULL,
    funding_stream   text    NOT NULL,
    day              date    NOT NULL,
    lot_key          uuid    NOT NULL,
    provider_key     uuid    NOT NULL,
    off_contract     boolean NOT NULL,
    cumulative_pence bigint  NOT NULL,
    PRIMARY KEY (council, financial_year, funding_stream, day, lot_key, provider_key, off_contract)
) WITH (fillfactor = 80);  -- room on each page for in-place (HOT) updates: the totals change, the keys never

-- contracts: one lot, some providers, any day range across years
CREATE INDEX cumulative_charge_by_lot_provider ON cumulative_charge (council, lot_key, provider_key, day);

-- Per lot and year: what its placements commit and for how many chargeable weeks (1/910 week units), for the
-- average weekly price; and how many placements cost something in the year.
CREATE TABLE lot_year_total (
    council         text    NOT NULL,
    financial_year  integer NOT NULL,
    lot_key         uuid    NOT NULL,
    off_contract    boolean NOT NULL,
    committed_pence bigint  NOT NULL,
    week_units      bigint  NOT NULL,
    placements      integer NOT NULL,
    PRIMARY KEY (council, financial_year, lot_key, off_contract)
);

-- Labels for the report: what a lot key is, and a provider's name where an event gave one.
CREATE TABLE lot_label (
    lot_key      uuid PRIMARY KEY,
    lot_id       uuid,
    service_type text NOT NULL
);

CREATE TABLE provider_label (
    provider_key uuid PRIMARY KEY,
    provider_id  uuid,
    name         text
);

-- A threshold a budget's forecast or a contract's commitment went over. Active until it falls back below;
-- the partial unique index makes "once per crossing" hold even if two writers race.
CREATE TABLE threshold_alert (
    id                uuid PRIMARY KEY,
    council           text        NOT NULL,
    subject_type      text        NOT NULL CHECK (subject_type IN ('BUDGET', 'CONTRACT')),
    subject_id        uuid        NOT NULL,
    name              text        NOT NULL,
    financial_year    integer     NOT NULL,
    threshold_percent integer     NOT NULL,
    amount_pence      bigint      NOT NULL,
    limit_pence       bigint      NOT NULL,
    crossed_at        timestamptz NOT NULL,
    cleared_at        timestamptz
);

CREATE UNIQUE INDEX threshold_alert_once_while_active ON threshold_alert (subject_type, subject_id, threshold_percent)
    WHERE cleared_at IS NULL;
CREATE INDEX threshold_alert_by_council ON threshold_alert (council, crossed_at DESC, id);
CREATE INDEX threshold_alert_active_by_council ON threshold_alert (council, crossed_at DESC, id) WHERE cleared_at IS NULL;

-- What the ledger was computed with (term calendar, rules version): when it changes, the ledger is rebuilt from
-- tracked_placement, because old figures can only be taken back out with the rules that put them in.
CREATE TABLE ledger_basis (
    id          integer PRIMARY KEY CHECK (id = 1),
    fingerprint text    NOT NULL
);
