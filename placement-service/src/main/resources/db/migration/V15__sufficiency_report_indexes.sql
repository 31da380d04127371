-- The sufficiency report reads one council's (or every council's) referrals raised and placements awarded in a
-- quarter, perhaps of one lot: range scans on these rather than whole-table scans, each row's joined columns in reach.
CREATE INDEX referral_for_sufficiency ON referral (council, raised_at) INCLUDE (lot_id, status);
CREATE INDEX referral_by_lot_raised ON referral (lot_id, raised_at);
CREATE INDEX placement_for_sufficiency ON placement (council, awarded_at) INCLUDE (lot_id, referral_id, offer_id);
CREATE INDEX placement_by_lot_awarded ON placement (lot_id, awarded_at);

-- Owner-group exposure reads the active placements (awarded or started) only.
CREATE INDEX placement_active ON placement (council) INCLUDE (offer_id, provider_id, lot_id, referral_id)
    WHERE status IN ('AWARDED', 'STARTED');

-- Emergency capacity and replacement capacity: today's open vacancies by provider, and lot memberships by provider.
CREATE INDEX vacancy_open_recent ON vacancy_view (provider_id, confirmed_at) WHERE status = 'OPEN';
CREATE INDEX lot_member_by_provider ON lot_member (provider_id) WHERE NOT suspended;
