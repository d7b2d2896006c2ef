/**
 * The SQLite store (better-sqlite3, WAL): the embedded default. Reads run on the calling thread;
 * writes go to a worker thread (`sqlite-writer.js`) that group-commits them, many per transaction,
 * and answers each only after its transaction has committed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { COLUMNS } from './index.js';
import { loadMigrations, tooNewError } from './migrations.js';

/**
 * @typedef {import('./index.js').Feedback} Feedback
 * @typedef {import('./index.js').UpsertResult} UpsertResult
 * @typedef {import('./index.js').Row} Row
 * @typedef {Omit<Row, 'reasons'> & {reasons: string}} StoredRow
 */

/**
 * Opens (and creates or migrates) an SQLite feedback file.
 * @param {string} file absolute path
 * @returns {Promise<import('./index.js').FeedbackStore>}
 */
export async function openSqliteStore(file) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  try {
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  const writer = await startWriter(file);

  const countsStatement = db.prepare(
    'SELECT scale, rating, COUNT(*) AS count FROM feedback WHERE article_id = ? GROUP BY scale, rating',
  );
  const listAll = db.prepare(`SELECT ${COLUMNS.join(', ')} FROM feedback ORDER BY updated_at, submission_id`);
  const listArticle = db.prepare(
    `SELECT ${COLUMNS.join(', ')} FROM feedback WHERE article_id = ? ORDER BY updated_at, submission_id`,
  );
  const getOne = db.prepare(`SELECT ${COLUMNS.join(', ')} FROM feedback WHERE submission_id = ?`);

  /** @param {StoredRow} row @returns {Row} */
  const decode = (row) => ({ ...row, reasons: JSON.parse(row.reasons) });
  let closed = false;
  const open = () => {
    if (closed) throw new Error('The feedback store is closed.');
    if (writer.failure) throw writer.failure;
  };

  return {
    kind: 'sqlite',
    async upsert(feedback) {
      open();
      return /** @type {Promise<UpsertResult>} */ (writer.send({ type: 'upsert', feedback }));
    },
    async ratingCounts(articleId) {
      open();
      return /** @type {import('./index.js').RatingCount[]} */ (countsStatement.all(articleId));
    },
    async list(articleId) {
      open();
      const rows = /** @type {StoredRow[]} */ (articleId ? listArticle.all(articleId) : listAll.all());
      return rows.map(decode);
    },
    async get(submissionId) {
      open();
      const row = /** @type {StoredRow | undefined} */ (getOne.get(submissionId));
      return row && decode(row);
    },
    async deleteCommentsBefore(before) {
      open();
      return /** @type {Promise<number>} */ (writer.send({ type: 'prune', before: before.toISOString() }));
    },
    async ping() {
      open();
      db.prepare('SELECT 1').get();
    },
    async close() {
      if (closed) return;
      closed = true;
      // The writer commits what it was sent, checkpoints and closes; then this connection goes.
      await writer.close();
      db.close();
    },
  };
}

/**
 * Starts the writer thread once its connection is open; `send` resolves with a write's result once committed.
 * @param {string} file
 */
async function startWriter(file) {
  const worker = new Worker(new URL('./sqlite-writer.js', import.meta.url), { workerData: { file } });
  /** @type {Map<number, {resolve: (value: unknown) => void, reject: (error: Error) => void}>} */
  const pending = new Map();
  let nextId = 1;
  const state = {
    /** @type {Error | null} */
    failure: null,
    /**
     * @param {Record<string, unknown>} request
     * @returns {Promise<unknown>}
     */
    send(request) {
      const id = nextId;
      nextId += 1;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ ...request, id });
      });
    },
    /** Resolves once the writer has committed everything it was sent and closed its connection. */
    async close() {
      if (state.failure) return;
      await state.send({ type: 'close' });
      await worker.terminate();
    },
  };

  worker.on('message', (/** @type {{type: string, results: ({id: number, result: unknown} | {id: number, error: string})[]}} */ message) => {
    if (message.type !== 'done') return;
    for (const answer of message.results) {
      const waiting = pending.get(answer.id);
      pending.delete(answer.id);
      if ('error' in answer) waiting?.reject(new Error(answer.error));
      else waiting?.resolve(answer.result);
    }
  });
  /** @param {Error} error */
  const fail = (error) => {
    state.failure ??= new Error(`The SQLite writer stopped: ${error.message}`);
    for (const { reject } of pending.values()) reject(/** @type {Error} */ (state.failure));
    pending.clear();
  };
  worker.on('error', fail);
  worker.on('exit', () => fail(new Error('it exited')));
  // A writer that cannot open the file fails the start, not the first request.
  await new Promise((resolve, reject) => {
    worker.on('message', (/** @type {{type: string}} */ message) => message.type === 'ready' && resolve(undefined));
    worker.once('error', reject);
  });
  return state;
}

/**
 * Copies a live SQLite feedback file with SQLite's online backup API: consistent even while a
 * collector writes to it (a file copy could miss what is still in the WAL, or tear a page).
 * Writes to a temporary file beside `destination` and renames it, so `destination` is never half written.
 * @param {string} source
 * @param {string} destination
 * @returns {Promise<{pages: number}>}
 */
export async function backupSqliteFile(source, destination) {
  const db = new Database(source, { fileMustExist: true });
  const temporary = `${destination}.partial-${process.pid}`;
  try {
    const { totalPages } = await db.backup(temporary);
    fs.renameSync(temporary, destination);
    return { pages: totalPages };
  } finally {
    db.close();
    fs.rmSync(temporary, { force: true });
  }
}

/** @param {import('better-sqlite3').Database} db */
function migrate(db) {
  const migrations = loadMigrations('sqlite');
  const version = /** @type {number} */ (db.pragma('user_version', { simple: true }));
  if (version > migrations.length) throw tooNewError(version, migrations.length);
  for (const migration of migrations.slice(version)) {
    // IMMEDIATE takes the write lock first, so two processes opening one new file do not both migrate it.
    db.transaction(() => {
      if (/** @type {number} */ (db.pragma('user_version', { simple: true })) >= migration.version) return;
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}
