/**
 * The SQLite store (better-sqlite3, WAL): the embedded default. Upserts are group-committed, many
 * per transaction; each resolves only after its transaction has committed. Checkpoints (the only
 * step that waits for the disk) run in a worker thread, `sqlite-checkpointer.js`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { groupCommit } from './group-commit.js';
import { COLUMNS } from './index.js';
import { loadMigrations, tooNewError } from './migrations.js';
import { combineReport, commentsQueries, decodeLanguages, decodeReasons, languagesQuery, reasonsQuery, reportQueries } from './report-queries.js';

/**
 * @typedef {import('./index.js').Feedback} Feedback
 * @typedef {import('./index.js').UpsertResult} UpsertResult
 * @typedef {import('./index.js').Row} Row
 * @typedef {Omit<Row, 'reasons'> & {reasons: string}} StoredRow
 */

/** Rows per step of comment retention: each step is one short write between requests. */
const PRUNE_STEP_ROWS = 5000;

/**
 * Opens (and creates or migrates) an SQLite feedback file.
 * @param {string} file absolute path
 * @returns {Promise<import('./index.js').FeedbackStore>}
 */
export async function openSqliteStore(file) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode survives a crashed process; only a power cut may lose the last commits.
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  const checkpointer = await startCheckpointer(file, db);

  const insertNew = db.prepare(`
    INSERT INTO feedback (submission_id, revision, article_id, rating, scale, reasons, comment, locale, page,
                          created_at, updated_at)
    VALUES (@submissionId, @revision, @articleId, @rating, @scale, @reasons, @comment, @locale, @page, @now, @now)
    ON CONFLICT (submission_id) DO NOTHING`);
  const lookup = db.prepare('SELECT revision, article_id FROM feedback WHERE submission_id = ?');
  const replace = db.prepare(`
    UPDATE feedback SET revision = @revision, rating = @rating, scale = @scale, reasons = @reasons, comment = @comment,
                        locale = @locale, page = @page, updated_at = @now, status = 'open'
    WHERE submission_id = @submissionId AND revision < @revision AND article_id = @articleId`);
  const countsStatement = db.prepare(
    'SELECT scale, rating, COUNT(*) AS count FROM feedback WHERE article_id = ? GROUP BY scale, rating',
  );
  const listAll = db.prepare(`SELECT ${COLUMNS.join(', ')} FROM feedback ORDER BY updated_at, submission_id`);
  const listArticle = db.prepare(
    `SELECT ${COLUMNS.join(', ')} FROM feedback WHERE article_id = ? ORDER BY updated_at, submission_id`,
  );
  const getOne = db.prepare(`SELECT ${COLUMNS.join(', ')} FROM feedback WHERE submission_id = ?`);
  const lastRowid = db.prepare('SELECT COALESCE(MAX(rowid), 0) FROM feedback').pluck();
  const pruneStep = db.prepare(
    'UPDATE feedback SET comment = NULL WHERE rowid > ? AND rowid <= ? AND comment IS NOT NULL AND updated_at < ?',
  );

  /**
   * One upsert inside the batch's IMMEDIATE transaction: no other writer runs in between. A new
   * submission (the common case) is one statement; a known one is read first to tell a newer
   * revision from an older one, or from a move to another article.
   * @param {Feedback} feedback
   * @param {string} now
   * @returns {UpsertResult}
   */
  const upsertOne = (feedback, now) => {
    const params = { ...feedback, reasons: JSON.stringify(feedback.reasons), now };
    if (insertNew.run(params).changes === 1) return { status: 'created', revision: feedback.revision };
    const before = /** @type {{revision: number, article_id: string}} */ (lookup.get(feedback.submissionId));
    if (before.article_id !== feedback.articleId) {
      return { status: 'conflict', revision: before.revision, articleId: before.article_id };
    }
    return replace.run(params).changes === 1
      ? { status: 'updated', revision: feedback.revision }
      : { status: 'unchanged', revision: before.revision };
  };
  const commitBatch = db.transaction((/** @type {Feedback[]} */ items) => {
    const now = new Date().toISOString();
    return items.map((feedback) => upsertOne(feedback, now));
  });
  const writes = groupCommit((/** @type {Feedback[]} */ items) => commitBatch.immediate(items));

  const setStatusStatement = db.prepare('UPDATE feedback SET status = ? WHERE submission_id = ?');
  const removeStatement = db.prepare('DELETE FROM feedback WHERE submission_id = ?');
  const insertSession = db.prepare('INSERT INTO admin_sessions (id_hash, token_fingerprint, expires_at) VALUES (?, ?, ?)');
  const pruneSessions = db.prepare('DELETE FROM admin_sessions WHERE expires_at <= ?');
  const findSessionStatement = db.prepare('SELECT token_fingerprint, expires_at FROM admin_sessions WHERE id_hash = ?');
  const deleteSessionStatement = db.prepare('DELETE FROM admin_sessions WHERE id_hash = ?');
  /** Report statements vary with the filter; each text is prepared once and kept. */
  const statements = new Map();
  const all = (/** @type {{text: string, values: unknown}} */ query) => {
    let statement = statements.get(query.text);
    if (!statement) {
      statement = db.prepare(query.text);
      if (statements.size < 200) statements.set(query.text, statement);
    }
    return /** @type {Record<string, any>[]} */ (statement.all(query.values));
  };
  // Status changes and erasures are single statements outside the group commit: each is committed
  // (in the WAL, which survives a killed process) before it returns.

  /** @param {StoredRow} row @returns {Row} */
  const decode = (row) => ({ ...row, reasons: JSON.parse(row.reasons) });
  let closed = false;
  const open = () => {
    if (closed) throw new Error('The feedback store is closed.');
  };

  return {
    kind: 'sqlite',
    async upsert(feedback) {
      open();
      return writes.push(feedback);
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
      // In steps of rowids, each a short statement with requests served in between, so a large
      // table never holds the event loop (and no index on the age has to be kept up by every write).
      const cutoff = before.toISOString();
      const last = /** @type {number} */ (lastRowid.get());
      let deleted = 0;
      for (let from = 0; from < last && !closed; from += PRUNE_STEP_ROWS) {
        deleted += pruneStep.run(from, from + PRUNE_STEP_ROWS, cutoff).changes;
        await new Promise((resolve) => setImmediate(resolve));
      }
      return deleted;
    },
    async report(filter, articleId) {
      open();
      const queries = reportQueries('sqlite', filter, articleId);
      return combineReport(all(queries.ratings), all(queries.weeks), filter);
    },
    async reasons(filter, articleId) {
      open();
      return decodeReasons(all(reasonsQuery('sqlite', filter, articleId)));
    },
    async comments(filter, articleId, query) {
      open();
      const queries = commentsQueries('sqlite', filter, articleId, query, `${COLUMNS.join(', ')}, status`);
      const rows = /** @type {(StoredRow & {status: 'open' | 'done'})[]} */ (all(queries.page));
      return { total: Number(all(queries.total)[0].total), rows: rows.map((row) => ({ ...decode(row), status: row.status })) };
    },
    async languages() {
      open();
      return decodeLanguages(all(languagesQuery('sqlite')));
    },
    async setStatus(submissionId, status) {
      open();
      return setStatusStatement.run(status, submissionId).changes === 1;
    },
    async remove(submissionId) {
      open();
      return removeStatement.run(submissionId).changes === 1;
    },
    async createSession({ idHash, fingerprint, expiresAt }) {
      open();
      db.transaction(() => {
        pruneSessions.run(new Date().toISOString());
        insertSession.run(idHash, fingerprint, expiresAt.toISOString());
      }).immediate();
    },
    async findSession(idHash) {
      open();
      const row = /** @type {{token_fingerprint: string, expires_at: string} | undefined} */ (findSessionStatement.get(idHash));
      return row && { fingerprint: row.token_fingerprint, expiresAt: new Date(row.expires_at) };
    },
    async deleteSession(idHash) {
      open();
      deleteSessionStatement.run(idHash);
    },
    async ping() {
      open();
      db.prepare('SELECT 1').get();
    },
    async close() {
      if (closed) return;
      closed = true;
      await writes.drain();
      await checkpointer.stop();
      // Folds the WAL into the main file, so the file alone is complete after a clean stop.
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
  };
}

/**
 * Hands checkpoints to a worker thread. Should it fail, SQLite's automatic checkpoints (on the
 * writing thread) take over again, so the WAL never grows without bound.
 * @param {string} file
 * @param {import('better-sqlite3').Database} db
 */
async function startCheckpointer(file, db) {
  const worker = new Worker(new URL('./sqlite-checkpointer.js', import.meta.url), { workerData: { file, intervalMs: 250 } });
  await new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  db.pragma('wal_autocheckpoint = 0');
  let running = true;
  worker.on('error', () => {
    if (running && db.open) db.pragma('wal_autocheckpoint = 1000');
    running = false;
  });
  return {
    async stop() {
      if (!running) return;
      running = false;
      const stopped = new Promise((resolve) => worker.once('message', resolve));
      worker.postMessage('stop');
      await stopped;
      await worker.terminate();
    },
  };
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
