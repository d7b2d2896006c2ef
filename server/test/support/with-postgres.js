#!/usr/bin/env node
/**
 * Runs a command with one throwaway PostgreSQL cluster for the whole run:
 *
 *   node server/test/support/with-postgres.js node --test server/test/**\/*.test.js
 *   node server/test/support/with-postgres.js --check   # are the binaries there?
 *
 * Starts the cluster (failing at once, with the install command, when PostgreSQL is missing),
 * passes its address in HELP_FEEDBACK_TEST_PG, and stops it when the command ends, fails or is
 * interrupted. Exits with the command's exit code.
 */
import { spawn } from 'node:child_process';
import { CLUSTER_ENV, findPostgresBin, startCluster } from './postgres.js';

const [command, ...args] = process.argv.slice(2);
if (command === '--check') {
  // Only looks for the binaries, so a run can stop before anything else when they are missing.
  try {
    process.stdout.write(`PostgreSQL binaries: ${findPostgresBin()}\n`);
    process.exit(0);
  } catch (error) {
    process.stderr.write(`${/** @type {Error} */ (error).message}\n`);
    process.exit(1);
  }
}
if (!command) {
  process.stderr.write('Usage: node with-postgres.js <command> [args…]\n');
  process.exit(2);
}

let cluster;
try {
  cluster = startCluster();
} catch (error) {
  process.stderr.write(`${/** @type {Error} */ (error).message}\n`);
  process.exit(1);
}
process.once('exit', () => cluster.stop());

const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, [CLUSTER_ENV]: cluster.adminUrl } });
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
  process.on(signal, () => child.kill(signal));
}
child.on('error', (error) => {
  process.stderr.write(`Could not run ${command}: ${error.message}\n`);
  process.exit(1);
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
