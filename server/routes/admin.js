/**
 * The owner's routes, registered only when FEEDBACK_ADMIN_TOKEN is set:
 * - the export for scripts (`GET /api/feedback`, `/api/feedback.csv`), bearer token only;
 * - the report's routes under `/api/admin/…`: a session (`POST`/`DELETE /api/admin/session`) that
 *   turns the token into an HttpOnly cookie, the aggregates (overview, one article, its comments),
 *   and acting on a submission (status, erasure). Each takes the session cookie or the bearer token,
 *   and refuses pages of foreign origins (`origins.js`), so no other site can act with the cookie.
 */
import crypto from 'node:crypto';
import { ARTICLE_ID_PATTERN, UUID_V4_PATTERN, isScale } from '../contract.js';
import { toCsv } from '../csv.js';
import { COLUMNS } from '../store/index.js';
import { weekBounds } from '../store/report-queries.js';

/** The session cookie; its path keeps it off every route but the admin ones. */
export const SESSION_COOKIE = 'help_feedback_admin';
const COOKIE_PATH = '/api/admin';

const PERIODS = /** @type {const} */ (['7', '30', '90', 'all']);
const STATUSES = /** @type {const} */ (['open', 'done', 'all']);
const MAX_PAGE_SIZE = 100;

const UNAUTHORIZED = Object.freeze({ error: 'unauthorized', message: 'Log in with the admin token (POST /api/admin/session) or send it as a bearer token.' });
const EXPIRED = Object.freeze({ error: 'session-expired', message: 'The session has expired or was ended; log in again.' });
const WRONG_TOKEN = Object.freeze({ error: 'wrong-token', message: 'This is not the admin token (FEEDBACK_ADMIN_TOKEN).' });
const FORBIDDEN = Object.freeze({
  error: 'forbidden-origin',
  message: "This page's origin may not use the admin routes: only the collector's own origin and those in FEEDBACK_ADMIN_ORIGINS may.",
});
const NOT_FOUND = Object.freeze({ error: 'not-found', message: 'There is no submission with this id.' });

/** @param {string} text */
const sha256 = (text) => crypto.createHash('sha256').update(text).digest();

/**
 * @param {import('fastify').FastifyInstance} app
 * @param {{store: import('../store/index.js').FeedbackStore, token: string,
 *   policy: ReturnType<typeof import('../origins.js').originPolicy>, sessionHours: number,
 *   loginLimiter: ReturnType<typeof import('../rate-limit.js').rateLimiter>}} options
 */
