-- A provider's inbox: its invitations newest first, read through this index rather than a scan.
CREATE INDEX invitation_by_provider ON invitation (provider_id, invited_at DESC, referral_id);

-- An offer may be withdrawn or amended by its provider until the deadline; a withdrawn offer is never awarded.
ALTER TABLE response
    ADD COLUMN withdrawn_at      timestamptz,
    ADD COLUMN withdrawal_reason text,
    ADD COLUMN amended_at        timestamptz;
