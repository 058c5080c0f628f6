// What the agreements suites (tests/api/agreements*.test.mjs, obligations, restrictions-registers)
// share: the routes, the fields of each record, fresh alliances of Helix and Nimbus, complete bodies
// for agreements, obligations, restrictions, IP assets and datasets, plan milestones to hang
// obligations on, real small files (PDF, DOCX, XLSX, PPTX, OLE2, executables) built here or with
// Python, raw uploads with the session's CSRF header, and an .xlsx reader (Python's openpyxl).
// The contract is docs/design/agreements-api.md.

import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import net from 'node:net';
import { spawnSync } from 'node:child_process';
import { uniq } from './world.mjs';
import { API, expectStatus, expectProblem, listAll } from './client.mjs';
import { SHARED_FIELDS, today, day } from './plan.mjs';
import { PYTHON, governanceAlliance, getOk, postOk, addDays } from './governance.mjs';

export { addDays };

// ---------------------------------------------------------------- fields

export const ACCESS_FIELDS = ['id', 'alliance_id', 'party_id', 'party_name', ...SHARED_FIELDS];

export const AGREEMENT_FIELDS = ['title', 'kind', 'relation', 'parent_id', 'party_ids', 'parties', 'status', 'signed_on',
  'effective_on', 'expiry_on', 'notice_period_days', 'governing_law', 'field', 'territory', 'exclusivity', 'summary',
  'reminder_days', 'term_changes', 'obligation_changes', 'notice_deadline', 'as_amended', 'amendments', 'document_count',
  'obligation_count'];
export const TERMS_FIELDS = ['expiry_on', 'notice_period_days', 'governing_law', 'field', 'territory', 'exclusivity',
  'notice_deadline', 'applied_amendment_ids'];
export const AMENDMENT_ENTRY_FIELDS = ['id', 'title', 'status', 'effective_on', 'term_changes', 'obligation_changes', 'in_force'];
export const DOCUMENT_FIELDS = ['id', 'agreement_id', 'name', 'version', 'latest', 'content_type', 'size_bytes', 'sha256',
  'uploaded_by', 'uploaded_by_name', 'uploaded_at'];
export const NOTE_FIELDS = ['agreement_id', 'body'];
export const OBLIGATION_FIELDS = ['agreement_id', 'agreement_title', 'clause_ref', 'title', 'description', 'category',
  'direction', 'owed_by', 'owed_by_name', 'owed_to', 'owed_to_name', 'responsible_user_id', 'responsible_name', 'schedule',
  'due_on', 'starts_on', 'rrule', 'milestone_id', 'offset_days', 'milestone_title', 'reminder_days', 'next_due',
  'amended_by', 'signal'];
export const SIGNAL_FIELDS = ['consider_amendment', 'late', 'waived', 'considered', 'reason'];
export const OCCURRENCE_FIELDS = ['obligation_id', 'obligation_title', 'agreement_id', 'agreement_title', 'clause_ref',
  'category', 'direction', 'owed_by', 'owed_by_name', 'owed_to', 'owed_to_name', 'responsible_user_id', 'responsible_name',
  'due_on', 'status', 'fulfilled_on', 'evidence', 'on_time', 'reason', 'approver_id', 'approver_name', 'recorded_by_name',
  'version', 'updated_at'];
export const COMPLIANCE_FIELDS = ['from', 'to', 'today', 'by_party', 'by_category', 'by_quarter', 'overdue', 'due_within', 'signals'];
export const COMPLIANCE_ROW_FIELDS = ['key', 'name', 'due', 'on_time', 'late', 'overdue', 'waived', 'in_dispute', 'on_time_rate'];
export const QUARTER_ROW_FIELDS = ['quarter', 'organization_id', 'name', 'due', 'on_time', 'on_time_rate'];
export const SIGNAL_ROW_FIELDS = ['obligation_id', 'title', 'agreement_id', 'agreement_title', 'late', 'waived', 'considered', 'reason'];
export const RESTRICTION_FIELDS = ['agreement_id', 'agreement_title', 'kind', 'clause_ref', 'description', 'restricted_party_id',
  'restricted_party_name', 'therapeutic_areas', 'modalities', 'territories', 'counterparties', 'starts_on', 'ends_on'];
