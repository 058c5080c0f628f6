-- Governance (issue 5): committees with their membership history, the decision-rights matrix,
-- the issue register with its escalation levels, meetings with agenda, attendance, minutes and
-- their review by every party, briefs, decisions with each voter's vote, action items and the
-- stakeholder map. Alliance records carry the standard access columns, as plan records do.
-- Notifications and calendar feeds belong to users and serve every capability.

CREATE TABLE committees (
  id TEXT PRIMARY KEY,
  alliance_id TEXT NOT NULL REFERENCES alliances(id),
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  purpose TEXT NOT NULL,
  decision_scope TEXT NOT NULL,
  parent_id TEXT REFERENCES committees(id),
  cadence TEXT NOT NULL,
  meeting_minutes INTEGER NOT NULL,
  quorum_rule TEXT NOT NULL,
  chair_rotation TEXT NOT NULL,
  rotation_start TEXT NOT NULL,
  party_id TEXT NOT NULL REFERENCES organizations(id),
  visibility TEXT NOT NULL,
  owner_organization_id TEXT NOT NULL REFERENCES organizations(id),
  owner_user_id TEXT NOT NULL REFERENCES users(id),
  readers TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX committees_by_alliance ON committees (alliance_id, created_at, id);

-- A seat on a committee: never deleted, so the committee shows who sat on it when.
CREATE TABLE committee_members (
  id TEXT PRIMARY KEY,
  committee_id TEXT NOT NULL REFERENCES committees(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  role TEXT NOT NULL,
  joined_on TEXT NOT NULL,
  left_on TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX committee_members_by_committee ON committee_members (committee_id, joined_on, id);

CREATE TABLE decision_rights (
  id TEXT PRIMARY KEY,
  alliance_id TEXT NOT NULL REFERENCES alliances(id),
  decision_type TEXT NOT NULL,
  description TEXT NOT NULL,
  committee_id TEXT NOT NULL REFERENCES committees(id),
  levels TEXT NOT NULL,
  party_id TEXT NOT NULL REFERENCES organizations(id),
  visibility TEXT NOT NULL,
  owner_organization_id TEXT NOT NULL REFERENCES organizations(id),
  owner_user_id TEXT NOT NULL REFERENCES users(id),
  readers TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX decision_rights_by_alliance ON decision_rights (alliance_id, created_at, id);

CREATE TABLE governance_issues (
  id TEXT PRIMARY KEY,
  alliance_id TEXT NOT NULL REFERENCES alliances(id),
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  severity TEXT NOT NULL,
  party_ids TEXT NOT NULL,
  decision_right_id TEXT,
  levels TEXT NOT NULL,
  current_level INTEGER NOT NULL,
  level_due_on TEXT NOT NULL,
  status TEXT NOT NULL,
  raised_by TEXT NOT NULL REFERENCES users(id),
  raised_on TEXT NOT NULL,
  outcome TEXT,
  agreed_by TEXT,
  resolved_on TEXT,
  resolved_by TEXT REFERENCES users(id),
  party_id TEXT NOT NULL REFERENCES organizations(id),
  visibility TEXT NOT NULL,
  owner_organization_id TEXT NOT NULL REFERENCES organizations(id),
  owner_user_id TEXT NOT NULL REFERENCES users(id),
  readers TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX governance_issues_by_alliance ON governance_issues (alliance_id, created_at, id);
-- The escalation job looks for open issues past their level's due date.
CREATE INDEX governance_issues_due ON governance_issues (status, level_due_on);

CREATE TABLE issue_levels (
  id TEXT PRIMARY KEY,
  issue_id TEXT NOT NULL REFERENCES governance_issues(id),
  level INTEGER NOT NULL,
  level_name TEXT NOT NULL,
  entered_on TEXT NOT NULL,
  due_on TEXT,
  reason TEXT NOT NULL,
  note TEXT NOT NULL,
  by_user_id TEXT REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX issue_levels_by_issue ON issue_levels (issue_id, created_at, id);

CREATE TABLE meetings (
  id TEXT PRIMARY KEY,
  alliance_id TEXT NOT NULL REFERENCES alliances(id),
  committee_id TEXT NOT NULL REFERENCES committees(id),
  title TEXT NOT NULL,
  starts_at TEXT NOT NULL,
  duration_minutes INTEGER NOT NULL,
  time_zone TEXT NOT NULL,
  location TEXT NOT NULL,
  link TEXT NOT NULL,
  status TEXT NOT NULL,
  minutes_revision INTEGER NOT NULL,
  minutes_final_at TEXT,
  party_id TEXT NOT NULL REFERENCES organizations(id),
  visibility TEXT NOT NULL,
  owner_organization_id TEXT NOT NULL REFERENCES organizations(id),
  owner_user_id TEXT NOT NULL REFERENCES users(id),
  readers TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX meetings_by_alliance ON meetings (alliance_id, starts_at, id);

CREATE TABLE agenda_items (
  id TEXT PRIMARY KEY,
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  owner_user_id TEXT REFERENCES users(id),
  time_box_minutes INTEGER NOT NULL,
  pre_reads TEXT NOT NULL,
  decision_sought TEXT NOT NULL,
  minutes TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX agenda_items_by_meeting ON agenda_items (meeting_id, position, id);

CREATE TABLE meeting_attendance (
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  status TEXT NOT NULL,
  delegate_name TEXT,
  PRIMARY KEY (meeting_id, user_id)
);

-- Each party's review of one revision of a meeting's minutes.
CREATE TABLE minutes_reviews (
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  revision INTEGER NOT NULL,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  decision TEXT NOT NULL,
  comment TEXT,
  user_id TEXT NOT NULL REFERENCES users(id),
  at TEXT NOT NULL,
  PRIMARY KEY (meeting_id, revision, organization_id)
);

-- The text of every revision of the minutes once every party approved it (JSON: the agenda's
-- titles and minutes), and why it was reopened, if it was.
CREATE TABLE minutes_revisions (
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  revision INTEGER NOT NULL,
  final_at TEXT NOT NULL,
  reason TEXT,
  content TEXT NOT NULL,
  PRIMARY KEY (meeting_id, revision)
);

CREATE TABLE meeting_briefs (
  id TEXT PRIMARY KEY,
  alliance_id TEXT NOT NULL REFERENCES alliances(id),
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  party_id TEXT NOT NULL REFERENCES organizations(id),
  visibility TEXT NOT NULL,
  owner_organization_id TEXT NOT NULL REFERENCES organizations(id),
  owner_user_id TEXT NOT NULL REFERENCES users(id),
  readers TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX meeting_briefs_by_alliance ON meeting_briefs (alliance_id, created_at, id);

CREATE TABLE decisions (
  id TEXT PRIMARY KEY,
  alliance_id TEXT NOT NULL REFERENCES alliances(id),
  committee_id TEXT NOT NULL REFERENCES committees(id),
  meeting_id TEXT REFERENCES meetings(id),
  agenda_item_id TEXT REFERENCES agenda_items(id),
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  decision_type TEXT NOT NULL,
  rationale TEXT NOT NULL,
  state TEXT NOT NULL,
  proposed_on TEXT NOT NULL,
  decided_on TEXT,
  party_id TEXT NOT NULL REFERENCES organizations(id),
  visibility TEXT NOT NULL,
  owner_organization_id TEXT NOT NULL REFERENCES organizations(id),
  owner_user_id TEXT NOT NULL REFERENCES users(id),
  readers TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX decisions_by_alliance ON decisions (alliance_id, created_at, id);

CREATE TABLE decision_votes (
  decision_id TEXT NOT NULL REFERENCES decisions(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  vote TEXT NOT NULL,
  comment TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (decision_id, user_id)
);

CREATE TABLE action_items (
  id TEXT PRIMARY KEY,
  alliance_id TEXT NOT NULL REFERENCES alliances(id),
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  meeting_id TEXT REFERENCES meetings(id),
  decision_id TEXT REFERENCES decisions(id),
  -- The person who owns the action (the record's author is owner_user_id, as everywhere).
  responsible_user_id TEXT NOT NULL REFERENCES users(id),
  due_on TEXT NOT NULL,
  status TEXT NOT NULL,
  done_on TEXT,
  party_id TEXT NOT NULL REFERENCES organizations(id),
  visibility TEXT NOT NULL,
  owner_organization_id TEXT NOT NULL REFERENCES organizations(id),
  owner_user_id TEXT NOT NULL REFERENCES users(id),
  readers TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX action_items_by_alliance ON action_items (alliance_id, due_on, id);
CREATE INDEX action_items_by_responsible ON action_items (responsible_user_id, due_on, id);

CREATE TABLE stakeholders (
  id TEXT PRIMARY KEY,
  alliance_id TEXT NOT NULL REFERENCES alliances(id),
  name TEXT NOT NULL,
  title TEXT NOT NULL,
  user_id TEXT REFERENCES users(id),
  influence INTEGER NOT NULL,
  interest INTEGER NOT NULL,
  attitude TEXT NOT NULL,
  committee_id TEXT REFERENCES committees(id),
  workstream_id TEXT REFERENCES workstreams(id),
  notes TEXT NOT NULL,
  party_id TEXT NOT NULL REFERENCES organizations(id),
  visibility TEXT NOT NULL,
  owner_organization_id TEXT NOT NULL REFERENCES organizations(id),
  owner_user_id TEXT NOT NULL REFERENCES users(id),
  readers TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX stakeholders_by_alliance ON stakeholders (alliance_id, created_at, id);

-- In-app notifications of one user. (user_id, dedupe_key) is unique, so delivering the same event
-- twice — a restart, a second node — stores it once.
CREATE TABLE notifications (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  alliance_id TEXT REFERENCES alliances(id),
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  link TEXT NOT NULL,
  record_type TEXT NOT NULL,
  record_id TEXT NOT NULL,
  dedupe_key TEXT NOT NULL,
  created_at TEXT NOT NULL,
  read_at TEXT,
  UNIQUE (user_id, dedupe_key)
);
CREATE INDEX notifications_by_user ON notifications (user_id, created_at, id);

-- The secret of a user's calendar feed URL, hashed.
CREATE TABLE calendar_feeds (
  user_id TEXT PRIMARY KEY REFERENCES users(id),
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);
