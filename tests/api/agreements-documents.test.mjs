// Agreement documents (issue 6): raw uploads of real small files (PDF, DOCX, XLSX, PPTX, DOC/XLS,
// CSV, TXT), versions by name, SHA-256, downloads byte for byte with safe headers, who may upload
// and download, and every refusal (executables, mismatched and unsupported types, empty, over the
// upload limit) leaving the documents and the audit trail as they were.
// The contract is docs/design/agreements-api.md ("Documents").

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildWorld } from '../support/world.mjs';
import { expectProblem, expectStatus, listAll } from '../support/client.mjs';
import { INSTANT, NO_SUCH_ID, UUID7 } from '../support/plan.mjs';
import { getOk } from '../support/governance.mjs';
import {
  DOCUMENT_FIELDS, MIME, agr, createAgreement, upload, uploadOk, uploadRaw, expectRefusal, sha256, makePdf, makeDocx,
  makeXlsx, makePptx, makeOle2, makePe, makeElf, makeMachO, makePng, makeZip, readXlsx, auditOf, leaves,
} from '../support/agreements.mjs';

const LIMIT = 64 * 1024;
const MiB = 1024 * 1024;
const EXEC = 'executable files are not accepted';
const MISMATCH = 'mismatched type';
const UNSUPPORTED = 'unsupported type';

const expectDownload = (res, { bytes, type, name }) => {
  assert.equal(res.status, 200, `download ${name}: ${res.status} ${res.text.slice(0, 300)}`);
  assert.equal(Buffer.compare(res.bytes, bytes), 0, `${name}: the bytes are the ones uploaded (${res.bytes.length} vs ${bytes.length})`);
  const ct = res.headers.get('content-type') || '';
  assert.equal(ct.split(';')[0].trim().toLowerCase(), type, `${name}: Content-Type ${ct}`);
  const cd = res.headers.get('content-disposition') || '';
  assert.match(cd, /^attachment\s*;/i, `${name}: Content-Disposition ${cd}`);
  // An ASCII name as filename="…"; a non-ASCII one as filename*=UTF-8''… (RFC 6266) or as the UTF-8
  // bytes inside the quotes (what browsers also read; fetch hands header bytes over as Latin-1).
  const star = cd.match(/filename\*\s*=\s*utf-8''([^;\s]+)/i);
  const utf8 = Buffer.from(cd, 'latin1').toString('utf8');
  const named = cd.includes(`filename="${name}"`) || utf8.includes(`filename="${name}"`) || (!!star && decodeURIComponent(star[1]) === name);
  assert.ok(named, `${name}: Content-Disposition names the file: ${cd}`);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
};

