#!/usr/bin/env node
// Runs a command with a throwaway PostgreSQL cluster: NORTHSTAR_TEST_POSTGRES_URL names a fresh
// database in it. The cluster is stopped and deleted afterwards.
//   node tests/support/with-postgres.mjs -- ctest --test-dir build --output-on-failure
import { spawn } from 'node:child_process';
import { startCluster, createDatabase } from './pg.mjs';

const dash = process.argv.indexOf('--');
const command = process.argv.slice(dash >= 0 ? dash + 1 : 2);
if (command.length === 0) {
  console.error('usage: with-postgres.mjs -- COMMAND [ARGS...]');
  process.exit(2);
}
const cluster = await startCluster();
const stop = () => cluster.stop();
process.on('SIGINT', () => { stop(); process.exit(130); });
process.on('SIGTERM', () => { stop(); process.exit(143); });
createDatabase(cluster, 'northstar_unit');
const url = `postgresql://postgres@${cluster.host}:${cluster.port}/northstar_unit`;
const child = spawn(command[0], command.slice(1), {
  stdio: 'inherit',
  env: { ...process.env, NORTHSTAR_TEST_POSTGRES_URL: url },
});
child.on('exit', (code, signal) => {
  stop();
  process.exit(code ?? (signal ? 1 : 0));
});
