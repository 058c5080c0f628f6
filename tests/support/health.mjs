// What the health-assessment suites (tests/api/health-*.test.mjs) share: the routes, the fields
// of a bank, a wave and a result slice, the bank shipped with Northstar (db/health/default-bank.json),
// sheets built from a bank's items, and the scores the server should compute from them.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { API, expectStatus } from './client.mjs';
import { REPO_ROOT } from './server.mjs';
import { ACCESS_FIELDS } from './governance.mjs';
import { today, day } from './plan.mjs';

/** db/health/default-bank.json as shipped. */
export const DEFAULT_BANK = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'db/health/default-bank.json'), 'utf8'));

export const BANKS = `${API}/question-banks`;
export const SURVEYS = `${API}/me/surveys`;
export const bankPath = (id) => `${BANKS}/${id}`;

/** The health routes of an alliance (absolute paths under /api/v1). */
export function hw(allianceId) {
  const waves = `${API}/alliances/${allianceId}/health-waves`;
  const wave = (w) => `${waves}/${w.id ?? w}`;
  return {
    waves,
    wave,
    close: (w) => `${wave(w)}/close`,
    response: (w) => `${wave(w)}/response`,
    submit: (w) => `${wave(w)}/response/submit`,
    results: (w) => `${wave(w)}/results`,
    audit: `${API}/alliances/${allianceId}/audit`,
  };
}

export const BANK_FIELDS = ['id', 'organization_id', 'shipped', 'key', 'bank_version', 'name', 'about', 'dimensions',
  'based_on_id', 'frozen', 'version', 'created_at', 'updated_at'];
export const WAVE_FIELDS = [...ACCESS_FIELDS, 'title', 'bank_id', 'bank_name', 'opens_on', 'closes_on', 'closed_on',
  'score_threshold', 'comment_threshold', 'gap_threshold', 'locked', 'status', 'respondents', 'response_counts',
  'my_role', 'i_submitted'];
export const RESPONDENT_FIELDS = ['user_id', 'name', 'organization_id', 'role'];
export const COUNT_FIELDS = ['party_id', 'party_name', 'invited', 'submitted'];
export const SHEET_FIELDS = ['wave', 'bank', 'dimensions', 'answers', 'submitted'];
export const SLICE_FIELDS = ['key', 'name', 'hidden', 'score', 'answers', 'dont_know'];
export const SURVEY_FIELDS = ['alliance_id', 'alliance_name', 'wave_id', 'title', 'opens_on', 'closes_on', 'status', 'submitted'];

/** Every item of a bank's dimensions, in order, with its dimension's key. */
export function itemsOf(dimensions) {
  return dimensions.flatMap((d) => d.items.map((i) => ({ ...i, dimension: d.key })));
}

/**
 * A complete sheet for `dimensions`: `answer(item)` gives a value, null (don't know), or
 * {value, comment}.
 */
export function sheet(dimensions, answer) {
  return itemsOf(dimensions).map((item) => {
    const a = answer(item);
    if (a !== null && typeof a === 'object') return { item: item.key, value: a.value, comment: a.comment ?? '' };
    return { item: item.key, value: a, comment: '' };
  });
}

/** A value on the 0–100 scale: agreement 1..5 → 0, 25, 50, 75, 100; a level stays as it is. */
export const normalised = (scale, v) => (scale === 'agreement' ? (v - 1) * 25 : v);

/**
 * The score the server should show for a pool of answers: `sheets` is a list of sheets, `pick(item)`
 * chooses the items (all by default); scores on the 0–100 scale unless `raw` (one item's own scale).
 */
export function pooled(dimensions, sheets, pick = () => true, { raw = false } = {}) {
  const scaleOf = Object.fromEntries(itemsOf(dimensions).map((i) => [i.key, i.scale]));
  let sum = 0;
  let answers = 0;
  let dontKnow = 0;
  for (const s of sheets) {
    for (const a of s) {
      if (!pick(a.item)) continue;
      if (a.value === null) { dontKnow += 1; continue; }
      sum += raw ? a.value : normalised(scaleOf[a.item], a.value);
      answers += 1;
    }
  }
  return { score: answers ? sum / answers : null, answers, dont_know: dontKnow };
}

/** Asserts a shown slice's score (to 1e-9), answers and don't-knows. */
export function expectSlice(slice, expected, what) {
  assert.deepEqual(Object.keys(slice).sort(), [...SLICE_FIELDS].sort(), `${what}: the slice's fields`);
  assert.equal(slice.hidden, false, `${what}: should be shown: ${JSON.stringify(slice)}`);
  assert.ok(Math.abs(slice.score - expected.score) < 1e-9, `${what}: score ${slice.score}, expected ${expected.score}`);
  assert.equal(slice.answers, expected.answers, `${what}: answers`);
  assert.equal(slice.dont_know, expected.dont_know, `${what}: dont_know`);
}

/** Asserts a hidden slice carries no number at all. */
export function expectHidden(slice, what) {
  assert.equal(slice.hidden, true, `${what}: should be hidden: ${JSON.stringify(slice)}`);
  assert.equal(slice.score, null, `${what}: a hidden slice has no score`);
  assert.equal(slice.answers, 0, `${what}: a hidden slice has no answer count`);
  assert.equal(slice.dont_know, 0, `${what}: a hidden slice has no don't-know count`);
}

/** The bank shipped with Northstar as `key` sees it in the list. */
export async function shippedBank(world, key = 'phManager') {
  const res = await world.as(key).get(BANKS);
  expectStatus(res, 200, `list banks as ${key}`);
  const shipped = res.body.items.filter((b) => b.shipped);
  assert.equal(shipped.length, 1, `exactly one shipped bank: ${JSON.stringify(shipped.map((b) => b.name))}`);
  return shipped[0];
}

/** Respondents from [[person key, role], …]. */
export const respondents = (world, pairs) => pairs.map(([key, role]) => ({ user_id: world.person(key).id, role }));

/** A wave body open from today for two weeks; `who` is [[person key, role], …]. */
export function waveBody(world, bankId, who, overrides = {}) {
  return {
    title: 'Spring health check',
    bank_id: bankId,
    opens_on: today(),
    closes_on: day(14),
    respondents: respondents(world, who),
    ...overrides,
  };
}

export async function createWave(world, key, allianceId, body) {
  const res = await world.as(key).post(hw(allianceId).waves, body);
  expectStatus(res, 201, `create wave "${body.title}" as ${key}`);
  return res.body;
}

export async function submit(world, key, allianceId, wave, answers) {
  const res = await world.as(key).post(hw(allianceId).submit(wave), { answers });
  expectStatus(res, 200, `submit as ${key}`);
  assert.equal(res.body.submitted, true, `submitted as ${key}`);
  return res.body;
}

export async function closeWave(world, key, allianceId, wave) {
  const cur = await world.as(key).get(hw(allianceId).wave(wave));
  expectStatus(cur, 200);
  const res = await world.as(key).post(hw(allianceId).close(wave), {}, { ifMatch: cur.body.version });
  expectStatus(res, 200, `close wave as ${key}`);
  return res.body;
}

export async function results(world, key, allianceId, wave) {
  const res = await world.as(key).get(hw(allianceId).results(wave));
  expectStatus(res, 200, `results as ${key}`);
  return res.body;
}

/** The slice of a split with this key (a party's organisation id, a role). */
export function sliceOf(slices, key, what = key) {
  const s = slices.find((x) => x.key === key);
  assert.ok(s, `no slice ${what} among ${JSON.stringify(slices.map((x) => x.key))}`);
  return s;
}
