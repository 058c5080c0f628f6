#!/usr/bin/env node
// Compresses the built web app once, at build time: beside every text file of dist/ worth it
// (over 1 KiB) go `<file>.br` (Brotli, quality 11) and `<file>.gz` (gzip -9), kept only when
// smaller. The server sends one of them to a browser that accepts it (Accept-Encoding), with
// Content-Encoding and Vary — no compression work per request.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', process.argv[2] ?? 'dist');
const TEXT = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg', '.txt', '.webmanifest', '.yaml', '.xml']);
const MIN_BYTES = 1024;

function* files(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (TEXT.has(path.extname(entry.name))) yield full;
  }
}

let before = 0;
let brotli = 0;
let count = 0;
for (const file of files(dist)) {
  const data = fs.readFileSync(file);
  if (data.length < MIN_BYTES) continue;
  const br = zlib.brotliCompressSync(data, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
    },
  });
  const gz = zlib.gzipSync(data, { level: 9 });
  for (const [suffix, body] of [['.br', br], ['.gz', gz]]) {
    if (body.length < data.length) fs.writeFileSync(file + suffix, body);
    else fs.rmSync(file + suffix, { force: true });
  }
  before += data.length;
  brotli += Math.min(br.length, data.length);
  count += 1;
}
const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;
console.log(`compress-assets: ${count} files, ${kib(before)} → ${kib(brotli)} with Brotli`);
