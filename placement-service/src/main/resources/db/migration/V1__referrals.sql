-- A referral to find a placement for one child. Minimal personal data: no names, no dates of birth.
CREATE TABLE referral (
    id        uuid PRIMARY KEY,
    council   text        NOT NULL,
    lot_id    uuid        NOT NULL,
    category  text,
    status    text        NOT NULL,
    raised_at timestamptz NOT NULL,
    raised_by text        NOT NULL,
    version   bigint      NOT NULL DEFAULT 0
);

-- A council's officers list their own referrals, newest first, optionally by status.
CREATE INDEX referral_by_council ON referral (council, status, raised_at DESC, id);
