// What the governance suites (tests/api/governance-*.test.mjs) share: the routes, the fields of
// each record, fresh alliances of Helix and Nimbus, committees with seats of both parties,
// decision rights, an RFC 4180 CSV parser, an iCalendar reader (Python's icalendar library) and
// the `northstar jobs run` command pointed at the test server's own database.
// The contract is docs/design/governance-api.md.

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { uniq } from './world.mjs';
import { API, expectStatus, listAll } from './client.mjs';
import { BIN } from './server.mjs';
import { SHARED_FIELDS } from './plan.mjs';

export const DATE = /^\d{4}-\d\d-\d\d$/;
/** Meeting instants: `YYYY-MM-DDTHH:MM:SSZ` (no fraction). */
export const STARTS_AT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

/** The access fields every governance record carries. */
export const ACCESS_FIELDS = ['id', 'alliance_id', 'party_id', 'party_name', ...SHARED_FIELDS];

export const COMMITTEE_FIELDS = ['name', 'kind', 'purpose', 'decision_scope', 'parent_id', 'cadence', 'meeting_minutes',
  'quorum_rule', 'chair_rotation', 'rotation_start', 'members', 'chair_party_id', 'chair_party_name'];
export const MEMBER_FIELDS = ['id', 'user_id', 'name', 'organization_id', 'organization_name', 'role', 'voting', 'joined_on',
  'left_on', 'current'];
export const DECISION_RIGHT_FIELDS = ['decision_type', 'description', 'committee_id', 'committee_name', 'levels'];
export const ISSUE_FIELDS = ['title', 'description', 'severity', 'party_ids', 'decision_right_id', 'raised_by', 'raised_by_name',
  'raised_on', 'levels', 'current_level', 'current_level_name', 'level_due_on', 'days_left', 'status', 'resolution'];
export const HISTORY_FIELDS = ['level', 'level_name', 'entered_on', 'due_on', 'reason', 'note', 'by', 'by_name'];
export const MEETING_FIELDS = ['committee_id', 'committee_name', 'title', 'starts_at', 'duration_minutes', 'time_zone', 'location',
  'link', 'status', 'agenda', 'attendance', 'quorum', 'minutes'];
export const AGENDA_FIELDS = ['id', 'position', 'title', 'owner_user_id', 'owner_name', 'time_box_minutes', 'pre_reads',
  'decision_sought', 'minutes', 'version'];
export const ATTENDANCE_FIELDS = ['user_id', 'name', 'organization_id', 'organization_name', 'committee_role', 'voting', 'status',
  'delegate_name'];
export const QUORUM_FIELDS = ['rule', 'met', 'detail', 'present_voting_by_party'];
export const MINUTES_FIELDS = ['state', 'revision', 'final_at', 'reviews', 'can_review', 'can_write', 'can_revise'];
export const REVIEW_FIELDS = ['organization_id', 'organization_name', 'required', 'decision', 'comment', 'by_name', 'at'];
export const DECISION_FIELDS = ['committee_id', 'committee_name', 'meeting_id', 'agenda_item_id', 'title', 'description',
  'decision_type', 'rationale', 'state', 'proposed_on', 'decided_on', 'votes'];
export const ACTION_FIELDS = ['title', 'description', 'meeting_id', 'decision_id', 'committee_id', 'health', 'owner_user_id',
  'owner_name', 'due_on', 'status', 'done_on', 'overdue'];
export const STAKEHOLDER_FIELDS = ['name', 'title', 'user_id', 'influence', 'interest', 'attitude', 'committee_id',
  'workstream_id', 'notes', 'quadrant'];
export const NOTIFICATION_FIELDS = ['id', 'alliance_id', 'alliance_name', 'kind', 'title', 'body', 'link', 'record_type',
  'record_id', 'created_at', 'read_at'];

