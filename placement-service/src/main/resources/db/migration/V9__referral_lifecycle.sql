-- A referral's lifecycle beyond award: cancelled by its council, re-run in rounds, or closed unmet (then perhaps
-- answered by a spot purchase), and the child's school status and urgency (DfE Placements Data Standard v2).
ALTER TABLE referral
    ADD COLUMN school_status     text,
    ADD COLUMN urgency           text,
    ADD COLUMN round             integer NOT NULL DEFAULT 1,
    ADD COLUMN closed_at         timestamptz,  -- cancelled or unmet
    ADD COLUMN closed_reason     text,
    ADD COLUMN spot_purchase_id  uuid;         -- the spot purchase that answered an unmet referral

-- The call-off rounds of a referral once it has been re-run: each round's terms and who it invited.
CREATE TABLE call_off_round (
    referral_id          uuid        NOT NULL REFERENCES referral (id),
    round                integer     NOT NULL,
    category             text,
    tier                 text,
    respond_by           timestamptz NOT NULL,
    called_off_at        timestamptz NOT NULL,
    invited_provider_ids uuid[]      NOT NULL,
    PRIMARY KEY (referral_id, round)
);

-- A provider is asked again in a new round: one answer per provider per round; earlier rounds' stay readable.
ALTER TABLE invitation ADD COLUMN round integer NOT NULL DEFAULT 1;
ALTER TABLE response ADD COLUMN round integer NOT NULL DEFAULT 1;
ALTER TABLE response DROP CONSTRAINT response_referral_id_provider_id_key;
ALTER TABLE response ADD CONSTRAINT response_one_per_round UNIQUE (referral_id, provider_id, round);
