-- The council's own reference for the child (opaque, never shown to providers): links the child's placements
-- across lots (home, school, tuition) and is the child's id in the SSDA903 return.
ALTER TABLE referral ADD COLUMN child_reference text;

-- SSDA903 codes: the placement type (PLACE) and provider type (PLACE_PROVIDER), set at award or spot purchase;
-- why the episode ceased (REC) and why the child changed placement (REASON_PLACE_CHANGE), set at the end.
ALTER TABLE placement
    ADD COLUMN child_reference       text,
    ADD COLUMN place                 text,
    ADD COLUMN place_provider        text,
    ADD COLUMN reason_episode_ceased text,
    ADD COLUMN reason_place_change   text;

-- GET /children/{childReference}/package reads one council's child; the SSDA903 report one council's year.
CREATE INDEX placement_by_child ON placement (council, child_reference) WHERE child_reference IS NOT NULL;
CREATE INDEX placement_by_start ON placement (council, start_date) WHERE start_date IS NOT NULL;

-- The Ofsted URN each provider registered with, from dps.providers: the URN column of the SSDA903 report.
CREATE TABLE provider_registration (
    provider_id uuid PRIMARY KEY,
    ofsted_urn  text
);
