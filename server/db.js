/**
 * The feedback store: opens the SQLite file, migrates its schema and exposes the few
 * statements the routes need. Nothing about HTTP lives here.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SCALES } from './contract.js';

/**
 * Schema migrations; entry `i` upgrades `PRAGMA user_version` from `i` to `i + 1`.
 * Append only: never edit a migration that has shipped.
 */
const MIGRATIONS = [
  `CREATE TABLE feedback (
     submission_id TEXT PRIMARY KEY,
     revision      INTEGER NOT NULL CHECK (revision >= 1),
     article_id    TEXT NOT NULL,
     rating        INTEGER NOT NULL,
     scale         TEXT NOT NULL CHECK (scale IN ('stars', 'thumbs', 'faces')),
     reasons       TEXT NOT NULL DEFAULT '[]',
     comment       TEXT,
     locale        TEXT NOT NULL,
     page          TEXT NOT NULL,
     created_at    TEXT NOT NULL,
     updated_at    TEXT NOT NULL
   );
   CREATE INDEX feedback_article ON feedback (article_id, updated_at);`,
];

/** Columns in export order (the CSV header uses these names). */
export const COLUMNS = Object.freeze([
  'submission_id',
  'revision',
  'article_id',
  'rating',
  'scale',
  'reasons',
  'comment',
  'locale',
  'page',
  'created_at',
  'updated_at',
]);

/**
 * @typedef {import('./contract.js').Feedback} Feedback
 * @typedef {{created: boolean, updated: boolean, revision: number}} UpsertResult
 * @typedef {{count: number, average: number | null, distribution: Record<string, number>}} ScaleSummary
 * @typedef {{articleId: string, count: number, average: number | null, distribution: Record<string, number>,
 *   scale: string | null, scales: Record<string, ScaleSummary>}} Summary
 * @typedef {{submission_id: string, revision: number, article_id: string, rating: number, scale: string,
 *   reasons: string, comment: string | null, locale: string, page: string, created_at: string, updated_at: string}} Row
 */

/**
 * Opens (and creates or migrates) the feedback database.
 * @param {string} file absolute path, or `:memory:`
 */
export function openDatabase(file) {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode survives a crashed process; only a power cut may lose the last commits.
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  migrate(db);

  const upsertStatement = db.prepare(`
    INSERT INTO feedback (submission_id, revision, article_id, rating, scale, reasons, comment, locale, page,
                          created_at, updated_at)
    VALUES (@submissionId, @revision, @articleId, @rating, @scale, @reasons, @comment, @locale, @page, @now, @now)
    ON CONFLICT (submission_id) DO UPDATE SET
      revision = excluded.revision, article_id = excluded.article_id, rating = excluded.rating,
      scale = excluded.scale, reasons = excluded.reasons, comment = excluded.comment,
      locale = excluded.locale, page = excluded.page, updated_at = excluded.updated_at
    WHERE excluded.revision > feedback.revision`);
  const revisionStatement = db.prepare('SELECT revision FROM feedback WHERE submission_id = ?').pluck();
  const summaryStatement = db.prepare(
    'SELECT scale, rating, COUNT(*) AS count FROM feedback WHERE article_id = ? GROUP BY scale, rating',
  );
  const listAllStatement = db.prepare(`SELECT ${COLUMNS.join(', ')} FROM feedback ORDER BY updated_at, submission_id`);
  const listArticleStatement = db.prepare(
    `SELECT ${COLUMNS.join(', ')} FROM feedback WHERE article_id = ? ORDER BY updated_at, submission_id`,
  );

  // The upsert alone decides what is stored; reading the revision first in the same
  // IMMEDIATE transaction only tells the caller whether the row was created or updated.
  const upsertTransaction = db.transaction((/** @type {Feedback} */ feedback) => {
    const before = /** @type {number | undefined} */ (revisionStatement.get(feedback.submissionId));
    const { changes } = upsertStatement.run({
      ...feedback,
      reasons: JSON.stringify(feedback.reasons),
      now: new Date().toISOString(),
    });
    return {
      created: before === undefined,
      updated: before !== undefined && changes === 1,
      revision: changes === 1 ? feedback.revision : /** @type {number} */ (before),
    };
  });

  return {
    /**
     * Stores a submission unless a row with the same or a newer revision exists.
     * @param {Feedback} feedback
     * @returns {UpsertResult}
     */
    upsert: (feedback) => upsertTransaction.immediate(feedback),

    /**
     * Counts and averages of one article's ratings, per scale.
     * @param {string} articleId
     * @returns {Summary}
     */
    summary(articleId) {
      const rows = /** @type {{scale: keyof SCALES, rating: number, count: number}[]} */ (summaryStatement.all(articleId));
      /** @type {Record<string, ScaleSummary>} */
      const scales = {};
      /** @type {Record<string, number>} */
      const sums = {};
      for (const { scale, rating, count } of rows) {
        scales[scale] ??= {
          count: 0,
          average: null,
          distribution: Object.fromEntries(Array.from({ length: SCALES[scale] }, (_, i) => [String(i + 1), 0])),
        };
        scales[scale].count += count;
        scales[scale].distribution[String(rating)] = count;
        sums[scale] = (sums[scale] ?? 0) + rating * count;
      }
      for (const [scale, entry] of Object.entries(scales)) {
        entry.average = Math.round((sums[scale] / entry.count) * 100) / 100;
      }
      // The top level reports the most used scale; on a tie the order of SCALES decides (stars first).
      const dominant = Object.keys(SCALES).reduce(
        (best, scale) => ((scales[scale]?.count ?? 0) > (best ? scales[best].count : 0) ? scale : best),
        /** @type {string | null} */ (null),
      );
      const top = dominant ? scales[dominant] : { count: 0, average: null, distribution: {} };
      return { articleId, ...top, scale: dominant, scales };
    },

    /**
     * All stored rows, oldest change first, optionally for one article.
     * @param {string} [articleId]
     * @returns {Row[]}
     */
    list(articleId) {
      return /** @type {Row[]} */ (articleId ? listArticleStatement.all(articleId) : listAllStatement.all());
    },

    /** `PRAGMA integrity_check` result: `'ok'` for a sound file. */
    integrityCheck: () => /** @type {string} */ (db.pragma('integrity_check', { simple: true })),

    /** Folds the WAL into the main file and closes it; safe to call twice. */
    close() {
      if (!db.open) return;
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },

    /** The underlying better-sqlite3 handle, for tests and maintenance. */
    raw: db,
  };
}

/** @typedef {ReturnType<typeof openDatabase>} FeedbackDb */

/** @param {import('better-sqlite3').Database} db */
function migrate(db) {
  const version = /** @type {number} */ (db.pragma('user_version', { simple: true }));
  if (version > MIGRATIONS.length) {
    throw new Error(`The feedback database has schema version ${version}, newer than this server knows (${MIGRATIONS.length}).`);
  }
  for (let next = version; next < MIGRATIONS.length; next += 1) {
    db.transaction(() => {
      db.exec(MIGRATIONS[next]);
      db.pragma(`user_version = ${next + 1}`);
    }).immediate();
  }
}
