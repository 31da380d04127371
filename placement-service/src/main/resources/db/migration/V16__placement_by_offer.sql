-- Deleting or checking an offer looks up the placements made from it (the foreign key's referencing side): without
-- this index each check scans every placement, which at national volume made removing offers take hours.
CREATE INDEX IF NOT EXISTS placement_by_offer ON placement (offer_id);
