/**
 * The owner's routes behind a bearer token (`FEEDBACK_ADMIN_TOKEN`): every answer with its
 * comment, as JSON or CSV. Registered only when a token is configured. More owner routes (reports)
 * belong here, behind the same hook.
 */
import crypto from 'node:crypto';
import { ARTICLE_ID_PATTERN } from '../contract.js';
import { toCsv } from '../csv.js';
import { COLUMNS } from '../store/index.js';

/**
 * @param {import('fastify').FastifyInstance} app
 * @param {{store: import('../store/index.js').FeedbackStore, token: string}} options
 */
export async function adminRoutes(app, { store, token }) {
  const expected = crypto.createHash('sha256').update(token).digest();
  app.addHook('onRequest', async (request, reply) => {
    const match = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '');
    // Hashing both sides gives equal lengths, so timingSafeEqual never leaks the token length.
    const given = crypto.createHash('sha256').update(match?.[1] ?? '').digest();
    if (!match || !crypto.timingSafeEqual(given, expected)) {
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer')
        .send({ error: 'unauthorized', message: 'A valid bearer token is required.' });
    }
    reply.header('cache-control', 'no-store');
  });

  app.get('/api/feedback', async (request, reply) => {
    const filter = articleFilter(request);
    if (!filter.ok) return reply.code(400).send(BAD_FILTER);
    return (await store.list(filter.articleId)).map((row) => ({
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
    }));
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
