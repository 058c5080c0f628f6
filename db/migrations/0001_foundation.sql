-- Foundation: organisations, people, sign-in, alliances, members, notes, and the audit trail.
-- Portable SQL for SQLite and PostgreSQL: ids are UUIDv7 text, instants are ISO-8601 UTC text,
-- booleans are 0/1 integers, lists are JSON text.

CREATE TABLE organizations (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL,
  website TEXT,
  created_by TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  password_hash TEXT,
  org_role TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX users_by_org ON users (organization_id, name);

CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  user_id TEXT NOT NULL REFERENCES users(id),
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  revoked_at TEXT,
  remote_address TEXT,
  user_agent TEXT
);
CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE api_tokens (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  name TEXT NOT NULL,
  prefix TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  last_used_at TEXT,
  expires_at TEXT,
  revoked_at TEXT
);
CREATE INDEX api_tokens_by_user ON api_tokens (user_id);

CREATE TABLE login_throttle (
  throttle_key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  window_start TEXT NOT NULL,
  locked_until TEXT
);

CREATE TABLE alliances (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  therapeutic_areas TEXT NOT NULL,
  territory TEXT NOT NULL,
  tier INTEGER NOT NULL,
  description TEXT NOT NULL,
  stage TEXT NOT NULL,
  archived INTEGER NOT NULL DEFAULT 0,
  north_star_statement TEXT NOT NULL,
  north_star_beneficiaries TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id),
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX alliances_by_name ON alliances (name, id);
CREATE INDEX alliances_by_updated ON alliances (updated_at, id);

CREATE TABLE alliance_parties (
  alliance_id TEXT NOT NULL REFERENCES alliances(id),
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  role TEXT NOT NULL,
  contribution TEXT NOT NULL,
  expected_value TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (alliance_id, organization_id)
);
CREATE INDEX alliance_parties_by_org ON alliance_parties (organization_id);

CREATE TABLE alliance_members (
  alliance_id TEXT NOT NULL REFERENCES alliances(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  role TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  added_by TEXT,
  added_at TEXT NOT NULL,
  PRIMARY KEY (alliance_id, user_id)
);
CREATE INDEX alliance_members_by_user ON alliance_members (user_id, alliance_id);

CREATE TABLE stage_transitions (
  id TEXT PRIMARY KEY,
  alliance_id TEXT NOT NULL REFERENCES alliances(id),
  from_stage TEXT,
  to_stage TEXT NOT NULL,
  reason TEXT NOT NULL,
  actor_id TEXT NOT NULL REFERENCES users(id),
  at TEXT NOT NULL
);
CREATE INDEX stage_transitions_by_alliance ON stage_transitions (alliance_id, at);

CREATE TABLE invitations (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  email TEXT NOT NULL,
  name TEXT NOT NULL,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  alliance_id TEXT REFERENCES alliances(id),
  alliance_role TEXT,
  invited_by TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  accepted_at TEXT,
  accepted_user_id TEXT,
  revoked_at TEXT
);
CREATE INDEX invitations_by_org ON invitations (organization_id, created_at);

-- Every alliance-scoped record carries the same four access columns, read by the one policy in
-- server/platform/access: visibility, owner_organization_id, owner_user_id, readers (JSON array
-- of user ids allowed to read a restricted record besides its owner).
CREATE TABLE notes (
  id TEXT PRIMARY KEY,
  alliance_id TEXT NOT NULL REFERENCES alliances(id),
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  entry_date TEXT NOT NULL,
  visibility TEXT NOT NULL,
  owner_organization_id TEXT NOT NULL REFERENCES organizations(id),
  owner_user_id TEXT NOT NULL REFERENCES users(id),
  readers TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX notes_by_alliance ON notes (alliance_id, entry_date, id);

CREATE TABLE audit_events (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  at TEXT NOT NULL,
  actor_id TEXT,
  alliance_id TEXT,
  organization_id TEXT,
  record_type TEXT NOT NULL,
  record_id TEXT NOT NULL,
  action TEXT NOT NULL,
  changes TEXT NOT NULL,
  visibility TEXT NOT NULL,
  owner_organization_id TEXT,
  owner_user_id TEXT,
  readers TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_events_by_alliance ON audit_events (alliance_id, seq);

-- The head of the hash chain; updating it first serialises writers of audit events on both
-- databases, so the chain never forks.
CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY,
  seq INTEGER NOT NULL,
  hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
