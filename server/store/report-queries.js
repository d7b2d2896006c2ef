/**
 * The owner report's aggregates as SQL, written once for both stores: the statements use only what
 * SQLite and PostgreSQL share (CASE, SUM, MAX, LIKE, lower) except the week number, and differ
 * otherwise only in how parameters are written. The database groups the rows (over indexes, see
 * migration 002); JavaScript only adds up the few grouped rows per article (one per rating and per week).
 *
 * Times: a submission counts once, at `updated_at` (when its current answer was given; a new
 * revision replaces the old one and moves it). Weeks start on Monday 00:00 UTC.
 */
import { POSITIVE_FROM, REASONS, SCALES } from '../contract.js';

/** Weeks in the trend, the current one last. */
export const TREND_WEEKS = 12;

const WEEK_MS = 7 * 86_400_000;

/**
 * What a report asks for, checked by the route.
 * @typedef {object} ReportFilter
 * @property {Date | null} since ratings given at or after this time; `null` for all
 * @property {string | null} lang a language prefix (`de` matches `de`, `de-DE`, `de-AT`), lower case
 * @property {import('../contract.js').Scale | null} scale
 * @property {Date} now the time the trend's weeks count back from
 */

/**
 * One line of the overview: an article on one scale.
 * @typedef {object} ReportRow
 * @property {string} articleId
 * @property {import('../contract.js').Scale} scale
 * @property {number} count ratings in the period
 * @property {number} average mean rating in the period
 * @property {number} positive ratings at or above the scale's positive threshold
 * @property {number[]} distribution how often each rating 1…max was given
 * @property {number} comments submissions with a comment
 * @property {number} openComments of those, not marked done
 * @property {number[]} weeks ratings per week, oldest first, the current week last (independent of the period)
 * @property {string} lastRatingAt ISO time of the latest rating in the period
 */

/**
 * The Monday 00:00 UTC that starts the week holding `now`.
 * @param {Date} now
 */
export function weekStart(now) {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  // getUTCDay: Sunday 0 … Saturday 6; Monday starts the week.
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day;
}

/**
 * The trend's week boundaries: TREND_WEEKS + 1 times, oldest first, the last one the start of next week.
 * @param {Date} now
 */
export function weekBounds(now) {
  const current = weekStart(now).getTime();
  return Array.from({ length: TREND_WEEKS + 1 }, (_, index) => new Date(current - (TREND_WEEKS - 1 - index) * WEEK_MS));
}

/**
 * Parameters in the store's own notation: `@p1` (SQLite, bound by name) or `$1` (PostgreSQL).
 * A placeholder may be used several times in one text; `values` is an object for SQLite and an
 * array for PostgreSQL.
 * @param {'sqlite' | 'postgres'} dialect
 */
function parameters(dialect) {
  /** @type {unknown[]} */
  const list = [];
  return {
    get values() {
      return dialect === 'postgres' ? list : Object.fromEntries(list.map((value, index) => [`p${index + 1}`, value]));
    },
    /** @param {unknown} value */
    add(value) {
      list.push(value instanceof Date ? value.toISOString() : value);
      return dialect === 'postgres' ? `$${list.length}` : `@p${list.length}`;
    },
  };
}

/**
 * The conditions every report query shares: language, scale, article.
 * @param {ReturnType<typeof parameters>} p
 * @param {ReportFilter} filter
 * @param {string | undefined} articleId
 */
function where(p, filter, articleId) {
  const conditions = [];
  if (articleId !== undefined) conditions.push(`article_id = ${p.add(articleId)}`);
  if (filter.scale) conditions.push(`scale = ${p.add(filter.scale)}`);
  // `lang` is the locale's prefix, a generated column (migration 003 of each store).
  if (filter.lang) conditions.push(`lang = ${p.add(filter.lang)}`);
  return conditions;
}

/** Seconds from the Unix epoch to its first Monday, 1970-01-05 00:00 UTC: week numbers count from there. */
const FIRST_MONDAY_S = 4 * 86_400;

