// What the plan suites (tests/api/plan*.test.mjs) share: id and time formats, days relative to
// the server's today, the tables a refused plan request must leave alone, and the access fields
// every plan record carries.

import assert from 'node:assert/strict';
import { ORGS } from './world.mjs';

export const UUID7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
export const INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
export const NO_SUCH_ID = '01900000-0000-7000-8000-000000000000';
/** A version that is not the record's current one (0 is no version at all). */
export const stale = (version) => (version > 1 ? version - 1 : version + 1);
/** Today's calendar day in UTC (the server's `today`), and a day `n` days from it. */
export const today = () => new Date().toISOString().slice(0, 10);
export const day = (n) => {
  const t = new Date(`${today()}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
};
export const readerIds = (readers) => (readers || []).map((r) => (r && typeof r === 'object' ? (r.id ?? r.user_id) : r)).sort();
export const ids = (items) => items.map((x) => x.id).sort();

export const SHARED_FIELDS = ['visibility', 'readers', 'owner_organization_id', 'owner_organization_name',
  'author_id', 'author_name', 'version', 'created_at', 'updated_at'];
/** Every table a plan request may write; a refused request leaves all their counts as they were. */
export const PLAN_TABLES = ['objectives', 'milestones', 'milestone_forecasts', 'kpis', 'kpi_values', 'workstreams',
  'communications', 'communication_approvals', 'audit_events'];

/** The access fields every plan record shares. */
export function expectShared(world, rec, { allianceId, author, visibility = 'alliance', readers = [] }) {
  const p = world.person(author);
  assert.match(rec.id, UUID7);
  assert.equal(rec.alliance_id, allianceId);
  assert.equal(rec.visibility, visibility);
  assert.deepEqual(readerIds(rec.readers), readers.map((k) => world.person(k).id).sort());
  assert.equal(rec.owner_organization_id, p.orgId);
  assert.equal(rec.owner_organization_name, ORGS[p.org].name);
  assert.equal(rec.author_id, p.id);
  assert.equal(rec.author_name, p.name);
  assert.ok(Number.isInteger(rec.version), `version ${rec.version}`);
  assert.match(rec.created_at, INSTANT);
  assert.match(rec.updated_at, INSTANT);
}