export const CONFLICT_CHECK_FIELDS = ['checked_on', 'organization_id', 'organization_name', 'proposal', 'hits'];
export const CONFLICT_HIT_FIELDS = ['restriction', 'alliance_id', 'alliance_name', 'agreement_id', 'agreement_title', 'clause_ref', 'matched'];
export const IP_ASSET_FIELDS = ['title', 'kind', 'description', 'agreement_id', 'owner_party_id', 'owner_party_name', 'shares',
  'licences', 'patent_family', 'filing_on', 'expiry_on'];
export const DATASET_FIELDS = ['name', 'description', 'agreement_id', 'provider_id', 'provider_name', 'recipient_id',
  'recipient_name', 'purposes', 'privacy_basis', 'security_requirements', 'shared_on', 'retention_until', 'destruction_due_on',
  'destroyed_on', 'destruction_evidence', 'destruction_confirmed_by_name', 'destruction_status'];

/** Asserts a record has exactly the access fields plus `fields`. */
export function expectAccessRecord(rec, fields, what) {
  assert.deepEqual(Object.keys(rec).sort(), [...new Set([...ACCESS_FIELDS, ...fields])].sort(), `${what}: the record's fields`);
}

// ---------------------------------------------------------------- routes

/** The agreements routes of an alliance (absolute paths under /api/v1). */
export function agr(allianceId) {
  const base = `${API}/alliances/${allianceId}`;
  const id = (x) => (x && typeof x === 'object' ? x.id : x);
  return {
    base,
    agreements: `${base}/agreements`,
    agreement: (a) => `${base}/agreements/${id(a)}`,
    documents: (a) => `${base}/agreements/${id(a)}/documents`,
    upload: (a, name) => `${base}/agreements/${id(a)}/documents?name=${encodeURIComponent(name)}`,
    content: (a, d) => `${base}/agreements/${id(a)}/documents/${id(d)}/content`,
    notes: (a) => `${base}/agreements/${id(a)}/notes`,
    note: (a, n) => `${base}/agreements/${id(a)}/notes/${id(n)}`,
    obligations: `${base}/obligations`,
    obligation: (o) => `${base}/obligations/${id(o)}`,
    occurrencesOf: (o, query = '') => `${base}/obligations/${id(o)}/occurrences${query ? `?${query}` : ''}`,
    occurrence: (o, dueOn) => `${base}/obligations/${id(o)}/occurrences/${dueOn}`,
    occurrences: (query = '') => `${base}/occurrences${query ? `?${query}` : ''}`,
    compliance: (query = '') => `${base}/compliance${query ? `?${query}` : ''}`,
    complianceExport: (query = '') => `${base}/compliance/export.xlsx${query ? `?${query}` : ''}`,
    restrictions: `${base}/restrictions`,
    restriction: (r) => `${base}/restrictions/${id(r)}`,
    conflictCheck: `${base}/conflict-check`,
    ipAssets: `${base}/ip-assets`,
    ipAsset: (x) => `${base}/ip-assets/${id(x)}`,
    datasets: `${base}/datasets`,
    dataset: (x) => `${base}/datasets/${id(x)}`,
    destruction: (x) => `${base}/datasets/${id(x)}/destruction`,
    audit: `${base}/audit`,
    objectives: `${base}/objectives`,
    milestones: `${base}/milestones`,
    milestone: (m) => `${base}/milestones/${id(m)}`,
    stage: `${base}/stage`,
  };
}
export const CONFLICT_CHECK = `${API}/conflict-check`;
export const ME_OBLIGATIONS = `${API}/me/obligations`;

// ---------------------------------------------------------------- people, alliances, records

/** A new alliance of Helix and Nimbus with the standard roles (see governanceAlliance). */
export const agreementsAlliance = (world, name, opts) => governanceAlliance(world, name, opts);

/** A complete agreement body between Helix and Nimbus; overrides are shallow-merged. */
export function agreementBody(world, overrides = {}) {
  return {
    title: uniq('Agreement'), kind: 'collaboration', relation: 'master', parent_id: null,
    party_ids: [world.orgIds.helix, world.orgIds.nimbus], status: 'active', ...overrides,
  };
}
export function createAgreement(world, key, allianceId, overrides = {}) {
  return postOk(world, key, agr(allianceId).agreements, agreementBody(world, overrides));
}
export const getAgreement = (world, key, allianceId, a) => getOk(world, key, agr(allianceId).agreement(a));

