/**
 * The PostgreSQL store (`pg`): for several collector instances behind a load balancer. Each upsert
 * is one statement that PostgreSQL serializes per submission, so concurrent revisions from any
 * number of instances end with the highest one stored.
 */
import pg from 'pg';
import { COLUMNS } from './index.js';
import { loadMigrations, tooNewError } from './migrations.js';
import { combineReport, commentsQueries, decodeLanguages, decodeReasons, languagesQuery, reasonsQuery, reportQueries } from './report-queries.js';

/**
 * @typedef {import('./index.js').Feedback} Feedback
 * @typedef {import('./index.js').UpsertResult} UpsertResult
 * @typedef {import('./index.js').Row} Row
 */

/** Advisory lock key ("hfbc", 1) that serializes migrations across instances starting at once. */
const MIGRATION_LOCK = [0x68666263, 1];

const SELECT_ROW = `SELECT ${COLUMNS.map((column) => (column.endsWith('_at') ? `to_json(f.${column}) AS ${column}` : column)).join(', ')}
  FROM feedback f`;

const UPSERT = `
  INSERT INTO feedback AS f (submission_id, revision, article_id, rating, scale, reasons, comment, locale, page,
                             created_at, updated_at)
  VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, now(), now())
  ON CONFLICT (submission_id) DO UPDATE SET
    revision = excluded.revision, rating = excluded.rating, scale = excluded.scale, reasons = excluded.reasons,
    comment = excluded.comment, locale = excluded.locale, page = excluded.page, updated_at = excluded.updated_at,
    status = 'open'
  WHERE excluded.revision > f.revision AND excluded.article_id = f.article_id
  RETURNING (xmax = 0) AS created`;

/**
 * Connects, migrates under an advisory lock, and returns the store.
 * @param {{url: string, poolMax: number}} config
 * @returns {Promise<import('./index.js').FeedbackStore>}
 */
