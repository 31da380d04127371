-- Call-offs and GET /lots/{id}/eligible-providers read a lot's members by name: walk them in order, never sort
-- the whole lot.
CREATE INDEX lot_member_by_name ON lot_member (lot_id, provider_name, provider_id);