/** A complete once-obligation body owed by Helix to Nimbus; overrides are shallow-merged. */
export function obligationBody(world, agreement, overrides = {}) {
  return {
    agreement_id: agreement.id ?? agreement, title: uniq('Obligation'), category: 'reporting', direction: 'owed',
    owed_by: world.orgIds.helix, owed_to: world.orgIds.nimbus, schedule: 'once', due_on: day(30), ...overrides,
  };
}
export function createObligation(world, key, allianceId, agreement, overrides = {}) {
  return postOk(world, key, agr(allianceId).obligations, obligationBody(world, agreement, overrides));
}

/**
 * Records on an occurrence: reads its current version from the occurrence list, then PUTs.
 * Returns the raw answer (status unchecked).
 */
export async function recordOccurrence(world, key, allianceId, obligation, dueOn, body, { reader = key } = {}) {
  const version = await occurrenceVersion(world, reader, allianceId, obligation, dueOn);
  return world.as(key).put(agr(allianceId).occurrence(obligation, dueOn), body, { ifMatch: version });
}
/** The same, failing the test unless it answers 200; returns the occurrence. */
export async function recordOk(world, key, allianceId, obligation, dueOn, body, opts) {
  const res = await recordOccurrence(world, key, allianceId, obligation, dueOn, body, opts);
  expectStatus(res, 200, `PUT occurrence ${dueOn} ${JSON.stringify(body)} as ${key}`);
  return res.body;
}
/** One occurrence as `key` sees it (from the obligation's occurrence list around its date). */
export async function occurrenceOf(world, key, allianceId, obligation, dueOn) {
  const q = `from=${addDays(dueOn, -1)}&to=${addDays(dueOn, 1)}`;
  const list = await getOk(world, key, agr(allianceId).occurrencesOf(obligation, q));
  const occ = list.items.find((o) => o.due_on === dueOn);
  assert.ok(occ, `no occurrence on ${dueOn}: ${JSON.stringify(list.items.map((o) => o.due_on))}`);
  return occ;
}
export async function occurrenceVersion(world, key, allianceId, obligation, dueOn) {
  return (await occurrenceOf(world, key, allianceId, obligation, dueOn)).version;
}

export function restrictionBody(agreement, overrides = {}) {
  return { agreement_id: agreement.id ?? agreement, kind: 'non_compete', ...overrides };
}
export function createRestriction(world, key, allianceId, agreement, overrides = {}) {
  return postOk(world, key, agr(allianceId).restrictions, restrictionBody(agreement, overrides));
}

export function ipAssetBody(world, overrides = {}) {
  return { title: uniq('IP asset'), kind: 'background', owner_party_id: world.orgIds.helix, ...overrides };
}
export function datasetBody(world, overrides = {}) {
  return {
    name: uniq('Dataset'), provider_id: world.orgIds.helix, recipient_id: world.orgIds.nimbus,
    purposes: ['Algorithm validation'], privacy_basis: 'de_identified', ...overrides,
  };
}

/** An objective and a milestone of the plan (issue 4) to hang milestone obligations on. */
export async function createMilestone(world, key, allianceId, overrides = {}) {
  const a = agr(allianceId);
  const objective = await postOk(world, key, a.objectives, { title: uniq('Objective'), horizon: 'short_term' });
  return postOk(world, key, a.milestones, {
    objective_id: objective.id, title: uniq('Milestone'), kind: 'development', planned_date: day(30), ...overrides,
  });
}

/** Audit events of the alliance about one record, as `key` sees them. */
export async function auditOf(world, key, allianceId, recordId) {
  return (await listAll(world.as(key), agr(allianceId).audit)).filter((e) => e.record_id === recordId);
}

/** Every leaf value of a JSON value (to look for a name or a hash anywhere in an event). */
export function leaves(v, out = []) {
  if (v && typeof v === 'object') for (const x of Object.values(v)) leaves(x, out);
  else out.push(v);
  return out;
}

