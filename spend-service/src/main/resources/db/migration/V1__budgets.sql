-- A budget line: one council's money for one funding stream in one financial year (1 April - 31 March).
CREATE TABLE budget_line (
    id             uuid PRIMARY KEY,
    council        text        NOT NULL,
    financial_year integer     NOT NULL,  -- the year the financial year starts: 2018 = 2018/19
    funding_stream text        NOT NULL CHECK (funding_stream IN ('HIGH_NEEDS_BLOCK', 'LAC_PLACEMENTS', 'HEALTH')),
    name           text        NOT NULL,
    amount_pence   bigint      NOT NULL CHECK (amount_pence >= 0),
    created_at     timestamptz NOT NULL,
    created_by     text        NOT NULL,
    version        bigint      NOT NULL DEFAULT 0
);

CREATE INDEX budget_line_by_council_year ON budget_line (council, financial_year, funding_stream, id);