export async function openPostgresStore({ url, poolMax }) {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolMax,
    application_name: 'help-feedback-collector',
    // A database that does not answer fails the request (the widget retries), instead of holding it open.
    connectionTimeoutMillis: 5000,
    statement_timeout: 10_000,
  });
  // An idle connection that the server drops is replaced by the pool; without a listener it would crash the process.
  pool.on('error', () => {});
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }

  let closed = false;
  const open = () => {
    if (closed) throw new Error('The feedback store is closed.');
  };
  // Writes in flight or waiting for a connection; close() lets them finish (pool.end() alone would
  // leave the waiting ones unanswered).
  /** @type {Set<Promise<unknown>>} */
  const writing = new Set();
  /** @template T @param {Promise<T>} write @returns {Promise<T>} */
  const track = (write) => {
    writing.add(write);
    const done = () => writing.delete(write);
    write.then(done, done);
    return write;
  };

  /**
   * @param {Feedback} feedback
   * @returns {Promise<UpsertResult>}
   */
  async function upsert(feedback) {
    // Named, so each connection parses and plans the statement once, not on every rating.
    const { rows } = await pool.query({
      name: 'feedback-upsert',
      text: UPSERT,
      values: [
        feedback.submissionId,
        feedback.revision,
        feedback.articleId,
        feedback.rating,
        feedback.scale,
        JSON.stringify(feedback.reasons),
        feedback.comment,
        feedback.locale,
        feedback.page,
      ],
    });
    if (rows.length === 1) return { status: rows[0].created ? 'created' : 'updated', revision: feedback.revision };
    // Nothing changed: the stored revision is the same or newer, or the row belongs to another article.
    // Neither the article nor (downwards) the revision of a row ever changes, so this read is safe without a lock.
    const stored = await pool.query({
      name: 'feedback-stored',
      text: 'SELECT revision, article_id FROM feedback WHERE submission_id = $1',
      values: [feedback.submissionId],
    });
    const { revision, article_id: articleId } = stored.rows[0];
    return articleId === feedback.articleId
      ? { status: 'unchanged', revision: Number(revision) }
      : { status: 'conflict', revision: Number(revision), articleId };
  }

  /** A report query built for PostgreSQL (its values are an array). @param {{text: string, values: unknown}} query */
  const report = (query) => pool.query(query.text, /** @type {unknown[]} */ (query.values));

  return {
    kind: 'postgres',
    async upsert(feedback) {
      open();
      return track(upsert(feedback));
    },
    async ratingCounts(articleId) {
      open();
      const { rows } = await pool.query(
        'SELECT scale, rating, COUNT(*)::integer AS count FROM feedback WHERE article_id = $1 GROUP BY scale, rating',
        [articleId],
      );
      return rows;
    },
    async list(articleId) {
      open();
      const { rows } = articleId
        ? await pool.query(`${SELECT_ROW} WHERE f.article_id = $1 ORDER BY f.updated_at, f.submission_id`, [articleId])
        : await pool.query(`${SELECT_ROW} ORDER BY f.updated_at, f.submission_id`);
      return rows.map(decode);
    },
    async get(submissionId) {
      open();
      const { rows } = await pool.query(`${SELECT_ROW} WHERE f.submission_id = $1`, [submissionId]);
      return rows[0] && decode(rows[0]);
    },
    async deleteCommentsBefore(before) {
      open();
      const result = await pool.query('UPDATE feedback SET comment = NULL WHERE comment IS NOT NULL AND updated_at < $1', [before]);
      return result.rowCount ?? 0;
    },
    async report(filter, articleId) {
      open();
      const queries = reportQueries('postgres', filter, articleId);
      const [ratings, weeks] = await Promise.all([report(queries.ratings), report(queries.weeks)]);
      return combineReport(ratings.rows, weeks.rows, filter);
    },
    async reasons(filter, articleId) {
      open();
      return decodeReasons((await report(reasonsQuery('postgres', filter, articleId))).rows);
    },
    async comments(filter, articleId, query) {
      open();
      const columns = `${COLUMNS.map((column) => (column.endsWith('_at') ? `to_json(${column}) AS ${column}` : column)).join(', ')}, status`;
      const queries = commentsQueries('postgres', filter, articleId, query, columns);
      const [page, total] = await Promise.all([report(queries.page), report(queries.total)]);
      return { total: Number(total.rows[0].total), rows: page.rows.map((row) => ({ ...decode(row), status: row.status })) };
    },
    async languages() {
      open();
      return decodeLanguages((await report(languagesQuery('postgres'))).rows);
    },
    async setStatus(submissionId, status) {
      open();
      const result = await track(pool.query('UPDATE feedback SET status = $1 WHERE submission_id = $2', [status, submissionId]));
      return result.rowCount === 1;
    },
    async remove(submissionId) {
      open();
      const result = await track(pool.query('DELETE FROM feedback WHERE submission_id = $1', [submissionId]));
      return result.rowCount === 1;
    },
    async createSession({ idHash, fingerprint, expiresAt }) {
      open();
      await track(pool.query('DELETE FROM admin_sessions WHERE expires_at <= now()'));
      await track(
        pool.query('INSERT INTO admin_sessions (id_hash, token_fingerprint, expires_at) VALUES ($1, $2, $3)', [idHash, fingerprint, expiresAt]),
      );
    },
    async findSession(idHash) {
      open();
      const { rows } = await pool.query('SELECT token_fingerprint, expires_at FROM admin_sessions WHERE id_hash = $1', [idHash]);
      return rows[0] && { fingerprint: rows[0].token_fingerprint, expiresAt: new Date(rows[0].expires_at) };
    },
    async deleteSession(idHash) {
      open();
      await track(pool.query('DELETE FROM admin_sessions WHERE id_hash = $1', [idHash]));
    },
    async ping() {
      open();
      await pool.query('SELECT 1');
    },
    async close() {
      if (closed) return;
      closed = true;
      await Promise.allSettled(writing);
      await pool.end();
    },
  };
}

/**
 * A row as PostgreSQL returns it, in the shape both stores share.
 * @param {Record<string, any>} row
 * @returns {Row}
 */
function decode(row) {
  return /** @type {Row} */ ({
    ...row,
    revision: Number(row.revision),
    created_at: isoTime(row.created_at),
    updated_at: isoTime(row.updated_at),
  });
}

/**
 * A `timestamptz` as `to_json` writes it (ISO 8601 whatever the session's DateStyle) in the form the
 * SQLite store writes: UTC with milliseconds.
 * @param {string} text
 */
function isoTime(text) {
  return new Date(text).toISOString();
}

/**
 * Applies the missing migrations in one transaction, under an advisory lock: instances that start
 * at the same time wait for each other, and each migration runs exactly once.
 * @param {pg.Pool} pool
 */
async function migrate(pool) {
  const migrations = loadMigrations('postgres');
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', MIGRATION_LOCK);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    integer PRIMARY KEY,
      name       text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await client.query('SELECT COALESCE(MAX(version), 0)::integer AS version FROM schema_migrations');
    const version = rows[0].version;
    if (version > migrations.length) throw tooNewError(version, migrations.length);
    for (const migration of migrations.slice(version)) {
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