export async function adminRoutes(app, { store, token, policy, sessionHours, loginLimiter }) {
  const expected = sha256(token);
  // Sessions remember which token opened them: a changed FEEDBACK_ADMIN_TOKEN ends them all.
  const fingerprint = sha256(`help-feedback-admin-session:${token}`).toString('hex');

  /** @param {string | undefined} given */
  const isToken = (given) => crypto.timingSafeEqual(sha256(given ?? ''), expected);

  /** @param {import('fastify').FastifyRequest} request @returns {Promise<'ok' | 'none' | 'expired' | 'wrong'>} */
  async function authenticate(request) {
    const bearer = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '');
    if (bearer) return isToken(bearer[1]) ? 'ok' : 'wrong';
    const id = sessionId(request);
    if (!id) return 'none';
    const session = await store.findSession(sha256(id).toString('hex'));
    if (!session || session.fingerprint !== fingerprint || session.expiresAt.getTime() <= Date.now()) return 'expired';
    return 'ok';
  }

  app.addHook('onRequest', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    if (!request.url.startsWith(`${COOKIE_PATH}/`)) {
      // The export: bearer token only, as before.
      const bearer = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '');
      if (!bearer || !isToken(bearer[1])) {
        return reply.code(401).header('www-authenticate', 'Bearer').send({ error: 'unauthorized', message: 'A valid bearer token is required.' });
      }
      return;
    }
    const { origin } = request.headers;
    if (!policy.allowsAdmin(origin, request.headers['sec-fetch-site'], request.host)) {
      // Readable by the refused page (so a misplaced report can say "not allowed"); it carries no data.
      if (origin && origin !== 'null') reply.header('access-control-allow-origin', origin).header('access-control-allow-credentials', 'true');
      return reply.code(403).send(FORBIDDEN);
    }
    if (request.method === 'POST' && request.url === `${COOKIE_PATH}/session`) return;
    const result = await authenticate(request);
    if (result === 'ok') return;
    if (result === 'expired') clearCookie(reply, request);
    return reply
      .code(401)
      .header('www-authenticate', 'Bearer')
      .send(result === 'expired' ? EXPIRED : result === 'wrong' ? WRONG_TOKEN : UNAUTHORIZED);
  });

  app.post(`${COOKIE_PATH}/session`, { bodyLimit: 1024 }, async (request, reply) => {
    const blocked = loginLimiter.peek(request.ip);
    if (!blocked.ok) return tooMany(reply, blocked.retryAfterMs);
    const body = /** @type {{token?: unknown} | null} */ (request.body);
    const given = body && typeof body === 'object' && typeof body.token === 'string' ? body.token : '';
    if (!isToken(given)) {
      const counted = loginLimiter.hit(request.ip);
      if (!counted.ok) return tooMany(reply, counted.retryAfterMs);
      return reply.code(401).send(WRONG_TOKEN);
    }
    const id = crypto.randomBytes(32).toString('base64url');
    const maxAge = sessionHours * 3600;
    await store.createSession({ idHash: sha256(id).toString('hex'), fingerprint, expiresAt: new Date(Date.now() + maxAge * 1000) });
    const secure = request.protocol === 'https' ? '; Secure' : '';
    reply.header('set-cookie', `${SESSION_COOKIE}=${id}; HttpOnly; SameSite=Strict; Path=${COOKIE_PATH}; Max-Age=${maxAge}${secure}`);
    return reply.code(204).send();
  });

  app.delete(`${COOKIE_PATH}/session`, async (request, reply) => {
    const id = sessionId(request);
    if (id) await store.deleteSession(sha256(id).toString('hex'));
    clearCookie(reply, request);
    return reply.code(204).send();
  });

  app.get(`${COOKIE_PATH}/overview`, async (request, reply) => {
    const filter = reportFilter(request);
    if (!filter.ok) return reply.code(400).send(filter.error);
    const [rows, languages] = await Promise.all([store.report(filter.value), store.languages()]);
    return { ...filter.echo, weekStarts: weekStartsOf(filter.value.now), languages, rows };
  });

  app.get(`${COOKIE_PATH}/articles/:articleId`, async (request, reply) => {
    const { articleId } = /** @type {{articleId: string}} */ (request.params);
    if (!ARTICLE_ID_PATTERN.test(articleId)) return reply.code(400).send(invalid('articleId', 'is not a valid id'));
    const filter = reportFilter(request);
    if (!filter.ok) return reply.code(400).send(filter.error);
    const [rows, reasons] = await Promise.all([store.report(filter.value, articleId), store.reasons(filter.value, articleId)]);
    return {
      ...filter.echo,
      articleId,
      weekStarts: weekStartsOf(filter.value.now),
      scales: rows.map((row) => ({ ...row, reasons: reasons[row.scale] ?? {} })),
    };
  });

  app.get(`${COOKIE_PATH}/articles/:articleId/comments`, async (request, reply) => {
    const { articleId } = /** @type {{articleId: string}} */ (request.params);
    if (!ARTICLE_ID_PATTERN.test(articleId)) return reply.code(400).send(invalid('articleId', 'is not a valid id'));
    const filter = reportFilter(request);
    if (!filter.ok) return reply.code(400).send(filter.error);
    const query = /** @type {Record<string, unknown>} */ (request.query);
    const status = query.status ?? 'open';
    if (!STATUSES.includes(/** @type {any} */ (status))) return reply.code(400).send(invalid('status', `must be one of ${STATUSES.join(', ')}`));
    const page = positiveInteger(query.page, 1);
    const pageSize = positiveInteger(query.pageSize, 20);
    if (page === null) return reply.code(400).send(invalid('page', 'must be an integer ≥ 1'));
    if (pageSize === null || pageSize > MAX_PAGE_SIZE) return reply.code(400).send(invalid('pageSize', `must be an integer from 1 to ${MAX_PAGE_SIZE}`));
    const result = await store.comments(filter.value, articleId, { status: /** @type {'open' | 'done' | 'all'} */ (status), page, pageSize });
    return {
      ...filter.echo,
      articleId,
      status,
      page,
      pageSize,
      total: result.total,
      comments: result.rows.map((row) => {
        const { submissionId, rating, scale, reasons, comment, locale, page, createdAt, updatedAt } = toAnswer(row);
        return { submissionId, rating, scale, reasons, comment, locale, page, createdAt, updatedAt, status: row.status };
      }),
    };
  });

  app.patch(`${COOKIE_PATH}/feedback/:submissionId`, { bodyLimit: 1024 }, async (request, reply) => {
    const id = submissionIdOf(request);
    if (!id) return reply.code(400).send(invalid('submissionId', 'must be a UUID v4'));
    const body = /** @type {{status?: unknown} | null} */ (request.body);
    const status = body && typeof body === 'object' ? body.status : undefined;
    if (status !== 'open' && status !== 'done') return reply.code(400).send(invalid('status', 'must be open or done'));
    if (!(await store.setStatus(id, status))) return reply.code(404).send(NOT_FOUND);
    return { submissionId: id, status };
  });

  app.delete(`${COOKIE_PATH}/feedback/:submissionId`, async (request, reply) => {
    const id = submissionIdOf(request);
    if (!id) return reply.code(400).send(invalid('submissionId', 'must be a UUID v4'));
    if (!(await store.remove(id))) return reply.code(404).send(NOT_FOUND);
    return reply.code(204).send();
  });

  app.get('/api/feedback', async (request, reply) => {
    const filter = articleFilter(request);
    if (!filter.ok) return reply.code(400).send(BAD_FILTER);
    return (await store.list(filter.articleId)).map(toAnswer);
  });

  app.get('/api/feedback.csv', async (request, reply) => {
    const filter = articleFilter(request);
    if (!filter.ok) return reply.code(400).send(BAD_FILTER);
    const rows = (await store.list(filter.articleId)).map((row) =>
      COLUMNS.map((column) => (column === 'reasons' ? row.reasons.join(';') : row[column])),
    );
    reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="feedback${filter.articleId ? `-${filter.articleId}` : ''}.csv"`);
    // A byte-order mark: without it Excel reads the file as ANSI and garbles umlauts.
    return `\uFEFF${toCsv([[...COLUMNS], ...rows])}`;
  });
}

/**
 * @param {import('fastify').FastifyReply} reply
 * @param {number} retryAfterMs
 */
function tooMany(reply, retryAfterMs) {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return reply
    .code(429)
    .header('retry-after', String(seconds))
    .send({ error: 'rate-limited', message: `Too many wrong tokens from this address; retry in ${seconds} s.` });
}

/**
 * @param {import('fastify').FastifyReply} reply
 * @param {import('fastify').FastifyRequest} request
 */
function clearCookie(reply, request) {
  const secure = request.protocol === 'https' ? '; Secure' : '';
  reply.header('set-cookie', `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=${COOKIE_PATH}; Max-Age=0${secure}`);
}

/** @param {import('fastify').FastifyRequest} request */
function sessionId(request) {
  const match = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([A-Za-z0-9_-]{43})(?:;|$)`).exec(request.headers.cookie ?? '');
  return match?.[1];
}