// ---------------------------------------------------------------- dates

/** The ISO weekday of a date: 0 = Monday … 6 = Sunday. */
export const weekday = (date) => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
/** Every `step` days from `start` (inclusive, at most `count` of them) that falls in [from, to]. */
export function everyNDays(start, step, from, to, count = Infinity) {
  const out = [];
  for (let i = 0; i < count; i++) {
    const d = addDays(start, i * step);
    if (d > to) break;
    if (d >= from) out.push(d);
  }
  return out;
}
/** "2026-Q3" for a date. */
export const quarterOf = (date) => `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
export { today, day };

// ---------------------------------------------------------------- files

export const sha256 = (buf) => crypto.createHash('sha256').update(buf).digest('hex');

export const MIME = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  csv: 'text/csv',
  txt: 'text/plain',
};

/** A small, well-formed PDF (one page, one line of text) with binary bytes in its header comment. */
export function makePdf(text = 'Collaboration agreement') {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    null, // the content stream
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const stream = `BT /F1 18 Tf 72 720 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
  objects[3] = `<< /Length ${Buffer.byteLength(stream)} >>\nstream\n${stream}\nendstream`;
  const parts = [Buffer.from('%PDF-1.4\n'), Buffer.from([0x25, 0xe2, 0xe3, 0xcf, 0xd3, 0x0a])];
  let offset = parts.reduce((n, b) => n + b.length, 0);
  const offsets = [];
  objects.forEach((body, i) => {
    const chunk = Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`, 'latin1');
    offsets.push(offset);
    parts.push(chunk);
    offset += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, '0000000000 65535 f \n',
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`));
  return Buffer.concat(parts);
}