/** Asserts a record has exactly the access fields plus `fields`. */
export function expectRecordFields(rec, fields, what) {
  assert.deepEqual(Object.keys(rec).sort(), [...new Set([...ACCESS_FIELDS, ...fields])].sort(), `${what}: the record's fields`);
}
/** Asserts an object has exactly `fields`. */
export function expectKeys(obj, fields, what) {
  assert.deepEqual(Object.keys(obj).sort(), [...fields].sort(), `${what}: the fields`);
}

/** The governance routes of an alliance (absolute paths under /api/v1). */
export function gov(allianceId) {
  const base = `${API}/alliances/${allianceId}`;
  return {
    base,
    committees: `${base}/committees`,
    decisionRights: `${base}/decision-rights`,
    issues: `${base}/issues`,
    meetings: `${base}/meetings`,
    decisions: `${base}/decisions`,
    actions: `${base}/actions`,
    stakeholders: `${base}/stakeholders`,
    cadence: `${base}/governance/cadence-proposal`,
    audit: `${base}/audit`,
    workstreams: `${base}/workstreams`,
    members: (committeeId) => `${base}/committees/${committeeId}/members`,
    agenda: (meetingId) => `${base}/meetings/${meetingId}/agenda`,
    briefs: (meetingId) => `${base}/meetings/${meetingId}/briefs`,
  };
}

