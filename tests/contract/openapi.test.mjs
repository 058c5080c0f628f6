// The router and docs/openapi.yaml must describe the same API: every route the server serves is
// documented, and every documented operation is served. docs/openapi.yaml is the bundle of the
// parts under docs/openapi/ (`make openapi`); these tests check that it is the bundle of the parts
// as they are now, and that the document the server serves at /api/v1/openapi.yaml is that bundle.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = process.env.NORTHSTAR_BIN ?? resolve(root, 'build', 'northstar');
const methods = ['get', 'post', 'put', 'patch', 'delete'];

function documentedOperations(doc) {
  const out = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const m of methods) if (item[m]) out.push(`${m.toUpperCase()} ${path}`);
  }
  return out.sort();
}

test('docs/openapi.yaml is the bundle of the parts under docs/openapi/, and each part is used', () => {
  const parts = resolve(root, 'docs', 'openapi');
  const redocly = resolve(parts, 'node_modules', '.bin', 'redocly');
  assert.ok(existsSync(redocly), 'Redocly CLI is not installed: run `make openapi`');
  const dir = mkdtempSync(join(tmpdir(), 'northstar-openapi-'));
  try {
    execFileSync(redocly, ['bundle', 'openapi.yaml', '-o', join(dir, 'openapi.yaml')], {
      cwd: parts,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      stdio: 'pipe',
    });
    const fresh = YAML.parse(readFileSync(join(dir, 'openapi.yaml'), 'utf8'));
    const committed = YAML.parse(readFileSync(resolve(root, 'docs', 'openapi.yaml'), 'utf8'));
    assert.deepEqual(committed, fresh, 'docs/openapi.yaml is stale: run `make openapi`');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // Every part is reached from the root: a module's file that nothing points to would be left out
  // of the bundle without a word.
  const text = readdirSync(parts).filter((f) => f.endsWith('.yaml')).map((f) => readFileSync(join(parts, f), 'utf8')).join('\n');
  for (const file of readdirSync(parts).filter((f) => f.endsWith('.yaml') && f !== 'openapi.yaml')) {
    assert.ok(text.includes(`./${file}#`), `docs/openapi/${file} is not referred to from any part`);
  }
});

test('every served route is documented and every documented route is served', () => {
  const served = execFileSync(bin, ['routes'], { encoding: 'utf8' }).trim().split('\n').sort();
  const doc = YAML.parse(readFileSync(resolve(root, 'docs', 'openapi.yaml'), 'utf8'));
  const documented = documentedOperations(doc);
  assert.deepEqual(served.filter((r) => !documented.includes(r)), [], 'served but not documented');
  assert.deepEqual(documented.filter((r) => !served.includes(r)), [], 'documented but not served');
});

test('the document is OpenAPI 3.1 with an operationId and responses for every operation', () => {
  const doc = YAML.parse(readFileSync(resolve(root, 'docs', 'openapi.yaml'), 'utf8'));
  assert.match(doc.openapi, /^3\.1\./);
  const ids = new Set();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const m of methods) {
      if (!item[m]) continue;
      assert.ok(item[m].operationId, `${m} ${path} has no operationId`);
      assert.ok(!ids.has(item[m].operationId), `duplicate operationId ${item[m].operationId}`);
      ids.add(item[m].operationId);
      assert.ok(Object.keys(item[m].responses ?? {}).length > 0, `${m} ${path} has no responses`);
      for (const param of path.matchAll(/\{(\w+)\}/g)) {
        const declared = [...(item.parameters ?? []), ...(item[m].parameters ?? [])].some(
          (p) => (p.$ref ?? '').endsWith(`/${param[1]}`) || p.name === param[1] ||
            (p.$ref && resolveRef(doc, p.$ref)?.name === param[1]));
        assert.ok(declared, `${m} ${path} does not declare path parameter ${param[1]}`);
      }
    }
  }
});

function resolveRef(doc, ref) {
  return ref.replace(/^#\//, '').split('/').reduce((node, key) => node?.[key], doc);
}
