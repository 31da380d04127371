-- Cascading call-offs: tiers are invited in order, each with its own response window.
ALTER TABLE referral
    ADD COLUMN cascade_window_seconds bigint, -- each tier's response window; null: everyone at once
    ADD COLUMN cascade_tier   text;   -- the tier whose window is open; null once the cascade is over

ALTER TABLE invitation ADD COLUMN respond_by timestamptz;
UPDATE invitation i SET respond_by = r.respond_by FROM referral r WHERE r.id = i.referral_id;
ALTER TABLE invitation ALTER COLUMN respond_by SET NOT NULL;

-- the cascade timer looks only at call-offs whose current window has closed
CREATE INDEX referral_cascade_due ON referral (respond_by) WHERE status = 'CALLED_OFF' AND cascade_tier IS NOT NULL;
