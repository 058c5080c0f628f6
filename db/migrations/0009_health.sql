-- Health assessments: question banks, waves of an alliance, who is asked, and the answers kept
-- only as tallies and a list of comments that nothing links to the person who gave them.

-- A bank's dimensions and items are one JSON document; a bank used by a wave is frozen, and an
-- edit of a frozen bank makes the next version. The bank shipped with Northstar has no
-- organisation.
CREATE TABLE question_banks (
  id TEXT PRIMARY KEY,
  organization_id TEXT REFERENCES organizations(id),
  bank_key TEXT NOT NULL,
  bank_version INTEGER NOT NULL,
  name TEXT NOT NULL,
  about TEXT NOT NULL,
  dimensions TEXT NOT NULL,
  based_on_id TEXT REFERENCES question_banks(id),
  frozen INTEGER NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_by TEXT REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX question_banks_by_key ON question_banks (organization_id, bank_key, bank_version);

CREATE TABLE health_waves (
  id TEXT PRIMARY KEY,
  alliance_id TEXT NOT NULL REFERENCES alliances(id),
  title TEXT NOT NULL,
  bank_id TEXT NOT NULL REFERENCES question_banks(id),
  opens_on TEXT NOT NULL,
  closes_on TEXT NOT NULL,
  closed_on TEXT,
  score_threshold INTEGER NOT NULL,
  comment_threshold INTEGER NOT NULL,
  gap_threshold TEXT,
  locked INTEGER NOT NULL,
  party_id TEXT NOT NULL REFERENCES organizations(id),
  visibility TEXT NOT NULL,
  owner_organization_id TEXT NOT NULL REFERENCES organizations(id),
  owner_user_id TEXT NOT NULL REFERENCES users(id),
  readers TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX health_waves_by_alliance ON health_waves (alliance_id, created_at, id);

-- Who is asked, and whether they have answered (the day only).
CREATE TABLE health_respondents (
  wave_id TEXT NOT NULL REFERENCES health_waves(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  respondent_role TEXT NOT NULL,
  submitted_on TEXT,
  reminded_on TEXT,
  PRIMARY KEY (wave_id, user_id)
);
CREATE INDEX health_respondents_by_user ON health_respondents (user_id, wave_id);

-- A sheet saved half-way, the respondent's own until it is submitted (then deleted).
CREATE TABLE health_drafts (
  wave_id TEXT NOT NULL REFERENCES health_waves(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  answers TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (wave_id, user_id)
);

-- How many people of a party in a role gave an item each answer. No person, no time, no
-- sequence: every submission rewrites a wave's rows in a random order.
CREATE TABLE health_tallies (
  wave_id TEXT NOT NULL REFERENCES health_waves(id),
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  respondent_role TEXT NOT NULL,
  item_key TEXT NOT NULL,
  answer TEXT NOT NULL,
  answers INTEGER NOT NULL,
  PRIMARY KEY (wave_id, organization_id, respondent_role, item_key, answer)
);

-- Comments, with the party and role of whoever wrote them and nothing else; random ids, and
-- rewritten in a random order at every submission like the tallies.
CREATE TABLE health_comments (
  id TEXT PRIMARY KEY,
  wave_id TEXT NOT NULL REFERENCES health_waves(id),
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  respondent_role TEXT NOT NULL,
  item_key TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX health_comments_by_wave ON health_comments (wave_id, id);

-- How many people wrote at least one comment on a dimension: one person's five comments are not
-- five voices. A tally like the others, rewritten with them.
CREATE TABLE health_commenters (
  wave_id TEXT NOT NULL REFERENCES health_waves(id),
  dimension_key TEXT NOT NULL,
  people INTEGER NOT NULL,
  PRIMARY KEY (wave_id, dimension_key)
);
