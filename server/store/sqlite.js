/**
 * The SQLite store (better-sqlite3, WAL): the embedded default. Upserts are group-committed, many
 * per transaction; each resolves only after its transaction has committed.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { groupCommit } from './group-commit.js';
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
 * @param {string} file absolute path, or `:memory:`
 * @returns {import('./index.js').FeedbackStore}
 */
export function openSqliteStore(file) {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode survives a crashed process; only a power cut may lose the last commits.
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  migrate(db);

  const lookup = db.prepare('SELECT revision, article_id FROM feedback WHERE submission_id = ?');
  const upsertStatement = db.prepare(`
    INSERT INTO feedback (submission_id, revision, article_id, rating, scale, reasons, comment, locale, page,
                          created_at, updated_at)
    VALUES (@submissionId, @revision, @articleId, @rating, @scale, @reasons, @comment, @locale, @page, @now, @now)
    ON CONFLICT (submission_id) DO UPDATE SET
      revision = excluded.revision, rating = excluded.rating, scale = excluded.scale, reasons = excluded.reasons,
      comment = excluded.comment, locale = excluded.locale, page = excluded.page, updated_at = excluded.updated_at
    WHERE excluded.revision > feedback.revision AND excluded.article_id = feedback.article_id`);
  const countsStatement = db.prepare(
    'SELECT scale, rating, COUNT(*) AS count FROM feedback WHERE article_id = ? GROUP BY scale, rating',
  );
  const listAll = db.prepare(`SELECT ${COLUMNS.join(', ')} FROM feedback ORDER BY updated_at, submission_id`);
  const listArticle = db.prepare(
    `SELECT ${COLUMNS.join(', ')} FROM feedback WHERE article_id = ? ORDER BY updated_at, submission_id`,
  );
  const getOne = db.prepare(`SELECT ${COLUMNS.join(', ')} FROM feedback WHERE submission_id = ?`);
  const pruneComments = db.prepare('UPDATE feedback SET comment = NULL WHERE comment IS NOT NULL AND updated_at < ?');

  /**
   * One upsert inside the batch's IMMEDIATE transaction: no other writer runs in between, so what
   * `lookup` reads is what the upsert sees.
   * @param {Feedback} feedback
   * @param {string} now
   * @returns {UpsertResult}
   */
  const upsertOne = (feedback, now) => {
    const before = /** @type {{revision: number, article_id: string} | undefined} */ (lookup.get(feedback.submissionId));
    if (before && before.article_id !== feedback.articleId) {
      return { status: 'conflict', revision: before.revision, articleId: before.article_id };
    }
    const { changes } = upsertStatement.run({ ...feedback, reasons: JSON.stringify(feedback.reasons), now });
    if (!before) return { status: 'created', revision: feedback.revision };
    return changes === 1 ? { status: 'updated', revision: feedback.revision } : { status: 'unchanged', revision: before.revision };
  };
  const commitBatch = db.transaction((/** @type {Feedback[]} */ items) => {
    const now = new Date().toISOString();
    return items.map((feedback) => upsertOne(feedback, now));
  });
  const writes = groupCommit((/** @type {Feedback[]} */ items) => commitBatch.immediate(items));

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
      return pruneComments.run(before.toISOString()).changes;
    },
    async ping() {
      open();
      db.prepare('SELECT 1').get();
    },
    async close() {
      if (closed) return;
      closed = true;
      await writes.drain();
      // Folds the WAL into the main file, so the file alone is complete after a clean stop.
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
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
