-- The setting a placement made from an offer is in, its distance from the child's home district at award (miles, the
-- DfE's band, inside or outside the placing council's area), and the exceptional reason recorded when a council places
-- with a for-profit Welsh setting after the Health and Social Care (Wales) Act 2025's date.
ALTER TABLE placement
    ADD COLUMN setting_id          uuid,
    ADD COLUMN setting_name        text,
    ADD COLUMN distance_miles      numeric(6, 1),
    ADD COLUMN distance_band       text,
    ADD COLUMN inside_area         boolean,
    ADD COLUMN exceptional_reason  text;

-- An award waiting for the panel keeps the exceptional reason until the placement is made.
ALTER TABLE panel_request ADD COLUMN exceptional_reason text;
