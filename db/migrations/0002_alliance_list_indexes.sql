-- The portfolio list filters by stage and archived state and pages by name; these indexes let
-- the database walk alliances in page order and stop after one page, instead of collecting
-- every membership of the caller and sorting them (measured in docs/performance.md).
CREATE INDEX alliances_by_stage_name ON alliances (stage, archived, name, id);
CREATE INDEX alliances_by_archived_name ON alliances (archived, name, id);