/** @param {import('fastify').FastifyRequest} request */
function submissionIdOf(request) {
  const { submissionId } = /** @type {{submissionId: string}} */ (request.params);
  return UUID_V4_PATTERN.test(submissionId) ? submissionId.toLowerCase() : null;
}

/**
 * @param {string} field
 * @param {string} message
 */
function invalid(field, message) {
  return { error: 'invalid', field, message: `${field} ${message}` };
}

/**
 * @param {unknown} value
 * @param {number} fallback
 */
function positiveInteger(value, fallback) {
  if (value === undefined || value === '') return fallback;
  return typeof value === 'string' && /^[1-9]\d{0,6}$/.test(value) ? Number(value) : null;
}

/**
 * The trend's weeks as ISO times of their Mondays, oldest first.
 * @param {Date} now
 */
function weekStartsOf(now) {
  return weekBounds(now)
    .slice(0, -1)
    .map((date) => date.toISOString());
}

/**
 * The report's filter from the query string: `period` (7, 30, 90 days or all; default all),
 * `lang` (a language prefix such as de) and `scale`.
 * @param {import('fastify').FastifyRequest} request
 * @returns {{ok: true, value: import('../store/index.js').ReportFilter, echo: {period: string, lang: string | null, scale: string | null}}
 *   | {ok: false, error: object}}
 */
function reportFilter(request) {
  const query = /** @type {Record<string, unknown>} */ (request.query);
  const period = query.period ?? 'all';
  if (!PERIODS.includes(/** @type {any} */ (period))) return { ok: false, error: invalid('period', `must be one of ${PERIODS.join(', ')}`) };
  const lang = query.lang === undefined || query.lang === '' ? null : query.lang;
  if (lang !== null && !(typeof lang === 'string' && /^[A-Za-z]{2,8}$/.test(lang))) {
    return { ok: false, error: invalid('lang', 'must be a language code like de') };
  }
  const scale = query.scale === undefined || query.scale === '' ? null : query.scale;
  if (scale !== null && !isScale(scale)) return { ok: false, error: invalid('scale', 'must be stars, thumbs or faces') };
  const now = new Date();
  const since = period === 'all' ? null : new Date(now.getTime() - Number(period) * 86_400_000);
  return {
    ok: true,
    value: { since, lang: lang === null ? null : lang.toLowerCase(), scale, now },
    echo: { period: /** @type {string} */ (period), lang: lang === null ? null : lang.toLowerCase(), scale },
  };
}

/**
 * A stored row as the admin routes answer it (camelCase, as the wire format).
 * @param {Record<string, any>} row
 */
function toAnswer(row) {
  return {
    submissionId: row.submission_id,
    revision: row.revision,
    articleId: row.article_id,
    rating: row.rating,
    scale: row.scale,
    reasons: row.reasons,
    comment: row.comment,
    locale: row.locale,
    page: row.page,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const BAD_FILTER = Object.freeze({ error: 'invalid', field: 'articleId', message: 'articleId is not a valid id' });

/**
 * The optional `?articleId=` filter of the export routes.
 * @param {import('fastify').FastifyRequest} request
 * @returns {{ok: boolean, articleId: string | undefined}}
 */
function articleFilter(request) {
  const { articleId } = /** @type {{articleId?: unknown}} */ (request.query);
  if (articleId === undefined || articleId === '') return { ok: true, articleId: undefined };
  return typeof articleId === 'string' && ARTICLE_ID_PATTERN.test(articleId)
    ? { ok: true, articleId }
    : { ok: false, articleId: undefined };
}
