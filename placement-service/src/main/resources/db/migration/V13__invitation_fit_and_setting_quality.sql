-- Each invitation's fit against the invited provider's settings and vacancies, as shown when it was assessed (at the
-- call-off, and again when a new round invites): MEETS, PARTLY_MEETS or NO_SETTINGS_KNOWN, the best setting, its
-- distance from the child's home district and the reasons per criterion. Invitations made before fit was assessed
-- keep fit_rank 3 (unknown) and sort after the others.
ALTER TABLE invitation
    ADD COLUMN fit               text,
    ADD COLUMN fit_rank          smallint    NOT NULL DEFAULT 3,
    ADD COLUMN fit_setting_id    uuid,
    ADD COLUMN fit_setting_name  text,
    ADD COLUMN fit_miles         numeric(6, 1),
    ADD COLUMN fit_distance_band text,
    ADD COLUMN fit_inside_area   boolean,
    ADD COLUMN fit_reasons       jsonb,
    ADD COLUMN fit_assessed_at   timestamptz;

-- The provider's inbox: what it can take first, then the nearest, then the newest.
CREATE INDEX invitation_by_provider_fit ON invitation (provider_id, fit_rank, fit_miles, invited_at DESC, referral_id);

-- The fit the responding provider was shown when it answered: a decline "outside our Statement of Purpose" of an
-- invitation assessed MEETS says the profile is out of date.
ALTER TABLE response ADD COLUMN fit_when_answered text;

CREATE INDEX response_declines ON response (submitted_at, provider_id) WHERE kind = 'DECLINE';

-- Each setting's own latest judgement, from dps.quality inspections naming the setting's URN: an Inadequate home is
-- not awarded because the organisation's newest judgement elsewhere is Good.
CREATE TABLE setting_quality (
    ofsted_urn        text PRIMARY KEY,
    provider_id       uuid        NOT NULL,
    latest_judgement  text        NOT NULL,
    judged_on         date        NOT NULL
);