/**
 * A row's week number (weeks since 1970-01-05, Monday 00:00 UTC) as each store has it. On SQLite
 * the expression is indexed (migration 002), so the trend reads the index; PostgreSQL stores it in
 * a generated column (migration 003, the same arithmetic in `feedback_week()`).
 * @param {'sqlite' | 'postgres'} dialect
 */
export function weekExpression(dialect) {
  return dialect === 'postgres' ? 'week' : `((CAST(unixepoch(updated_at) AS INTEGER) - ${FIRST_MONDAY_S}) / 604800)`;
}

/** @param {Date} date a Monday 00:00 UTC */
const weekNumber = (date) => Math.round((date.getTime() / 1000 - FIRST_MONDAY_S) / 604_800);

/**
 * The overview's figures in two grouped scans, each over an index: counts per article, scale and
 * rating in the period (with comments and the latest time), and counts per article, scale and week
 * in the trend's 12 weeks. The database returns a few rows per article; `combineReport` joins them.
 * @param {'sqlite' | 'postgres'} dialect
 * @param {ReportFilter} filter
 * @param {string} [articleId]
 */
export function reportQueries(dialect, filter, articleId) {
  const ratings = (() => {
    const p = parameters(dialect);
    const conditions = where(p, filter, articleId);
    if (filter.since) conditions.push(`updated_at >= ${p.add(filter.since)}`);
    const text = `SELECT article_id, scale, rating, COUNT(*) AS n,
        SUM(CASE WHEN comment IS NOT NULL THEN 1 ELSE 0 END) AS comments,
        SUM(CASE WHEN comment IS NOT NULL AND status = 'open' THEN 1 ELSE 0 END) AS open_comments,
        MAX(updated_at) AS last_at
      FROM feedback${conditions.length ? ` WHERE ${conditions.join(' AND ')}` : ''}
      GROUP BY article_id, scale, rating`;
    return { text, values: p.values };
  })();
  const weeks = (() => {
    const p = parameters(dialect);
    const week = weekExpression(dialect);
    const from = weekBounds(filter.now)[0];
    const conditions = [...where(p, filter, articleId), `${week} >= ${p.add(weekNumber(from))}`];
    const text = `SELECT article_id, scale, ${week} AS week, COUNT(*) AS n FROM feedback
      WHERE ${conditions.join(' AND ')} GROUP BY article_id, scale, ${week}`;
    return { text, values: p.values };
  })();
  return { ratings, weeks };
}

/**
 * The report's rows from the two queries' results, sorted by article and scale.
 * @param {Record<string, any>[]} ratingRows
 * @param {Record<string, any>[]} weekRows
 * @param {ReportFilter} filter
 * @returns {ReportRow[]}
 */
export function combineReport(ratingRows, weekRows, filter) {
  /** @type {Map<string, ReportRow & {sum: number}>} */
  const rows = new Map();
  for (const row of ratingRows) {
    const scale = /** @type {import('../contract.js').Scale} */ (row.scale);
    const key = `${row.article_id}\u0000${scale}`;
    let entry = rows.get(key);
    if (!entry) {
      entry = {
        articleId: row.article_id,
        scale,
        count: 0,
        sum: 0,
        average: 0,
        positive: 0,
        distribution: Array(SCALES[scale]).fill(0),
        comments: 0,
        openComments: 0,
        weeks: Array(TREND_WEEKS).fill(0),
        lastRatingAt: '',
      };
      rows.set(key, entry);
    }
    const n = Number(row.n);
    const rating = Number(row.rating);
    entry.count += n;
    entry.sum += n * rating;
    if (rating >= POSITIVE_FROM[scale]) entry.positive += n;
    if (rating >= 1 && rating <= SCALES[scale]) entry.distribution[rating - 1] += n;
    entry.comments += Number(row.comments);
    entry.openComments += Number(row.open_comments);
    const last = new Date(row.last_at).toISOString();
    if (last > entry.lastRatingAt) entry.lastRatingAt = last;
  }
  const first = weekNumber(weekBounds(filter.now)[0]);
  for (const row of weekRows) {
    const entry = rows.get(`${row.article_id}\u0000${row.scale}`);
    const index = Number(row.week) - first;
    // Only articles with ratings in the period are listed; the trend shows their last 12 weeks.
    if (entry && index >= 0 && index < TREND_WEEKS) entry.weeks[index] += Number(row.n);
  }
  return [...rows.values()]
    .map(({ sum, ...entry }) => ({ ...entry, average: entry.count ? sum / entry.count : 0 }))
    .sort((a, b) => (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : a.scale < b.scale ? -1 : a.scale > b.scale ? 1 : 0));
}

