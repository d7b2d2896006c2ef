/**
 * A real, throwaway PostgreSQL cluster for the collector's tests: `initdb` in a temp folder, a
 * server that listens only on a Unix socket in that folder (no port to clash with anything else on
 * the machine), stopped and deleted at the end.
 *
 * One cluster serves a whole test run: `with-postgres.js` starts it and passes its address to the
 * tests in HELP_FEEDBACK_TEST_PG. A test file run on its own starts a cluster for itself.
 * Each suite gets a fresh database in it (`createDatabase()`).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** The one command that installs what these tests need on Debian or Ubuntu. */
export const INSTALL_COMMAND = 'apt-get install -y postgresql';

/** The variable that hands a running cluster's admin URL to the test processes. */
export const CLUSTER_ENV = 'HELP_FEEDBACK_TEST_PG';

/**
 * The folder with `initdb` and `pg_ctl`: `PG_BIN`, else the newest /usr/lib/postgresql/<version>/bin.
 * Throws, naming the install command, when there is none: the PostgreSQL half of the suite must
 * never be skipped silently.
 */
export function findPostgresBin() {
  const candidates = process.env.PG_BIN
    ? [process.env.PG_BIN]
    : listVersions('/usr/lib/postgresql').map((version) => `/usr/lib/postgresql/${version}/bin`);
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'pg_ctl')));
  if (!found) {
    throw new Error(
      `PostgreSQL server binaries (initdb, pg_ctl) not found${process.env.PG_BIN ? ` in PG_BIN=${process.env.PG_BIN}` : ' in /usr/lib/postgresql/*/bin'}. ` +
        `The collector's tests run against a real PostgreSQL; install it with: ${INSTALL_COMMAND}`,
    );
  }
  return found;
}

/** @param {string} dir */
function listVersions(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
}

/**
 * @typedef {object} Cluster
 * @property {string} adminUrl URL of the `postgres` database, as the superuser
 * @property {string} socketDir
 * @property {() => void} stop stops the server and deletes its folder; synchronous, so it also works in an exit handler
 */

/**
 * Creates and starts a cluster. As root, the server runs as the `postgres` user (it refuses root).
 * @param {{durable?: boolean}} [options] `durable`: fsync on, as in production (benchmarks); tests run without it
 * @returns {Cluster}
 */
export function startCluster({ durable = false } = {}) {
  const bin = findPostgresBin();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'feedback-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    fs.chownSync(dir, uid, gid);
  }
  const run = (/** @type {string} */ program, /** @type {string[]} */ args) => {
    const [command, commandArgs] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', path.join(bin, program), ...args]]
      : [path.join(bin, program), args];
    const result = spawnSync(command, commandArgs, { encoding: 'utf8', cwd: dir });
    if (result.status !== 0) {
      throw new Error(`${program} failed (${result.status ?? result.signal}): ${result.stderr || result.stdout}`);
    }
  };
  const data = path.join(dir, 'data');
  let started = false;
  const stop = () => {
    if (started) {
      started = false;
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // Already gone; the folder is removed either way.
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync', '--no-instructions']);
    // Tests kill collectors, never the database server, so fsync=off loses nothing they check and
    // spares the shared machine's disk.
    const options = `-k ${dir} -c listen_addresses= -c fsync=${durable ? 'on' : 'off'} -c max_connections=300`;
    run('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', '-o', options, 'start']);
    started = true;
  } catch (error) {
    stop();
    throw error;
  }
  return { adminUrl: socketUrl(dir, 'postgres'), socketDir: dir, stop };
}

/**
 * A URL for a database of the cluster behind `socketDir`.
 * @param {string} socketDir
 * @param {string} database
 */
export function socketUrl(socketDir, database) {
  return `postgresql://postgres@${encodeURIComponent(socketDir)}/${database}`;
}

/** @type {Cluster | null} */
let ownCluster = null;

/**
 * The cluster of this test run (HELP_FEEDBACK_TEST_PG), or one started for this process and
 * stopped when it exits.
 * @returns {string} the admin URL
 */
export function clusterAdminUrl() {
  if (process.env[CLUSTER_ENV]) return process.env[CLUSTER_ENV];
  if (!ownCluster) {
    ownCluster = startCluster();
    process.once('exit', () => ownCluster?.stop());
  }
  return ownCluster.adminUrl;
}

/**
 * A fresh, empty database in the run's cluster.
 * @returns {Promise<string>} its URL
 */
export async function createDatabase() {
  const adminUrl = clusterAdminUrl();
  const name = `feedback_${crypto.randomBytes(6).toString('hex')}`;
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  return adminUrl.replace(/\/postgres$/, `/${name}`);
}

/**
 * Runs `fn` with a connected client and closes it.
 * @template T
 * @param {string} url
 * @param {(client: pg.Client) => Promise<T>} fn
 * @returns {Promise<T>}
 */
export async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
