/**
 * The SQLite store's writer: a worker thread with its own connection that owns every write.
 * Messages that arrive while it commits one batch form the next one (group commit), so the HTTP
 * thread never waits for SQLite and many requests share one transaction. Each write is answered
 * only after its transaction has committed.
 *
 * In:  {type: 'upsert', id, feedback} · {type: 'prune', id, before} · {type: 'close', id}
 * Out: {type: 'ready'} once the connection is open · {type: 'done', results: [{id, result} | {id, error}]}
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

/**
 * @typedef {import('./index.js').Feedback} Feedback
 * @typedef {import('./index.js').UpsertResult} UpsertResult
 * @typedef {{type: 'upsert', id: number, feedback: Feedback} | {type: 'prune', id: number, before: string}
 *   | {type: 'close', id: number}} Request
 */

const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);
const db = new Database(/** @type {{file: string}} */ (workerData).file);
db.pragma('journal_mode = WAL');
// NORMAL in WAL mode survives a crashed process; only a power cut may lose the last commits.
db.pragma('synchronous = NORMAL');
db.pragma('busy_timeout = 5000');

const lookup = db.prepare('SELECT revision, article_id FROM feedback WHERE submission_id = ?');
const upsertStatement = db.prepare(`
  INSERT INTO feedback (submission_id, revision, article_id, rating, scale, reasons, comment, locale, page,
                        created_at, updated_at)
  VALUES (@submissionId, @revision, @articleId, @rating, @scale, @reasons, @comment, @locale, @page, @now, @now)
  ON CONFLICT (submission_id) DO UPDATE SET
    revision = excluded.revision, rating = excluded.rating, scale = excluded.scale, reasons = excluded.reasons,
    comment = excluded.comment, locale = excluded.locale, page = excluded.page, updated_at = excluded.updated_at
  WHERE excluded.revision > feedback.revision AND excluded.article_id = feedback.article_id`);
const pruneStatement = db.prepare('UPDATE feedback SET comment = NULL WHERE comment IS NOT NULL AND updated_at < ?');

/**
 * One write inside the batch's IMMEDIATE transaction: no other writer runs in between, so what
 * `lookup` reads is what the upsert sees.
 * @param {Request} request
 * @param {string} now
 */
function apply(request, now) {
  if (request.type === 'prune') return pruneStatement.run(request.before).changes;
  const { feedback } = /** @type {{feedback: Feedback}} */ (request);
  const before = /** @type {{revision: number, article_id: string} | undefined} */ (lookup.get(feedback.submissionId));
  if (before && before.article_id !== feedback.articleId) {
    return /** @type {UpsertResult} */ ({ status: 'conflict', revision: before.revision, articleId: before.article_id });
  }
  const { changes } = upsertStatement.run({ ...feedback, reasons: JSON.stringify(feedback.reasons), now });
  if (!before) return /** @type {UpsertResult} */ ({ status: 'created', revision: feedback.revision });
  return /** @type {UpsertResult} */ (
    changes === 1 ? { status: 'updated', revision: feedback.revision } : { status: 'unchanged', revision: before.revision }
  );
}

const commit = db.transaction((/** @type {Request[]} */ requests) => {
  const now = new Date().toISOString();
  return requests.map((request) => apply(request, now));
});

port.postMessage({ type: 'ready' });

/** @type {Request[]} */
let queue = [];
let scheduled = false;

port.on('message', (/** @type {Request} */ request) => {
  queue.push(request);
  if (!scheduled) {
    scheduled = true;
    // After the messages already waiting: they all join this batch.
    setImmediate(flush);
  }
});

function flush() {
  scheduled = false;
  const requests = queue;
  queue = [];
  const writes = requests.filter((request) => request.type !== 'close');
  /** @type {({id: number, result: unknown} | {id: number, error: string})[]} */
  let results;
  try {
    const values = writes.length > 0 ? commit.immediate(writes) : [];
    results = writes.map((request, index) => ({ id: request.id, result: values[index] }));
  } catch {
    // The whole batch was rolled back. Retry each alone, so one bad write fails only its own request.
    results = writes.map((request) => {
      try {
        return { id: request.id, result: commit.immediate([request])[0] };
      } catch (error) {
        return { id: request.id, error: /** @type {Error} */ (error).message };
      }
    });
  }
  const close = requests.find((request) => request.type === 'close');
  if (close) {
    // Folds the WAL into the main file, so the file alone is complete after a clean stop.
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    results.push({ id: close.id, result: null });
  }
  port.postMessage({ type: 'done', results });
  if (close) port.close();
}