describe('agreement documents', () => {
  let world;
  let server;
  let id;
  let a;
  let ag;     // alliance-visible, by phManager
  let priv;   // Helix party-private

  before(async () => {
    world = await buildWorld({ server: { args: ['--upload-limit', String(LIMIT)] } });
    server = world.server;
    id = world.alliance.id;
    a = agr(id);
    ag = await createAgreement(world, 'phManager', id, { title: 'Documented collaboration agreement' });
    priv = await createAgreement(world, 'phManager', id, { title: 'Helix private mandate Dorado', visibility: 'party' });
  });
  after(async () => { await world?.stop(); });

  const docs = (key, agreement = ag) => listAll(world.as(key), a.documents(agreement));
  const download = (key, d, agreement = ag) => world.as(key).get(a.content(agreement, d), { headers: { accept: '*/*' } });
  /** What a refused upload must leave alone. */
  const snapshot = async () => ({
    docs: (await docs('phManager')).map((d) => [d.id, d.name, d.version, d.latest]),
    privDocs: (await docs('phManager', priv)).map((d) => d.id),
    agreement: await getOk(world, 'phManager', a.agreement(ag)),
    audit: server.count('audit_events'),
  });

  describe('upload, versions, download', () => {
    const pdf1 = makePdf('Master agreement, as signed');
    const pdf2 = makePdf('Master agreement, first amendment folded in');
    const pdf3 = makePdf('Master agreement, consolidated');
    let v1;
    let v2;
    let v3;
    let annex;

    it('a PDF → 201 with every field: version 1, latest, the detected type, the size and SHA-256 of the bytes', async () => {
      assert.equal(pdf1.subarray(0, 8).toString('latin1'), '%PDF-1.4');
      const res = await upload(world, 'phMember', id, ag, 'Master Agreement.pdf', pdf1, { contentType: 'application/pdf' });
      expectStatus(res, 201);
      v1 = res.body;
      assert.deepEqual(Object.keys(v1).sort(), [...DOCUMENT_FIELDS].sort(), 'the document\'s fields');
      assert.match(v1.id, UUID7);
      assert.equal(v1.agreement_id, ag.id);
      assert.equal(v1.name, 'Master Agreement.pdf');
      assert.equal(v1.version, 1);
      assert.equal(v1.latest, true);
      assert.equal(v1.content_type, 'application/pdf');
      assert.equal(v1.size_bytes, pdf1.length);
      assert.equal(v1.sha256, sha256(pdf1));
      assert.match(v1.sha256, /^[0-9a-f]{64}$/);
      assert.equal(v1.uploaded_by, world.person('phMember').id);
      assert.equal(v1.uploaded_by_name, world.person('phMember').name);
      assert.match(v1.uploaded_at, INSTANT);
      assert.equal((await getOk(world, 'phManager', a.agreement(ag))).document_count, 1);
    });

    it('the download is the same bytes, as an attachment, with the detected type and nosniff — for both parties', async () => {
      for (const key of ['phMember', 'phViewer', 'nbManager', 'nbMember']) {
        const res = await download(key, v1);
        expectDownload(res, { bytes: pdf1, type: 'application/pdf', name: 'Master Agreement.pdf' });
        assert.equal(sha256(res.bytes), v1.sha256);
      }
    });

    it('the same name again → version 2, then 3; the earlier versions stay, unchanged, and are no longer latest', async () => {
      v2 = await uploadOk(world, 'nbMember', id, ag, 'Master Agreement.pdf', pdf2);
      assert.equal(v2.version, 2);
      assert.equal(v2.latest, true);
      assert.notEqual(v2.id, v1.id);
      assert.equal(v2.sha256, sha256(pdf2));
      assert.equal(v2.uploaded_by_name, world.person('nbMember').name);
      v3 = await uploadOk(world, 'phManager', id, ag, 'Master Agreement.pdf', pdf3, { contentType: 'application/pdf' });
      assert.equal(v3.version, 3);
      annex = await uploadOk(world, 'phMember', id, ag, 'Annex A – budget.docx', makeDocx('Annex A'));
      assert.equal(annex.version, 1, 'another name has its own versions');
      assert.equal(annex.latest, true);

      const items = await docs('nbMember');
      assert.deepEqual(items.map((d) => [d.name, d.version, d.latest]), [
        ['Annex A – budget.docx', 1, true],
        ['Master Agreement.pdf', 3, true],
        ['Master Agreement.pdf', 2, false],
        ['Master Agreement.pdf', 1, false],
      ], 'every version, newest first');
      assert.deepEqual(items.find((d) => d.id === v1.id), { ...v1, latest: false }, 'v1 is unchanged but for latest');
      expectDownload(await download('phViewer', v1), { bytes: pdf1, type: 'application/pdf', name: 'Master Agreement.pdf' });
      expectDownload(await download('phViewer', v2), { bytes: pdf2, type: 'application/pdf', name: 'Master Agreement.pdf' });
      expectDownload(await download('phViewer', v3), { bytes: pdf3, type: 'application/pdf', name: 'Master Agreement.pdf' });
    });

    it('an identical file uploaded again is a new version with the same SHA-256 (nothing is deduplicated away)', async () => {
      const again = await uploadOk(world, 'phMember', id, ag, 'Annex A – budget.docx', makeDocx('Annex A'));
      assert.equal(again.version, 2);
      const first = (await docs('phMember')).find((d) => d.id === annex.id);
      assert.equal(again.size_bytes, first.size_bytes);
    });

    it('each upload is audited on the agreement: document_upload with name, version, sha256 and size', async () => {
      const events = (await auditOf(world, 'nbManager', id, ag.id)).filter((e) => e.action === 'document_upload');
      assert.equal(events.length, 5, `five uploads so far: ${JSON.stringify(events.map((e) => e.action))}`);
      for (const d of [v1, v2, v3]) {
        const e = events.find((x) => leaves(x.changes).includes(d.sha256));
        assert.ok(e, `an event names the SHA-256 of v${d.version}: ${JSON.stringify(events)}`);
        const values = leaves(e.changes);
        assert.ok(values.includes('Master Agreement.pdf'), `the name: ${JSON.stringify(e.changes)}`);
        assert.ok(values.includes(d.version), `the version: ${JSON.stringify(e.changes)}`);
        assert.ok(values.includes(d.size_bytes), `the size: ${JSON.stringify(e.changes)}`);
        assert.equal(e.actor_id, d.uploaded_by);
      }
    });
  });

  describe('the accepted types', () => {
    const xlsx = makeXlsx([['Budget', [['Item', 'Amount'], ['Sensors', 1200], ['Sites', 34000]]]]);
    const FILES = [
      ['a Word document', 'Term sheet.docx', () => makeDocx('Term sheet'), MIME.docx],
      ['an Excel workbook', 'Budget 2026.xlsx', () => xlsx, MIME.xlsx],
      ['a PowerPoint deck', 'JSC deck.pptx', () => makePptx(), MIME.pptx],
      ['a legacy Word file (OLE2)', 'Old CDA.doc', () => makeOle2(), MIME.doc],
      ['a legacy Excel file (OLE2)', 'Old budget.xls', () => makeOle2(), MIME.xls],
      ['a CSV', 'milestones.csv', () => Buffer.from('milestone,due\r\nFirst patient in,2026-09-01\r\n'), MIME.csv],
      ['a UTF-8 text with non-ASCII', 'notes – Zürich.txt', () => Buffer.from('Besprechung in Zürich: Ωmega-3 ✓\n'), MIME.txt],
    ];
    for (const [what, name, make, type] of FILES) {
      it(`${what} → 201 as ${type}; downloaded byte for byte`, async () => {
        const bytes = make();
        const d = await uploadOk(world, 'phMember', id, ag, name, bytes);
        assert.equal(d.content_type.split(';')[0], type);
        assert.equal(d.size_bytes, bytes.length);
        assert.equal(d.sha256, sha256(bytes));
        expectDownload(await download('nbMember', d), { bytes, type, name });
      });
    }

    it('the declared type may be the specific one that matches', async () => {
      const d = await uploadOk(world, 'phMember', id, ag, 'Budget declared.xlsx', xlsx, { contentType: MIME.xlsx });
      assert.equal(d.content_type, MIME.xlsx);
      const d2 = await uploadOk(world, 'phMember', id, ag, 'plain.txt', Buffer.from('plain\n'), { contentType: 'text/plain; charset=utf-8' });
      assert.equal(d2.content_type.split(';')[0], 'text/plain');
    });

    it('the downloaded workbook opens with openpyxl and holds the same cells', async () => {
      const d = (await docs('phMember')).find((x) => x.name === 'Budget 2026.xlsx');
      const res = await download('phMember', d);
      const wb = readXlsx(res.bytes);
      assert.deepEqual(wb.sheet_names, ['Budget']);
      assert.deepEqual(wb.sheets.Budget, [['Item', 'Amount'], ['Sensors', 1200], ['Sites', 34000]]);
    });
  });

  describe('who may upload and download', () => {
    it('the other party may upload to an alliance agreement it can read (a writer of the alliance)', async () => {
      const d = await uploadOk(world, 'nbManager', id, ag, 'Nimbus comments.txt', Buffer.from('Comments from Nimbus.\n'));
      assert.equal(d.uploaded_by, world.person('nbManager').id);
    });

    it('viewers and executives may download but not upload (403); outsiders 404; signed out 401; nothing changes', async () => {
      const before = await snapshot();
      const d = (await docs('phMember'))[0];
      for (const key of ['phViewer', 'phExec']) {
        expectStatus(await download(key, d), 200);
        expectProblem(await upload(world, key, id, ag, 'viewer.txt', Buffer.from('x\n')), 403, 'forbidden');
      }
      for (const key of ['outsider', 'phBystander']) {
        expectProblem(await world.as(key).get(a.documents(ag)), 404, 'not-found');
        expectProblem(await download(key, d), 404, 'not-found');
        expectProblem(await upload(world, key, id, ag, 'outsider.txt', Buffer.from('x\n')), 404, 'not-found');
      }
      expectProblem(await world.anon().get(a.documents(ag)), 401, 'unauthenticated');
      expectProblem(await world.anon().get(a.content(ag, d)), 401, 'unauthenticated');
      expectProblem(await world.anon().request('POST', a.upload(ag, 'anon.txt'), { raw: Buffer.from('x\n'), contentType: 'text/plain' }), 401, 'unauthenticated');
      assert.deepEqual(await snapshot(), before);
    });

    it('a party-private agreement\'s documents: 404 to the other party (list, download, upload); the own party reads them', async () => {
      const secret = makePdf('Dorado walk-away price');
      const d = await uploadOk(world, 'phManager', id, priv, 'Dorado mandate.pdf', secret);
      const before = await snapshot();
      for (const key of ['nbManager', 'nbMember']) {
        expectProblem(await world.as(key).get(a.documents(priv)), 404, 'not-found');
        const res = await download(key, d, priv);
        expectProblem(res, 404, 'not-found');
        assert.ok(!res.bytes.includes(Buffer.from('Dorado')), 'no byte of the file');
        expectProblem(await upload(world, key, id, priv, 'probe.txt', Buffer.from('x\n')), 404, 'not-found');
        // the document id through an agreement the caller can read
        expectProblem(await download(key, d, ag), 404, 'not-found');
      }
      assert.deepEqual(await snapshot(), before);
      expectDownload(await download('phViewer', d, priv), { bytes: secret, type: 'application/pdf', name: 'Dorado mandate.pdf' });
      const nimbusAudit = JSON.stringify(await listAll(world.as('nbManager'), a.audit));
      assert.ok(!nimbusAudit.includes(d.sha256) && !nimbusAudit.includes('Dorado'), 'nothing of the upload in Nimbus\'s trail');
    });

    it('an unknown document or agreement → 404', async () => {
      expectProblem(await download('phManager', NO_SUCH_ID), 404, 'not-found');
      expectProblem(await world.as('phManager').get(a.documents(NO_SUCH_ID)), 404, 'not-found');
      expectProblem(await upload(world, 'phManager', id, NO_SUCH_ID, 'x.txt', Buffer.from('x\n')), 404, 'not-found');
    });
  });

  describe('refusals change nothing', () => {
    const pdf = makePdf('A real PDF');
    const docx = makeDocx('A real Word document');
    const xlsx = makeXlsx();
    const text = (s) => Buffer.from(s);
    const OCT = 'application/octet-stream';
    // [what, name, bytes, declared type, phrases]
    const CASES = [
      ['a PE executable named .pdf', 'contract.pdf', makePe(), OCT, [EXEC, MISMATCH]],
      ['a PE executable named .exe', 'setup.exe', makePe(), OCT, [EXEC]],
      ['PDF bytes named .exe', 'report.exe', pdf, OCT, [EXEC]],
      ['a text named .dll', 'helper.dll', text('hello\n'), OCT, [EXEC]],
      ['a text named .sh', 'install.sh', text('echo hello\n'), OCT, [EXEC]],
      ['a text named .bat', 'run.bat', text('echo hello\r\n'), OCT, [EXEC]],
      ['a text named .js', 'macro.js', text('console.log(1)\n'), OCT, [EXEC]],
      ['an .msi', 'setup.msi', makeOle2(), OCT, [EXEC]],
      ['a .jar', 'tool.jar', makeZip([['META-INF/MANIFEST.MF', 'Manifest-Version: 1.0\n']]), OCT, [EXEC]],
      ['an ELF executable named .pdf', 'tool.pdf', makeElf(), OCT, [EXEC]],
      ['an ELF executable named .txt', 'notes.txt', makeElf(), OCT, [EXEC]],
      ['a Mach-O executable named .docx', 'app.docx', makeMachO(), OCT, [EXEC]],
      ['a shell script named .txt', 'readme.txt', text('#!/bin/sh\nrm -rf "$HOME"\n'), OCT, [EXEC]],
      ['PDF bytes named .docx', 'terms.docx', pdf, OCT, [MISMATCH]],
      ['DOCX bytes declared application/pdf', 'terms.docx', docx, 'application/pdf', [MISMATCH]],
      ['DOCX bytes named .xlsx', 'budget.xlsx', docx, OCT, [MISMATCH]],
      ['XLSX bytes named .docx', 'letter.docx', xlsx, OCT, [MISMATCH]],
      ['PDF bytes declared text/plain', 'contract.pdf', pdf, 'text/plain', [MISMATCH]],
      ['text named .pdf', 'scan.pdf', text('This is not a PDF.\n'), OCT, [MISMATCH]],
      ['an OLE2 file named .pdf', 'legacy.pdf', makeOle2(), OCT, [MISMATCH]],
      ['a ZIP without office parts named .docx', 'fake.docx', makeZip([['readme.txt', 'hello']]), OCT, [MISMATCH, UNSUPPORTED]],
      ['a CSV with a NUL byte', 'data.csv', Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0x31, 0x2c, 0x00, 0x0a]), OCT, [MISMATCH, UNSUPPORTED]],
      ['a .txt that is not UTF-8', 'latin.txt', Buffer.from('caf\xe9 au lait\n', 'latin1'), OCT, [MISMATCH, UNSUPPORTED]],
      ['a PNG image', 'photo.png', makePng(), OCT, [UNSUPPORTED]],
      ['a plain ZIP', 'bundle.zip', makeZip([['readme.txt', 'hello']]), OCT, [UNSUPPORTED]],
      ['a file without an extension', 'README', text('hello\n'), OCT, [UNSUPPORTED]],
    ];
    for (const [what, name, bytes, type, phrases] of CASES) {
      it(`${what} → 422 (${phrases.join(' / ')}); nothing changes`, async () => {
        const before = await snapshot();
        const res = await upload(world, 'phMember', id, ag, name, bytes, { contentType: type });
        expectRefusal(res, 422, phrases);
        assert.deepEqual(await snapshot(), before);
      });
    }

    it('an empty file → 422; nothing changes', async () => {
      const before = await snapshot();
      for (const name of ['empty.pdf', 'empty.txt']) {
        expectProblem(await upload(world, 'phMember', id, ag, name, Buffer.alloc(0)), 422);
      }
      assert.deepEqual(await snapshot(), before);
    });

    it('no name → 400 or 422; nothing changes', async () => {
      const before = await snapshot();
      const res = await world.as('phMember').request('POST', a.documents(ag), { raw: makePdf(), contentType: 'application/pdf' });
      assert.ok([400, 422].includes(res.status), `${res.status} ${res.text.slice(0, 300)}`);
      expectProblem(res, res.status);
      assert.deepEqual(await snapshot(), before);
    });

    it(`exactly --upload-limit (${LIMIT}) bytes are accepted; one byte more → 413, nothing changes`, async () => {
      const atLimit = Buffer.alloc(LIMIT, 0x61);
      atLimit[LIMIT - 1] = 0x0a;
      const d = await uploadOk(world, 'phMember', id, ag, 'at-limit.txt', atLimit);
      assert.equal(d.size_bytes, LIMIT);
      const before = await snapshot();
      const over = Buffer.alloc(LIMIT + 1, 0x61);
      const res = await uploadRaw(world, 'phMember', id, ag, 'over-limit.txt', over, { expectContinue: true });
      expectProblem(res, 413, 'too-large');
      const pdfOver = Buffer.concat([makePdf(), Buffer.alloc(LIMIT, 0x20)]);
      expectProblem(await uploadRaw(world, 'phMember', id, ag, 'big.pdf', pdfOver, { contentType: 'application/pdf', expectContinue: true }), 413, 'too-large');
      assert.deepEqual(await snapshot(), before);
    });

    it('the server is still healthy afterwards', async () => {
      assert.equal((await world.anon().get('/healthz')).status, 200);
      expectStatus(await world.as('phManager').get(a.documents(ag)), 200);
    });
  });

  describe('the default upload limit is 10 MiB, not the 1 MiB JSON body limit', () => {
    let w2;
    let ag2;
    before(async () => {
      w2 = await buildWorld();
      ag2 = await createAgreement(w2, 'phManager', w2.alliance.id, { title: 'Large files agreement' });
    });
    after(async () => { await w2?.stop(); });

    it('2 MiB (over the 1 MiB JSON body limit) is accepted', async () => {
      const two = Buffer.concat([makePdf('Large scan'), Buffer.alloc(2 * MiB, 0x20)]);
      const d = await uploadOk(w2, 'phMember', w2.alliance.id, ag2, 'Large scan.pdf', two);
      assert.equal(d.size_bytes, two.length);
    });

    it('exactly 10 MiB is accepted and downloads whole', async () => {
      const ten = Buffer.alloc(10 * MiB, 0x62);
      const d10 = await uploadOk(w2, 'phMember', w2.alliance.id, ag2, 'ten.txt', ten);
      assert.equal(d10.size_bytes, 10 * MiB);
      assert.equal(d10.sha256, sha256(ten));
      const got = await w2.as('nbMember').get(agr(w2.alliance.id).content(ag2, d10));
      assert.equal(got.status, 200);
      assert.equal(got.bytes.length, 10 * MiB);
      assert.equal(sha256(got.bytes), d10.sha256);
    });

    it('10 MiB + 1 byte → 413 (asked with Expect: 100-continue); nothing is stored', async () => {
      const before = await listAll(w2.as('phMember'), agr(w2.alliance.id).documents(ag2));
      const res = await uploadRaw(w2, 'phMember', w2.alliance.id, ag2, 'eleven.txt', Buffer.alloc(10 * MiB + 1, 0x62), { expectContinue: true });
      expectProblem(res, 413, 'too-large');
      assert.deepEqual(await listAll(w2.as('phMember'), agr(w2.alliance.id).documents(ag2)), before);
    });

    it('an over-limit file sent in one go, as a browser sends it, gets the 413 answer — not a reset connection', async () => {
      const outcomes = [];
      for (let i = 0; i < 5; i++) {
        try {
          outcomes.push((await uploadRaw(w2, 'phMember', w2.alliance.id, ag2, 'eleven.txt', Buffer.alloc(11 * MiB, 0x62))).status);
        } catch (e) {
          outcomes.push(e.message);
        }
      }
      assert.deepEqual(outcomes, [413, 413, 413, 413, 413], 'the server must read (or drain) the body before closing, or the client never sees the 413');
    });
  });
});
