-- Action plans: an action item may be followed up by a committee, and, when it was made from a
-- health assessment's result, names the wave and the dimension (and item) it answers.
ALTER TABLE action_items ADD COLUMN committee_id TEXT REFERENCES committees(id);
ALTER TABLE action_items ADD COLUMN health_wave_id TEXT REFERENCES health_waves(id);
ALTER TABLE action_items ADD COLUMN health_dimension_key TEXT;
ALTER TABLE action_items ADD COLUMN health_item_key TEXT;
CREATE INDEX action_items_by_health_wave ON action_items (health_wave_id);

-- A wave's overall score (0–100, in hundredths so that it sorts as a number), as its results show
-- it to everyone (null while hidden under the anonymity threshold): written with each answer, read
-- by the portfolio once the wave has closed.
ALTER TABLE health_waves ADD COLUMN overall_score INTEGER;
CREATE INDEX health_waves_by_alliance_close ON health_waves (alliance_id, visibility, closes_on);
