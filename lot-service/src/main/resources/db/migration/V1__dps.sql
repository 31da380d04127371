-- A dynamic purchasing system (or a dynamic market under the Procurement Act 2023).
CREATE TABLE dps (
    id             uuid PRIMARY KEY,
    reference      text        NOT NULL UNIQUE,
    title          text        NOT NULL,
    regime         text        NOT NULL CHECK (regime IN ('PCR2015_DPS', 'LIGHT_TOUCH_PSEUDO_DPS', 'PA2023_DYNAMIC_MARKET')),
    councils       text[]      NOT NULL,  -- the councils that may call off from it
    valid_from     date        NOT NULL,
    valid_to       date        NOT NULL,
    established_at timestamptz NOT NULL,
    established_by text        NOT NULL,
    version        bigint      NOT NULL DEFAULT 0,
    CHECK (valid_to >= valid_from)
);
