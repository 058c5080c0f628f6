-- Plans (issue 4): objectives, milestones with their forecast history and dependencies, KPIs
-- with measured values, workstreams with their RACI, and the communication plan with each
-- party's decision on external communications. Every record carries the standard access columns
-- (visibility, owner_organization_id, owner_user_id, readers) and `party_id`, the party
-- responsible for it. KPI numbers are stored as decimal text (read and compared in the server).

CREATE TABLE objectives (
  id TEXT PRIMARY KEY,
  alliance_id TEXT NOT NULL REFERENCES alliances(id),
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  horizon TEXT NOT NULL,
  status TEXT NOT NULL,
  party_id TEXT NOT NULL REFERENCES organizations(id),
  visibility TEXT NOT NULL,
  owner_organization_id TEXT NOT NULL REFERENCES organizations(id),
  owner_user_id TEXT NOT NULL REFERENCES users(id),
  readers TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX objectives_by_alliance ON objectives (alliance_id, created_at, id);

CREATE TABLE milestones (
  id TEXT PRIMARY KEY,
  alliance_id TEXT NOT NULL REFERENCES alliances(id),
  -- NULL once its objective is deleted by a party that could not see this milestone.
  objective_id TEXT REFERENCES objectives(id),
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  kind TEXT NOT NULL,
  party_id TEXT NOT NULL REFERENCES organizations(id),
  responsible_user_id TEXT REFERENCES users(id),
  original_date TEXT NOT NULL,
  planned_date TEXT NOT NULL,
  forecast_date TEXT NOT NULL,
  actual_date TEXT,
  status_set TEXT,
  early_win INTEGER NOT NULL,
  baseline_count INTEGER NOT NULL,
  payment_amount_minor BIGINT,
  payment_currency TEXT,
  payer_party_id TEXT REFERENCES organizations(id),
  payee_party_id TEXT REFERENCES organizations(id),
  visibility TEXT NOT NULL,
  owner_organization_id TEXT NOT NULL REFERENCES organizations(id),
  owner_user_id TEXT NOT NULL REFERENCES users(id),
  readers TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX milestones_by_alliance ON milestones (alliance_id, forecast_date, id);
CREATE INDEX milestones_by_objective ON milestones (objective_id);

CREATE TABLE milestone_dependencies (
  milestone_id TEXT NOT NULL REFERENCES milestones(id),
  depends_on_id TEXT NOT NULL REFERENCES milestones(id),
  PRIMARY KEY (milestone_id, depends_on_id)
);
CREATE INDEX milestone_dependencies_reverse ON milestone_dependencies (depends_on_id);

-- Every forecast change and re-baseline, so the plan can show how a date slipped.
CREATE TABLE milestone_forecasts (
  id TEXT PRIMARY KEY,
  milestone_id TEXT NOT NULL REFERENCES milestones(id),
  kind TEXT NOT NULL,
  forecast_date TEXT NOT NULL,
  previous_forecast_date TEXT,
  planned_date TEXT NOT NULL,
  reason TEXT NOT NULL,
  changed_by TEXT NOT NULL REFERENCES users(id),
  changed_at TEXT NOT NULL
);
CREATE INDEX milestone_forecasts_by_milestone ON milestone_forecasts (milestone_id, changed_at, id);

CREATE TABLE kpis (
  id TEXT PRIMARY KEY,
  alliance_id TEXT NOT NULL REFERENCES alliances(id),
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  unit TEXT NOT NULL,
  direction TEXT NOT NULL,
  indicator TEXT NOT NULL,
  target TEXT NOT NULL,
  amber_threshold TEXT,
  red_threshold TEXT,
  cadence TEXT NOT NULL,
  party_id TEXT NOT NULL REFERENCES organizations(id),
  responsible_user_id TEXT REFERENCES users(id),
  visibility TEXT NOT NULL,
  owner_organization_id TEXT NOT NULL REFERENCES organizations(id),
  owner_user_id TEXT NOT NULL REFERENCES users(id),
  readers TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX kpis_by_alliance ON kpis (alliance_id, created_at, id);

CREATE TABLE kpi_values (
  id TEXT PRIMARY KEY,
  kpi_id TEXT NOT NULL REFERENCES kpis(id),
  measured_on TEXT NOT NULL,
  value TEXT NOT NULL,
  note TEXT NOT NULL,
  entered_by TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX kpi_values_by_kpi ON kpi_values (kpi_id, measured_on, created_at);

-- Activities and their R/A/C/I assignments are one JSON document per workstream, versioned and
-- audited with it, so the RACI grid is saved as a whole.
CREATE TABLE workstreams (
  id TEXT PRIMARY KEY,
  alliance_id TEXT NOT NULL REFERENCES alliances(id),
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  party_id TEXT NOT NULL REFERENCES organizations(id),
  activities TEXT NOT NULL,
  visibility TEXT NOT NULL,
  owner_organization_id TEXT NOT NULL REFERENCES organizations(id),
  owner_user_id TEXT NOT NULL REFERENCES users(id),
  readers TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX workstreams_by_alliance ON workstreams (alliance_id, created_at, id);

CREATE TABLE communications (
  id TEXT PRIMARY KEY,
  alliance_id TEXT NOT NULL REFERENCES alliances(id),
  category TEXT NOT NULL,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  audience TEXT NOT NULL,
  cadence TEXT,
  party_id TEXT NOT NULL REFERENCES organizations(id),
  responsible_user_id TEXT REFERENCES users(id),
  planned_date TEXT,
  visibility TEXT NOT NULL,
  owner_organization_id TEXT NOT NULL REFERENCES organizations(id),
  owner_user_id TEXT NOT NULL REFERENCES users(id),
  readers TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX communications_by_alliance ON communications (alliance_id, created_at, id);

CREATE TABLE communication_approvals (
  communication_id TEXT NOT NULL REFERENCES communications(id),
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  decision TEXT NOT NULL,
  reason TEXT,
  decided_by TEXT NOT NULL REFERENCES users(id),
  decided_at TEXT NOT NULL,
  PRIMARY KEY (communication_id, organization_id)
);
