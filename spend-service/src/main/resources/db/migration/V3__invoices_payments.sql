-- A provider's invoice for one placement and period, checked against the agreement when it arrived. The booking
-- (council, lot, provider, on/off contract) and the financial year are copied from the placement so that positions
-- sum invoices with the same scopes as the ledger, without a join.
CREATE TABLE invoice (
    id                  uuid PRIMARY KEY,
    invoice_number      text        NOT NULL,
    placement_id        uuid        NOT NULL REFERENCES tracked_placement (id),
    provider_id         uuid        NOT NULL,
    council             text        NOT NULL,
    financial_year      integer     NOT NULL,  -- the period lies inside one financial year
    lot_key             uuid        NOT NULL,
    provider_key        uuid        NOT NULL,
    off_contract        boolean     NOT NULL,
    period_from         date        NOT NULL,
    period_to           date        NOT NULL,
    amount_pence        bigint      NOT NULL CHECK (amount_pence >= 0),
    expected_pence      bigint      NOT NULL CHECK (expected_pence >= 0),  -- as checked on arrival
    flagged             boolean     NOT NULL,
    amount_shares       jsonb       NOT NULL,  -- {"LAC_PLACEMENTS": 140000}: the amount split as the placement is
    commitment_shares   jsonb       NOT NULL,  -- what the commitment puts on the period's days, kept current
    status              text        NOT NULL CHECK (status IN ('SUBMITTED', 'APPROVED', 'DISPUTED', 'PAID')),
    reason              text,
    received_on         date        NOT NULL,
    submitted_at        timestamptz NOT NULL,
    submitted_by        text        NOT NULL,
    decided_at          timestamptz,
    decided_by          text,
    version             bigint      NOT NULL DEFAULT 0,
    CHECK (period_to >= period_from)
);

-- an invoice number is the provider's own: unique per provider
CREATE UNIQUE INDEX invoice_number_per_provider ON invoice (provider_id, invoice_number);
CREATE INDEX invoice_by_placement ON invoice (placement_id, period_from);
CREATE INDEX invoice_by_council ON invoice (council, submitted_at DESC, id);
CREATE INDEX invoice_by_provider ON invoice (provider_id, submitted_at DESC, id);
-- positions: a council's year, by lot and provider
CREATE INDEX invoice_by_council_year ON invoice (council, financial_year, lot_key, provider_key);
-- payment performance: invoices received in a half year
CREATE INDEX invoice_by_council_received ON invoice (council, received_on);

-- A council paid an invoice, in full: one payment per invoice; the council's payment reference is its
-- idempotency key (a finance system sending the same reference again records nothing new).
CREATE TABLE payment (
    id                uuid PRIMARY KEY,
    invoice_id        uuid        NOT NULL UNIQUE REFERENCES invoice (id),
    council           text        NOT NULL,
    placement_id      uuid        NOT NULL,
    provider_id       uuid        NOT NULL,
    amount_pence      bigint      NOT NULL CHECK (amount_pence >= 0),
    shares            jsonb       NOT NULL,  -- {"HEALTH": 46500}: the amount by funding stream, adding up to it
    icb_code          text,                  -- the ICB the HEALTH share is recharged to (null: no HEALTH share)
    paid_on           date        NOT NULL,
    payment_reference text        NOT NULL,
    source            text        NOT NULL CHECK (source IN ('FINANCE_OFFICER', 'FINANCE_SYSTEM')),
    recorded_at       timestamptz NOT NULL,
    recorded_by       text        NOT NULL
);

CREATE UNIQUE INDEX payment_reference_per_council ON payment (council, payment_reference);
-- recharge statements: a council's payments in a period, per ICB
CREATE INDEX payment_by_council_paid ON payment (council, paid_on);
