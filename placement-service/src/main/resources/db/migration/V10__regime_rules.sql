-- The legal regime of each DPS (from dps.purchasing-system.established.v1) and each lot's DPS, whether it is open
-- and its DPS's validity (from the lot events): what a call-off must respect.
CREATE TABLE dps_regime (
    dps_id uuid PRIMARY KEY,
    regime text NOT NULL
);

CREATE TABLE lot_terms (
    lot_id     uuid PRIMARY KEY,
    dps_id     uuid    NOT NULL,
    open       boolean NOT NULL,
    valid_from date    NOT NULL,
    valid_to   date    NOT NULL
);
