-- A competitive award on a Procurement Act 2023 dynamic market records the notice it relates to (the contract award
-- or contract details notice); kept with the placement and with a panel request that waits to make it.
ALTER TABLE placement ADD COLUMN notice_reference text;
ALTER TABLE panel_request ADD COLUMN notice_reference text;