/** The days from a to b (YYYY-MM-DD). */
export const between = (a, b) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
/** A day `n` days after the date `from` (YYYY-MM-DD). */
export const addDays = (from, n) => {
  const t = new Date(`${from}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
};
/** A meeting instant `n` days from now at hh:00 UTC. */
export const at = (n, hh = 15) => {
  const t = new Date();
  t.setUTCHours(hh, 0, 0, 0);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().replace(/\.\d{3}Z$/, 'Z');
};

// ---------------------------------------------------------------- requests that must succeed

export async function getOk(world, key, path) {
  const res = await world.as(key).get(path);
  expectStatus(res, 200, `GET ${path} as ${key}`);
  return res.body;
}
export async function postOk(world, key, path, body, status = 201) {
  const res = await world.as(key).post(path, body);
  expectStatus(res, status, `POST ${path} as ${key}`);
  return res.body;
}
/** PATCH with the version the caller reads now. */
export async function patchOk(world, key, path, body) {
  const cur = await getOk(world, key, path);
  const res = await world.as(key).patch(path, body, { ifMatch: cur.version });
  expectStatus(res, 200, `PATCH ${path} ${JSON.stringify(body).slice(0, 200)} as ${key}`);
  return res.body;
}
export async function listCount(world, key, path) {
  return (await listAll(world.as(key), path)).length;
}

// ---------------------------------------------------------------- people and alliances

/**
 * Makes a spare user (world.spares.*) a member of an alliance with `role`, signs them in and
 * registers them under spare.key, so that world.as(key) and world.person(key) work for them.
 */
export async function enlist(world, allianceId, spare, role = 'member') {
  const manager = spare.org === 'nimbus' ? 'nbManager' : 'phManager';
  await world.addMember(manager, allianceId, spare, role);
  if (!world.browsers[spare.key]) world.browsers[spare.key] = await world.signInSpare(spare);
  if (!world.people[spare.key]) world.people[spare.key] = { ...spare, role };
  return spare.key;
}

/**
 * A new alliance of Helix (phManager manager, phMember member, phViewer viewer, phExec executive)
 * and Nimbus (nbManager manager, nbMember member). With `outsider: true` Outsider Bio is a third
 * party and the `outsider` person a member.
 */
export async function governanceAlliance(world, name, { outsider = false } = {}) {
  const { helix, nimbus } = world.orgIds;
  const overrides = { name: uniq(name) };
  if (outsider) {
    overrides.parties = [
      { organization_id: helix, role: 'lead' },
      { organization_id: nimbus, role: 'member' },
      { organization_id: world.orgIds.outsider, role: 'observer' },
    ];
  }
  const a = await world.createAlliance('phManager', overrides);
  await world.addMember('phManager', a.id, 'phMember', 'member');
  await world.addMember('phManager', a.id, 'phViewer', 'viewer');
  await world.addMember('phManager', a.id, 'phExec', 'executive');
  await world.inviteExisting('phManager', a.id, 'nbManager', 'manager');
  await world.addMember('nbManager', a.id, 'nbMember', 'member');
  if (outsider) await world.inviteExisting('phManager', a.id, 'outsider', 'member');
  return a;
}

// ---------------------------------------------------------------- committees and decision rights

/** A complete committee body; overrides are shallow-merged. */
export function committeeBody(overrides = {}) {
  return {
    name: uniq('Committee'), kind: 'joint_steering', cadence: 'quarterly', quorum_rule: 'every_party_voting',
    chair_rotation: 'none', ...overrides,
  };
}
export function createCommittee(world, key, allianceId, overrides = {}) {
  return postOk(world, key, gov(allianceId).committees, committeeBody(overrides));
}
/** Seats `who` (a person key) with `role`; returns the whole committee. */
export async function seat(world, key, allianceId, committee, who, role, extra = {}) {
  const res = await world.as(key).post(gov(allianceId).members(committee.id), { user_id: world.person(who).id, role, ...extra });
  expectStatus(res, 201, `seat ${who} as ${role} on ${committee.name}`);
  return res.body;
}
/**
 * A committee written by `by` with seats [[personKey, role], ...].
 * @param {object} opts {allianceId, by = 'phManager', seats = [], ...committee body overrides}
 */
export async function makeCommittee(world, { allianceId, by = 'phManager', seats = [], ...overrides }) {
  let c = await createCommittee(world, by, allianceId, overrides);
  for (const [who, role] of seats) c = await seat(world, by, allianceId, c, who, role);
  return c;
}
/** Both parties at the table: a chair and a voting member of Helix, a co-chair and a voting member of Nimbus. */
export const JOINT_SEATS = [['phManager', 'chair'], ['phMember', 'voting_member'], ['nbManager', 'co_chair'], ['nbMember', 'voting_member']];

/** The current seat of a person on a committee (or undefined). */
export const currentSeat = (committee, world, who) =>
  committee.members.find((m) => m.user_id === world.person(who).id && m.current);

/**
 * A decision right decided by `committee`, with `levels` [[name, committee|null, days], ...].
 */
export function createDecisionRight(world, key, allianceId, { committee, levels, ...overrides }) {
  return postOk(world, key, gov(allianceId).decisionRights, {
    decision_type: uniq('Decision type'), description: 'Who decides, and where it goes when they do not agree.',
    committee_id: committee.id,
    levels: levels.map(([name, c, days]) => ({ name, committee_id: c ? c.id : null, days })),
    ...overrides,
  });
}

// ---------------------------------------------------------------- CSV (RFC 4180)

/**
 * Parses RFC 4180 CSV into an array of rows (arrays of strings). Accepts CRLF or LF line ends and
 * a trailing line end; refuses a quote inside an unquoted field, text after a closing quote and an
 * unterminated quoted field.
 */
export function parseCsv(input) {
  const text = input.replace(/^\uFEFF/, '');
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  let closed = false;   // just left a quoted field: only a separator or a line end may follow
  let started = false;  // the current row has content
  const endField = () => { row.push(field); field = ''; closed = false; };
  const endRow = () => { endField(); rows.push(row); row = []; started = false; };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') { field += '"'; i++; } else { quoted = false; closed = true; }
      } else {
        field += c;
      }
      continue;
    }
    if (c === ',') { endField(); started = true; continue; }
    if (c === '\r' && text[i + 1] === '\n') { endRow(); i++; continue; }
    if (c === '\n') { endRow(); continue; }
    if (closed) throw new Error(`CSV: text after a closing quote at offset ${i}`);
    if (c === '"') {
      if (field.length) throw new Error(`CSV: a quote inside an unquoted field at offset ${i}`);
      quoted = true;
      started = true;
      continue;
    }
    field += c;
    started = true;
  }
  if (quoted) throw new Error('CSV: unterminated quoted field');
  if (started || field.length || row.length) endRow();
  return rows;
}

/** CSV rows as objects keyed by the header row. */
export function csvObjects(text) {
  const [header, ...rows] = parseCsv(text);
  return { header, rows: rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))), raw: rows };
}

// ---------------------------------------------------------------- iCalendar

/**
 * Debian's python3-icalendar installs into /usr/bin/python3's dist-packages; a `python3` earlier on
 * PATH (pyenv, venv) may not see it. NORTHSTAR_PYTHON overrides.
 */
export const PYTHON = process.env.NORTHSTAR_PYTHON || (fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');

const ICS_SCRIPT = `
import sys, json, datetime, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.read())
def iso(v):
    if isinstance(v, datetime.datetime):
        if v.tzinfo is None:
            return v.isoformat()  # floating time: no Z, so it never equals a UTC instant
        return v.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')
    return v.isoformat()
events = []
for ev in cal.walk('VEVENT'):
    e = {'summary': str(ev.get('SUMMARY', '')), 'uid': str(ev.get('UID', '')),
         'dtstart': iso(ev.decoded('DTSTART')) if ev.get('DTSTART') is not None else None,
         'dtend': iso(ev.decoded('DTEND')) if ev.get('DTEND') is not None else None,
         'duration_s': ev.decoded('DURATION').total_seconds() if ev.get('DURATION') is not None else None,
         'location': str(ev.get('LOCATION', '')), 'description': str(ev.get('DESCRIPTION', ''))}
    events.append(e)
print(json.dumps({'version': str(cal.get('VERSION', '')), 'prodid': str(cal.get('PRODID', '')), 'events': events}))
`;

/**
 * Parses an iCalendar text with Python's icalendar library:
 * {version, prodid, events: [{summary, uid, dtstart (UTC `...Z`), dtend, duration_s, location, description}]}.
 */
export function parseIcs(text) {
  const r = spawnSync(PYTHON, ['-c', ICS_SCRIPT], { input: text, encoding: 'utf8', timeout: 30_000 });
  if (r.error) throw new Error(`cannot run ${PYTHON}: ${r.error.message}`);
  assert.equal(r.status, 0, `icalendar could not parse the calendar:\n${r.stderr}\n--- calendar ---\n${text.slice(0, 2000)}`);
  return JSON.parse(r.stdout);
}

/** The end of an event as a UTC instant string (from DTEND or DTSTART + DURATION). */
export function eventEnd(ev) {
  if (ev.dtend) return ev.dtend;
  if (ev.duration_s !== null && ev.dtstart) {
    return new Date(Date.parse(ev.dtstart) + ev.duration_s * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  return null;
}
/** starts_at + minutes as `...Z`. */
export const plusMinutes = (instant, minutes) =>
  new Date(Date.parse(instant) + minutes * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

// ---------------------------------------------------------------- background jobs

/** `northstar jobs run --today DATE` against the test server's database (server.cli adds --database). */
export function runJobs(server, date) {
  const r = server.cli(['jobs', 'run', '--today', date]);
  assert.equal(r.code, 0, `northstar jobs run --today ${date} exited ${r.code}:\n${r.output}`);
  return r;
}

/** The same, as a child process that runs alongside others (two "nodes" at once). */
export function runJobsConcurrently(server, date) {
  return new Promise((resolve, reject) => {
    const child = spawn(BIN, ['jobs', 'run', '--today', date, '--database', server.dbUrl], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => { output += d; });
    child.stderr.on('data', (d) => { output += d; });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal, output }));
  });
}

// ---------------------------------------------------------------- notifications

/** Every notification of the signed-in person (walks the pages) and the unread_count of the first page. */
export async function notifications(world, key, query = '') {
  const path = `${API}/me/notifications${query ? `?${query}` : ''}`;
  const first = await world.as(key).get(path);
  expectStatus(first, 200, `GET ${path} as ${key}`);
  const items = await listAll(world.as(key), path);
  return { items, unread_count: first.body.unread_count, first: first.body };
}
