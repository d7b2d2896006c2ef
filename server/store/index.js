/**
 * The store interface the routes use, and `openStore(config)`, which picks SQLite (the embedded
 * default) or PostgreSQL (`FEEDBACK_DB=postgres://…`). Both keep one row per submission, and a
 * higher revision replaces it; every method returns a promise.
 *
 * A new query (say, an aggregate for a report) is one more method here, implemented in
 * `sqlite.js` and `postgres.js`, and run by the shared suite in `server/test/` on both stores.
 */

/**
 * @typedef {import('../contract.js').Feedback} Feedback
 * @typedef {import('../contract.js').Scale} Scale
 * @typedef {'sqlite' | 'postgres'} StoreKind
 * @typedef {import('./report-queries.js').ReportFilter} ReportFilter
 * @typedef {import('./report-queries.js').ReportRow} ReportRow
 * @typedef {import('./report-queries.js').CommentQuery} CommentQuery
 */

/**
 * What an upsert did: stored a new submission, replaced it with a higher revision, kept the stored
 * one (same or newer revision), or refused because the submission belongs to another article.
 * `revision` is the revision stored afterwards.
 * @typedef {{status: 'created' | 'updated' | 'unchanged', revision: number}
 *   | {status: 'conflict', revision: number, articleId: string}} UpsertResult
 */

/**
 * How often one rating was given on one scale for an article.
 * @typedef {{scale: Scale, rating: number, count: number}} RatingCount
 */

/**
 * A stored submission. Times are ISO 8601 strings in UTC.
 * @typedef {{submission_id: string, revision: number, article_id: string, rating: number, scale: Scale,
 *   reasons: string[], comment: string | null, locale: string, page: string, created_at: string, updated_at: string}} Row
 */

/**
 * @typedef {object} FeedbackStore
 * @property {StoreKind} kind Which database this is.
 * @property {(feedback: Feedback) => Promise<UpsertResult>} upsert Stores a submission unless the stored revision is the same or newer; resolves once committed.
 * @property {(articleId: string) => Promise<RatingCount[]>} ratingCounts Counts per scale and rating of one article.
 * @property {(articleId?: string) => Promise<Row[]>} list Every submission, oldest change first, optionally of one article.
 * @property {(submissionId: string) => Promise<Row | undefined>} get One submission by its (lower-case) id.
 * @property {(before: Date) => Promise<number>} deleteCommentsBefore Deletes the comments of submissions last changed before `before`; resolves with how many.
 * @property {(filter: ReportFilter, articleId?: string) => Promise<ReportRow[]>} report The report's aggregates per article and scale (of one article when given).
 * @property {(filter: ReportFilter, articleId: string) => Promise<Record<string, Record<string, number>>>} reasons Reasons counted per scale of one article.
 * @property {(filter: ReportFilter, articleId: string, query: CommentQuery) => Promise<{total: number, rows: (Row & {status: 'open' | 'done'})[]}>} comments One page of an article's comments, newest first.
 * @property {() => Promise<string[]>} languages The language prefixes ratings were given in.
 * @property {(submissionId: string, status: 'open' | 'done') => Promise<boolean>} setStatus Marks a submission's comment done or open; false when there is none; committed when it resolves.
 * @property {(submissionId: string) => Promise<boolean>} remove Deletes a submission (erasure); false when there is none; committed when it resolves.
 * @property {(session: {idHash: string, fingerprint: string, expiresAt: Date}) => Promise<void>} createSession Stores an admin session (and drops expired ones).
 * @property {(idHash: string) => Promise<{fingerprint: string, expiresAt: Date} | undefined>} findSession An admin session by the hash of its id.
 * @property {(idHash: string) => Promise<void>} deleteSession Ends an admin session.
 * @property {() => Promise<void>} ping Rejects when the database does not answer.
 * @property {() => Promise<void>} close Commits queued writes and closes; safe to call twice.
 */

/** Columns in export order (the CSV header uses these names). */
export const COLUMNS = Object.freeze(
  /** @type {const} */ ([
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
  ]),
);

/**
 * Opens (creating or migrating) the configured store.
 * @param {import('../config.js').StoreConfig} config
 * @returns {Promise<FeedbackStore>}
 */
export async function openStore(config) {
  if (config.kind === 'postgres') {
    const { openPostgresStore } = await import('./postgres.js');
    return openPostgresStore(config);
  }
  const { openSqliteStore } = await import('./sqlite.js');
  return openSqliteStore(config.file);
}
