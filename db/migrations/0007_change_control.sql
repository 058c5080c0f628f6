-- Change control between parties (issue 13).
--
-- How much attention an alliance deserves is each party's own judgement: one row per party, read
-- only by that party. The alliance-wide tier becomes every existing party's starting value (every
-- party could read it until now), then goes.
CREATE TABLE party_priorities (
  alliance_id TEXT NOT NULL REFERENCES alliances(id),
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  tier INTEGER NOT NULL,
  note TEXT NOT NULL,
  updated_by TEXT REFERENCES users(id),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (alliance_id, organization_id)
);
INSERT INTO party_priorities (alliance_id, organization_id, tier, note, updated_by, updated_at)
  SELECT p.alliance_id, p.organization_id, a.tier, '', NULL, a.updated_at
  FROM alliance_parties p JOIN alliances a ON a.id = p.alliance_id;
ALTER TABLE alliances DROP COLUMN tier;

-- The shared fields of an alliance change by consent: a proposal holds the fields as they were
-- and as they would become (JSON objects of the same shape), and each consenting party's decision.
CREATE TABLE alliance_proposals (
  id TEXT PRIMARY KEY,
  alliance_id TEXT NOT NULL REFERENCES alliances(id),
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  proposed_by TEXT NOT NULL REFERENCES users(id),
  reason TEXT NOT NULL,
  before_fields TEXT NOT NULL,
  after_fields TEXT NOT NULL,
  status TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  closed_at TEXT
);
CREATE INDEX alliance_proposals_by_alliance ON alliance_proposals (alliance_id, created_at, id);
CREATE INDEX alliance_proposals_by_status ON alliance_proposals (alliance_id, status);

CREATE TABLE alliance_proposal_decisions (
  proposal_id TEXT NOT NULL REFERENCES alliance_proposals(id),
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  decision TEXT NOT NULL,
  reason TEXT,
  decided_by TEXT NOT NULL REFERENCES users(id),
  decided_at TEXT NOT NULL,
  PRIMARY KEY (proposal_id, organization_id)
);
