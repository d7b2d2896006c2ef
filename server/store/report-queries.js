/**
 * The owner report's aggregates as SQL, written once for both stores: the statements use only what
 * SQLite and PostgreSQL share (CASE, SUM, MAX, LIKE, lower), and differ only in how parameters are
 * written. Every figure is computed by the database in one pass over the `feedback_report` index;
 * JavaScript only names the columns.
 *
 * Times: a submission counts once, at `updated_at` (when its current answer was given; a new
 * revision replaces the old one and moves it). Weeks start on Monday 00:00 UTC.
 */
import { POSITIVE_FROM, REASONS, SCALES } from '../contract.js';

/** Weeks in the trend, the current one last. */
export const TREND_WEEKS = 12;

/** The highest rating any scale has: the distribution columns r1…r5. */
const MAX_RATING = Math.max(...Object.values(SCALES));

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
  if (filter.lang) conditions.push(`(lower(locale) = ${p.add(filter.lang)} OR lower(locale) LIKE ${p.add(`${filter.lang}-%`)})`);
  return conditions;
}

/**
 * The aggregate per article and scale (the overview), or of one article (its detail).
 * @param {'sqlite' | 'postgres'} dialect
 * @param {ReportFilter} filter
 * @param {string} [articleId]
 */
export function aggregateQuery(dialect, filter, articleId) {
  const p = parameters(dialect);
  const bounds = weekBounds(filter.now);
  // In the period: the trend looks back 12 weeks whatever the period, so the period is a condition
  // inside each aggregate, not of the whole scan.
  const inPeriod = filter.since ? `updated_at >= ${p.add(filter.since)}` : '1 = 1';
  const count = (/** @type {string} */ condition) => `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;
  const positiveFrom = `CASE scale ${Object.entries(POSITIVE_FROM)
    .map(([scale, from]) => `WHEN '${scale}' THEN ${from}`)
    .join(' ')} END`;
  const columns = [
    'article_id',
    'scale',
    `${count(inPeriod)} AS count`,
    `SUM(CASE WHEN ${inPeriod} THEN rating ELSE 0 END) AS rating_sum`,
    `${count(`${inPeriod} AND rating >= ${positiveFrom}`)} AS positive`,
    ...Array.from({ length: MAX_RATING }, (_, index) => `${count(`${inPeriod} AND rating = ${index + 1}`)} AS r${index + 1}`),
    `${count(`${inPeriod} AND comment IS NOT NULL`)} AS comments`,
    `${count(`${inPeriod} AND comment IS NOT NULL AND status = 'open'`)} AS open_comments`,
    ...bounds.slice(0, -1).map(
      (from, index) => `${count(`updated_at >= ${p.add(from)} AND updated_at < ${p.add(bounds[index + 1])}`)} AS w${index}`,
    ),
    `MAX(CASE WHEN ${inPeriod} THEN updated_at END) AS last_at`,
  ];
  const conditions = where(p, filter, articleId);
  // Only rows in the period or the trend's weeks matter: the index's leading column bounds the scan.
  if (filter.since) conditions.push(`updated_at >= ${p.add(filter.since < bounds[0] ? filter.since : bounds[0])}`);
  const having = filter.since ? `${count(inPeriod)} > 0` : '1 = 1';
  const text = `SELECT ${columns.join(', ')} FROM feedback${conditions.length ? ` WHERE ${conditions.join(' AND ')}` : ''}
    GROUP BY article_id, scale HAVING ${having} ORDER BY article_id, scale`;
  return { text, values: p.values };
}

/**
 * An aggregate row as the database returns it, in the report's shape.
 * @param {Record<string, any>} row
 * @returns {ReportRow}
 */
export function decodeAggregate(row) {
  const scale = /** @type {import('../contract.js').Scale} */ (row.scale);
  const count = Number(row.count);
  return {
    articleId: row.article_id,
    scale,
    count,
    average: count ? Number(row.rating_sum) / count : 0,
    positive: Number(row.positive),
    distribution: Array.from({ length: SCALES[scale] }, (_, index) => Number(row[`r${index + 1}`])),
    comments: Number(row.comments),
    openComments: Number(row.open_comments),
    weeks: Array.from({ length: TREND_WEEKS }, (_, index) => Number(row[`w${index}`])),
    lastRatingAt: new Date(row.last_at).toISOString(),
  };
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
  const prefix =
    dialect === 'postgres'
      ? "split_part(lower(locale), '-', 1)"
      : "CASE WHEN instr(locale, '-') > 0 THEN lower(substr(locale, 1, instr(locale, '-') - 1)) ELSE lower(locale) END";
  return { text: `SELECT DISTINCT ${prefix} AS lang FROM feedback ORDER BY lang`, values: parameters(dialect).values };
}
