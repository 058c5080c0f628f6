-- Agreements, obligations, restrictions and the IP and data registers (issue 6). Every record
-- table has the standard access columns read by the one policy (see 0004_plans.sql). Lists a
-- record holds (parties, areas, shares, purposes) are JSON text: they are read with the record
-- and never queried on their own.

CREATE TABLE agreements (
  id TEXT PRIMARY KEY,
  alliance_id TEXT NOT NULL REFERENCES alliances(id),
  title TEXT NOT NULL,
  kind TEXT NOT NULL,
  relation TEXT NOT NULL,
  parent_id TEXT REFERENCES agreements(id),
  party_ids TEXT NOT NULL,
  status TEXT NOT NULL,
  signed_on TEXT,
  effective_on TEXT,
  expiry_on TEXT,
  notice_period_days INTEGER,
  governing_law TEXT NOT NULL,
  field TEXT NOT NULL,
  territory TEXT NOT NULL,
  exclusivity TEXT NOT NULL,
  summary TEXT NOT NULL,
  reminder_days TEXT NOT NULL,
  term_changes TEXT NOT NULL,
  obligation_changes TEXT NOT NULL,
  party_id TEXT NOT NULL REFERENCES organizations(id),
  visibility TEXT NOT NULL,
  owner_organization_id TEXT NOT NULL REFERENCES organizations(id),
  owner_user_id TEXT NOT NULL REFERENCES users(id),
  readers TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX agreements_by_alliance ON agreements (alliance_id, created_at, id);
CREATE INDEX agreements_by_parent ON agreements (parent_id);
CREATE INDEX agreements_by_status ON agreements (status, alliance_id);

-- Every version of every file attached to an agreement; nothing is overwritten or deleted. The
-- bytes live apart (base64) so that listing documents never reads them.
CREATE TABLE agreement_documents (
  id TEXT PRIMARY KEY,
  agreement_id TEXT NOT NULL REFERENCES agreements(id),
  name TEXT NOT NULL,
  version INTEGER NOT NULL,
  content_type TEXT NOT NULL,
  size_bytes INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  uploaded_by TEXT NOT NULL REFERENCES users(id),
  uploaded_at TEXT NOT NULL,
  UNIQUE (agreement_id, name, version)
);
CREATE TABLE agreement_document_contents (
  document_id TEXT PRIMARY KEY REFERENCES agreement_documents(id),
  content TEXT NOT NULL
);

-- A party's internal notes on an agreement (party-private by default).
CREATE TABLE agreement_notes (
  id TEXT PRIMARY KEY,
  alliance_id TEXT NOT NULL REFERENCES alliances(id),
  agreement_id TEXT NOT NULL REFERENCES agreements(id),
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
CREATE INDEX agreement_notes_by_agreement ON agreement_notes (agreement_id, created_at, id);
CREATE INDEX agreement_notes_by_alliance ON agreement_notes (alliance_id, created_at, id);

CREATE TABLE obligations (
  id TEXT PRIMARY KEY,
  alliance_id TEXT NOT NULL REFERENCES alliances(id),
  agreement_id TEXT NOT NULL REFERENCES agreements(id),
  clause_ref TEXT NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  category TEXT NOT NULL,
  direction TEXT NOT NULL,
  owed_by TEXT REFERENCES organizations(id),
  owed_to TEXT REFERENCES organizations(id),
  -- The person who sees to it (the record's author is owner_user_id, as everywhere).
  responsible_user_id TEXT REFERENCES users(id),
  schedule TEXT NOT NULL,
  due_on TEXT,
  starts_on TEXT,
  rrule TEXT,
  -- A Plan milestone; no foreign key: deleting a milestone leaves the trigger without a date.
  milestone_id TEXT,
  offset_days INTEGER NOT NULL,
  reminder_days TEXT NOT NULL,
  party_id TEXT NOT NULL REFERENCES organizations(id),
  visibility TEXT NOT NULL,
  owner_organization_id TEXT NOT NULL REFERENCES organizations(id),
  owner_user_id TEXT NOT NULL REFERENCES users(id),
  readers TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX obligations_by_alliance ON obligations (alliance_id, created_at, id);
CREATE INDEX obligations_by_agreement ON obligations (agreement_id);
CREATE INDEX obligations_by_responsible ON obligations (responsible_user_id);

-- What people recorded on an occurrence; an occurrence with nothing recorded has no row (its
-- status is derived from the date).
CREATE TABLE obligation_occurrences (
  obligation_id TEXT NOT NULL REFERENCES obligations(id),
  due_on TEXT NOT NULL,
  status TEXT NOT NULL,
  fulfilled_on TEXT,
  evidence TEXT,
  reason TEXT,
  approver_id TEXT REFERENCES users(id),
  recorded_by TEXT NOT NULL REFERENCES users(id),
  version INTEGER NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (obligation_id, due_on)
);

CREATE TABLE restrictions (
  id TEXT PRIMARY KEY,
  alliance_id TEXT NOT NULL REFERENCES alliances(id),
  agreement_id TEXT NOT NULL REFERENCES agreements(id),
  kind TEXT NOT NULL,
  clause_ref TEXT NOT NULL,
  description TEXT NOT NULL,
  restricted_party_id TEXT REFERENCES organizations(id),
  therapeutic_areas TEXT NOT NULL,
  modalities TEXT NOT NULL,
  territories TEXT NOT NULL,
  counterparties TEXT NOT NULL,
  starts_on TEXT,
  ends_on TEXT,
  party_id TEXT NOT NULL REFERENCES organizations(id),
  visibility TEXT NOT NULL,
  owner_organization_id TEXT NOT NULL REFERENCES organizations(id),
  owner_user_id TEXT NOT NULL REFERENCES users(id),
  readers TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX restrictions_by_alliance ON restrictions (alliance_id, created_at, id);
CREATE INDEX restrictions_by_agreement ON restrictions (agreement_id);

CREATE TABLE ip_assets (
  id TEXT PRIMARY KEY,
  alliance_id TEXT NOT NULL REFERENCES alliances(id),
  title TEXT NOT NULL,
  kind TEXT NOT NULL,
  description TEXT NOT NULL,
  agreement_id TEXT REFERENCES agreements(id),
  owner_party_id TEXT REFERENCES organizations(id),
  shares TEXT NOT NULL,
  licences TEXT NOT NULL,
  patent_family TEXT NOT NULL,
  filing_on TEXT,
  expiry_on TEXT,
  party_id TEXT NOT NULL REFERENCES organizations(id),
  visibility TEXT NOT NULL,
  owner_organization_id TEXT NOT NULL REFERENCES organizations(id),
  owner_user_id TEXT NOT NULL REFERENCES users(id),
  readers TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX ip_assets_by_alliance ON ip_assets (alliance_id, created_at, id);

CREATE TABLE datasets (
  id TEXT PRIMARY KEY,
  alliance_id TEXT NOT NULL REFERENCES alliances(id),
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  agreement_id TEXT REFERENCES agreements(id),
  provider_id TEXT NOT NULL REFERENCES organizations(id),
  recipient_id TEXT NOT NULL REFERENCES organizations(id),
  purposes TEXT NOT NULL,
  privacy_basis TEXT NOT NULL,
  security_requirements TEXT NOT NULL,
  shared_on TEXT,
  retention_until TEXT,
  destruction_due_on TEXT,
  destroyed_on TEXT,
  destruction_evidence TEXT,
  destruction_confirmed_by TEXT REFERENCES users(id),
  party_id TEXT NOT NULL REFERENCES organizations(id),
  visibility TEXT NOT NULL,
  owner_organization_id TEXT NOT NULL REFERENCES organizations(id),
  owner_user_id TEXT NOT NULL REFERENCES users(id),
  readers TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX datasets_by_alliance ON datasets (alliance_id, created_at, id);