function python(script, { input, what }) {
  const r = spawnSync(PYTHON, ['-c', script], { input, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new Error(`cannot run ${PYTHON}: ${r.error.message}`);
  assert.equal(r.status, 0, `${what}: python failed:\n${r.stderr}`);
  return r.stdout;
}

const ZIP_SCRIPT = `
import sys, json, io, zipfile
entries = json.loads(sys.stdin.read())
buf = io.BytesIO()
with zipfile.ZipFile(buf, 'w', zipfile.ZIP_DEFLATED) as z:
    for name, text in entries:
        z.writestr(name, text)
sys.stdout.buffer.write(buf.getvalue())
`;
/** A ZIP archive of [name, text] entries (Python's zipfile). */
export function makeZip(entries) {
  return python(ZIP_SCRIPT, { input: JSON.stringify(entries), what: 'zip' });
}

const CT_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>';
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A minimal Word document (.docx): [Content_Types].xml, _rels/.rels and word/document.xml. */
export function makeDocx(text = 'Term sheet') {
  return makeZip([
    ['[Content_Types].xml', `${CT_HEAD}<Override PartName="/word/document.xml" ContentType="${MIME.docx.replace('.document', '.document.main+xml')}"/></Types>`],
    ['_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`],
    ['word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`],
  ]);
}

/** A minimal PowerPoint package (.pptx): the content types and ppt/presentation.xml. */
export function makePptx() {
  return makeZip([
    ['[Content_Types].xml', `${CT_HEAD}<Override PartName="/ppt/presentation.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"/></Types>`],
    ['_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="ppt/presentation.xml"/></Relationships>`],
    ['ppt/presentation.xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>'],
  ]);
}

const MAKE_XLSX_SCRIPT = `
import sys, json, io, openpyxl
sheets = json.loads(sys.stdin.read())
wb = openpyxl.Workbook()
wb.remove(wb.active)
for name, rows in sheets:
    ws = wb.create_sheet(name)
    for row in rows:
        ws.append(row)
buf = io.BytesIO()
wb.save(buf)
sys.stdout.buffer.write(buf.getvalue())
`;
/** A real .xlsx (openpyxl) with sheets [[name, rows], ...]. */
export function makeXlsx(sheets = [['Budget', [['Item', 'Amount'], ['Sensors', 1200]]]]) {
  return python(MAKE_XLSX_SCRIPT, { input: JSON.stringify(sheets), what: 'make xlsx' });
}

/** An OLE2 compound-file header (what .doc and .xls files start with), padded to 1536 bytes. */
export function makeOle2() {
  const b = Buffer.alloc(1536, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b, 0);
  b.writeUInt16LE(0x003e, 24); // minor version
  b.writeUInt16LE(0x0003, 26); // major version 3
  b.writeUInt16LE(0xfffe, 28); // byte order
  b.writeUInt16LE(9, 30); // sector shift (512)
  b.writeUInt16LE(6, 32); // mini sector shift
  return b;
}

/** A PE executable's first bytes ("MZ" … "PE\0\0"). */
export function makePe() {
  const b = Buffer.alloc(512, 0);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  b.write('This program cannot be run in DOS mode.', 0x4e, 'latin1');
  return b;
}
/** An ELF executable's first bytes. */
export function makeElf() {
  const b = Buffer.alloc(256, 0);
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]).copy(b, 0);
  b.writeUInt16LE(2, 16); // ET_EXEC
  b.writeUInt16LE(0x3e, 18); // x86-64
  return b;
}
/** A 64-bit Mach-O executable's first bytes. */
export function makeMachO() {
  const b = Buffer.alloc(256, 0);
  Buffer.from([0xcf, 0xfa, 0xed, 0xfe, 0x07, 0x00, 0x00, 0x01]).copy(b, 0);
  return b;
}
/** A PNG signature and an IHDR chunk (an unsupported type). */
export function makePng() {
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
}

// ---------------------------------------------------------------- uploads and downloads

/**
 * POSTs `bytes` as the raw body of an upload of `name` to an agreement, with the browser's session
 * and CSRF header, and `contentType` (default application/octet-stream). Returns the raw answer.
 */
export function upload(world, key, allianceId, agreement, name, bytes, { contentType = 'application/octet-stream' } = {}) {
  return world.as(key).request('POST', agr(allianceId).upload(agreement, name), { raw: bytes, contentType });
}
/** An upload that must succeed (201); returns the document. */
export async function uploadOk(world, key, allianceId, agreement, name, bytes, opts) {
  const res = await upload(world, key, allianceId, agreement, name, bytes, opts);
  expectStatus(res, 201, `upload ${name} as ${key}`);
  return res.body;
}
/**
 * The same over a bare socket (for bodies the server may refuse before reading them all: 413), with
 * the session cookie and CSRF header of `key`'s browser; `expectContinue` sends `Expect: 100-continue`
 * and the body only once the server has said "100 Continue" (or has not answered within a second).
 */
export async function uploadRaw(world, key, allianceId, agreement, name, bytes, { contentType = 'application/octet-stream', expectContinue = false } = {}) {
  const b = world.as(key);
  const path = agr(allianceId).upload(agreement, name);
  return socketRequest(world.baseUrl, 'POST', path, {
    headers: { 'content-type': contentType, 'content-length': bytes.length, cookie: b.cookieHeader(), 'x-csrf-token': b.csrf },
    body: bytes, expectContinue,
  });
}

/**
 * A request over a bare TCP socket that keeps reading the answer even when the server stops reading
 * the body (a 413 sent early): write errors are ignored, the answer is whatever arrived. Returns
 * {status, headers, body, text, bytes, method, path} like the other clients.
 */
export function socketRequest(baseUrl, method, path, { headers = {}, body, expectContinue = false } = {}) {
  const u = new URL(path, baseUrl);
  return new Promise((resolve, reject) => {
    const sock = net.connect(Number(u.port), u.hostname);
    const chunks = [];
    let settled = false;
    const finish = (err) => {
      if (settled) return;
      const raw = Buffer.concat(chunks);
      const sep = raw.indexOf('\r\n\r\n');
      if (sep < 0) {
        settled = true;
        reject(err || new Error(`no HTTP answer (${raw.length} bytes)`));
        return;
      }
      const head = raw.subarray(0, sep).toString('latin1').split('\r\n');
      const h = new Headers();
      for (const line of head.slice(1)) {
        const i = line.indexOf(':');
        if (i > 0) h.append(line.slice(0, i).trim(), line.slice(i + 1).trim());
      }
      let bytes = raw.subarray(sep + 4);
      const len = h.get('content-length');
      if (len !== null && bytes.length < Number(len) && !err) return; // wait for the rest
      if (len !== null) bytes = bytes.subarray(0, Number(len));
      settled = true;
      sock.destroy();
      const text = bytes.toString('utf8');
      let parsed = text;
      if (/json/i.test(h.get('content-type') || '') && text) {
        try { parsed = JSON.parse(text); } catch { /* leave text */ }
      }
      resolve({ status: Number(head[0].split(' ')[1]), headers: h, body: parsed, text, bytes, method, path });
    };
    let waiting = expectContinue;   // for "100 Continue" before sending the body
    sock.on('data', (d) => {
      chunks.push(d);
      if (waiting) {
        const raw = Buffer.concat(chunks);
        const sep = raw.indexOf('\r\n\r\n');
        if (sep < 0) return;
        waiting = false;
        if (/^HTTP\/1\.1 100\b/.test(raw.toString('latin1', 0, 16))) {
          chunks.length = 0;
          if (raw.length > sep + 4) chunks.push(raw.subarray(sep + 4));
          pump();
          return;
        }
      }
      finish();
    });
    sock.on('end', () => finish(new Error('connection closed')));
    sock.on('close', () => finish(new Error('connection closed')));
    sock.on('error', (e) => { if (!['EPIPE', 'ECONNRESET'].includes(e.code)) finish(e); });
    const lines = [`${method} ${u.pathname}${u.search} HTTP/1.1`, `host: ${u.host}`, 'connection: close',
      ...(expectContinue ? ['expect: 100-continue'] : []), ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
    // the body in slices, so that an early answer is read while the body is still going out
    const step = 256 * 1024;
    let off = 0;
    const pump = () => {
      while (body !== undefined && off < body.length && !settled && !sock.destroyed) {
        const ok = sock.write(body.subarray(off, off + step));
        off += step;
        if (!ok) { sock.once('drain', pump); return; }
      }
    };
    sock.write(`${lines.join('\r\n')}\r\n\r\n`);
    if (!expectContinue) pump();
    // a server that ignores Expect: send the body after a second, as curl does
    else setTimeout(() => { if (waiting) { waiting = false; pump(); } }, 1000).unref();
  });
}

/** Asserts a refusal with `status` whose problem text (detail, errors) says `phrase` (or one of several). */
export function expectRefusal(res, status, phrases) {
  const p = expectProblem(res, status);
  const text = JSON.stringify(p).toLowerCase();
  const list = [].concat(phrases);
  assert.ok(list.some((ph) => text.includes(ph.toLowerCase())),
    `${res.method} ${res.path}: expected the problem to say ${list.map((x) => `"${x}"`).join(' or ')}: ${res.text}`);
  return p;
}

// ---------------------------------------------------------------- .xlsx

const READ_XLSX_SCRIPT = `
import sys, json, io, datetime, openpyxl
wb = openpyxl.load_workbook(io.BytesIO(sys.stdin.buffer.read()), data_only=True)
def val(v):
    if isinstance(v, datetime.datetime):
        if v.time() == datetime.time(0):
            return v.date().isoformat()
        return v.isoformat()
    if isinstance(v, (datetime.date, datetime.time)):
        return v.isoformat()
    return v
out = {'sheet_names': wb.sheetnames, 'sheets': {}, 'formats': {}}
for ws in wb.worksheets:
    rows, fmts = [], []
    for row in ws.iter_rows():
        rows.append([val(c.value) for c in row])
        fmts.append([c.number_format for c in row])
    while rows and all(v is None or v == '' for v in rows[-1]):
        rows.pop(); fmts.pop()
    out['sheets'][ws.title] = rows
    out['formats'][ws.title] = fmts
print(json.dumps(out, default=str))
`;
/**
 * Reads an .xlsx (Buffer) with openpyxl: {sheet_names, sheets: {name: rows}, formats: {name: rows of
 * number formats}}; dates come back as `YYYY-MM-DD`, trailing empty rows are dropped.
 */
export function readXlsx(bytes) {
  const out = python(READ_XLSX_SCRIPT, { input: bytes, what: 'read xlsx' });
  return JSON.parse(out.toString('utf8'));
}
