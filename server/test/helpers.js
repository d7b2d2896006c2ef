/**
 * Shared helpers for the collector tests: valid bodies, a POST helper and a child-process launcher.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { startServer } from '../start.js';
import { createDatabase, withClient } from './support/postgres.js';

/** The collector package folder. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ENTRY = path.join(PACKAGE_ROOT, 'bin/help-feedback-collector.js');

/**
 * A body the collector accepts; override any field (with any value: tests send invalid ones too).
 * @param {Record<string, unknown>} [overrides]
 * @returns {import('../contract.js').Feedback & {elapsedMs: number} & Record<string, any>}
 */
export function validBody(overrides = {}) {
  return /** @type {any} */ ({
    submissionId: crypto.randomUUID(),
    revision: 1,
    articleId: 'versandte-email-nicht-im-postfach',
    rating: 4,
    scale: 'stars',
    reasons: ['outdated'],
    comment: 'Der Abschnitt zu IMAP fehlt.',
    locale: 'de-DE',
    page: '/hilfe/e-mail/versandte-email-nicht-im-postfach',
    elapsedMs: 12000,
    ...overrides,
  });
}

/**
 * POSTs a body the way the browser client does (JSON as text/plain).
 * @param {string} url server base URL
 * @param {unknown} body object (serialized) or raw string
 * @param {Record<string, string>} [headers]
 * @returns {Promise<{status: number, headers: Headers, json: any}>}
 */
export async function postFeedback(url, body, headers = {}) {
  const response = await fetch(`${url}/api/feedback`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain;charset=UTF-8', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, json: await readJson(response) };
}

/** The stores every store-dependent test runs against. */
export const STORE_KINDS = /** @type {const} */ (['sqlite', 'postgres']);

/**
 * @typedef {object} StoreFixture
 * @property {'sqlite' | 'postgres'} kind
 * @property {string} db the FEEDBACK_DB value
 * @property {(submissionId: string) => Promise<Record<string, unknown>[]>} rawRows the table's rows of one submission, read past the collector
 * @property {() => Promise<number>} rowCount
 * @property {(submissionId: string, days: number) => Promise<void>} age sets a submission's times `days` days into the past
 * @property {() => void} remove
 */

/**
 * A fresh, empty store of `kind`: an SQLite file in a temp folder, or a new database in the run's
 * PostgreSQL cluster. Its raw readers open their own connection, so they check what is really stored.
 * @param {'sqlite' | 'postgres'} kind
 * @returns {Promise<StoreFixture>}
 */
export async function freshStore(kind) {
  if (kind === 'sqlite') {
    const { dir, remove } = tempDir();
    const file = path.join(dir, 'feedback.sqlite');
    const withDb = (/** @type {(db: import('better-sqlite3').Database) => any} */ fn) => {
      const db = new Database(file);
      try {
        return fn(db);
      } finally {
        db.close();
      }
    };
    return {
      kind,
      db: file,
      rawRows: async (id) => withDb((db) => db.prepare('SELECT * FROM feedback WHERE submission_id = ?').all(id.toLowerCase())),
      rowCount: async () => withDb((db) => db.prepare('SELECT COUNT(*) FROM feedback').pluck().get()),
      age: async (id, days) =>
        withDb((db) => {
          const then = new Date(Date.now() - days * 86_400_000).toISOString();
          db.prepare('UPDATE feedback SET created_at = ?, updated_at = ? WHERE submission_id = ?').run(then, then, id.toLowerCase());
        }),
      remove,
    };
  }
  const url = await createDatabase();
  const query = (/** @type {string} */ sql, /** @type {unknown[]} */ params = []) =>
    withClient(url, (client) => client.query(sql, params)).then((result) => result.rows);
  return {
    kind,
    db: url,
    rawRows: (id) => query('SELECT * FROM feedback WHERE submission_id = $1', [id.toLowerCase()]),
    rowCount: async () => Number((await query('SELECT COUNT(*) AS n FROM feedback'))[0].n),
    age: async (id, days) => {
      await query(
        "UPDATE feedback SET created_at = now() - make_interval(days => $1), updated_at = now() - make_interval(days => $1) WHERE submission_id = $2",
        [days, id.toLowerCase()],
      );
    },
    remove: () => {},
  };
}

/**
 * A collector on a fresh store of `kind`; `close()` also removes the store.
 * @param {'sqlite' | 'postgres'} kind
 * @param {Parameters<typeof startServer>[0]} [options]
 */
export async function startOn(kind, options = {}) {
  const fixture = await freshStore(kind);
  const server = await startServer({ ...options, db: fixture.db });
  return {
    ...server,
    fixture,
    async close() {
      await server.close();
      fixture.remove();
    },
  };
}

/**
 * A response's JSON body, untyped as the tests read it.
 * @param {Response} response
 * @returns {Promise<any>}
 */
export async function readJson(response) {
  return response.json();
}

/** A fresh temp folder, removed by the returned function. */
export function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'feedback-test-'));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Spawns the collector's bin with only the given environment (plus PATH).
 * `ready` resolves with the URL once the start line is printed, or rejects on early exit.
 * @param {Record<string, string>} env
 */
export function spawnServer(env) {
  const child = spawn(process.execPath, [ENTRY], {
    cwd: PACKAGE_ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  /** @type {Promise<string>} */
  const ready = new Promise((resolve, reject) => {
    child.stdout.on('data', () => {
      const match = /listening on (http:\/\/\S+)/.exec(stdout);
      if (match) resolve(match[1]);
    });
    exited.then(() => reject(new Error(`server exited early: ${stderr || stdout}`)));
  });
  // Tests that expect an early exit await `exited` only.
  ready.catch(() => {});
  /** Resolves when stdout contains `text`. */
  const waitForOutput = (/** @type {string} */ text) =>
    new Promise((resolve) => {
      const check = () => {
        if (stdout.includes(text)) {
          child.stdout.off('data', check);
          resolve(undefined);
        }
      };
      child.stdout.on('data', check);
      check();
    });
  return {
    child,
    ready,
    /** @type {Promise<{code: number | null, signal: string | null, stdout: string, stderr: string}>} */
    exited: /** @type {any} */ (exited),
    waitForOutput,
  };
}