/**
 * Reasons counted per scale for one article in the period.
 * @param {'sqlite' | 'postgres'} dialect
 * @param {ReportFilter} filter
 * @param {string} articleId
 */
export function reasonsQuery(dialect, filter, articleId) {
  const p = parameters(dialect);
  const conditions = where(p, filter, articleId);
  if (filter.since) conditions.push(`updated_at >= ${p.add(filter.since)}`);
  const each = dialect === 'postgres' ? 'jsonb_array_elements_text(feedback.reasons) AS r(value)' : 'json_each(feedback.reasons) AS r';
  const text = `SELECT scale, r.value AS reason, COUNT(*) AS count FROM feedback, ${each}
    WHERE ${conditions.join(' AND ')} GROUP BY scale, r.value`;
  return { text, values: p.values };
}

/**
 * Reason counts per scale from the reasons query's rows, every known reason present.
 * @param {Record<string, any>[]} rows
 * @returns {Record<string, Record<string, number>>}
 */
export function decodeReasons(rows) {
  /** @type {Record<string, Record<string, number>>} */
  const byScale = {};
  for (const row of rows) {
    if (!REASONS.includes(row.reason)) continue;
    byScale[row.scale] ??= Object.fromEntries(REASONS.map((reason) => [reason, 0]));
    byScale[row.scale][row.reason] = Number(row.count);
  }
  return byScale;
}

/**
 * Which comments a page of the detail shows.
 * @typedef {{status: 'open' | 'done' | 'all', page: number, pageSize: number}} CommentQuery
 */

/**
 * One page of an article's comments, newest first, and how many there are.
 * @param {'sqlite' | 'postgres'} dialect
 * @param {ReportFilter} filter
 * @param {string} articleId
 * @param {CommentQuery} query
 * @param {string} columns the select list of the store's row shape
 */
export function commentsQueries(dialect, filter, articleId, query, columns) {
  const build = (/** @type {boolean} */ counting) => {
    const p = parameters(dialect);
    const conditions = [...where(p, filter, articleId), 'comment IS NOT NULL'];
    if (filter.since) conditions.push(`updated_at >= ${p.add(filter.since)}`);
    if (query.status !== 'all') conditions.push(`status = ${p.add(query.status)}`);
    const body = `FROM feedback WHERE ${conditions.join(' AND ')}`;
    const text = counting
      ? `SELECT COUNT(*) AS total ${body}`
      : `SELECT ${columns} ${body} ORDER BY feedback.updated_at DESC, feedback.submission_id DESC LIMIT ${p.add(query.pageSize)} OFFSET ${p.add((query.page - 1) * query.pageSize)}`;
    return { text, values: p.values };
  };
  return { page: build(false), total: build(true) };
}

/**
 * The languages (prefixes) that ratings were given in, for the report's filter.
 * @param {'sqlite' | 'postgres'} dialect
 */
export function languagesQuery(dialect) {
  // The distinct prefixes are few: step from one to the next over the index (feedback_lang,
  // migration 003), a handful of lookups instead of a scan of every row (neither store skips
  // through an index for DISTINCT by itself).
  const text = `WITH RECURSIVE prefixes(lang) AS (
      SELECT MIN(lang) FROM feedback
      UNION ALL SELECT (SELECT MIN(lang) FROM feedback WHERE lang > prefixes.lang) FROM prefixes WHERE prefixes.lang IS NOT NULL
    ) SELECT lang FROM prefixes WHERE lang IS NOT NULL`;
  return { text, values: parameters(dialect).values };
}

/**
 * Language prefixes from the distinct query, sorted.
 * @param {Record<string, any>[]} rows
 */
export function decodeLanguages(rows) {
  return rows.map((row) => String(row.lang)).sort();
}
