/**
 * The public routes: `POST /api/feedback` (one submission) and the summary of one article.
 */
import { ARTICLE_ID_PATTERN, LIMITS, ROUTES, validateFeedback } from '../contract.js';
import { summarize } from '../summary.js';

/** What a foreign page is told when it tries to post. */
const FORBIDDEN_ORIGIN = Object.freeze({
  error: 'forbidden-origin',
  message: "This page's origin may not post feedback: the collector accepts ratings only from the origins in CORS_ORIGINS.",
});

/**
 * @param {import('fastify').FastifyInstance} app
 * @param {{store: import('../store/index.js').FeedbackStore, limiter: ReturnType<typeof import('../rate-limit.js').rateLimiter>,
 *   policy: ReturnType<typeof import('../origins.js').originPolicy>}} options
 */
export async function feedbackRoutes(app, { store, limiter, policy }) {
  app.removeAllContentTypeParsers();
  // The client posts JSON as text/plain so browsers skip the CORS preflight.
  app.addContentTypeParser(['application/json', 'text/plain'], { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, JSON.parse(/** @type {string} */ (body)));
    } catch {
      done(Object.assign(new Error('Invalid JSON'), { statusCode: 400, code: 'INVALID_JSON' }), undefined);
    }
  });

  app.post(
    ROUTES.feedback,
    {
      bodyLimit: LIMITS.bodyBytes,
      // Before the body is read: a foreign page's POST costs no parsing and counts against no limit.
      onRequest: (request, reply, done) => {
        if (!policy.allowsPost(request.headers.origin, request.host)) {
          reply.code(403).send(FORBIDDEN_ORIGIN);
          return;
        }
        const counted = limiter.hit(request.ip);
        if (!counted.ok) {
          const seconds = Math.max(1, Math.ceil(counted.retryAfterMs / 1000));
          reply
            .code(429)
            .header('retry-after', String(seconds))
            .send({ error: 'rate-limited', message: `Too many ratings from this address; retry in ${seconds} s.` });
          return;
        }
        done();
      },
    },
    async (request, reply) => {
      const result = validateFeedback(request.body);
      if ('trap' in result) return reply.code(202).send({ ok: true });
      if (!result.ok) {
        return reply.code(400).send({ error: 'invalid', field: result.field, message: `${result.field} ${result.message}` });
      }
      const { submissionId } = result.value;
      const stored = await store.upsert(result.value);
      if (stored.status === 'conflict') {
        return reply.code(409).send({
          error: 'conflict',
          field: 'articleId',
          message: `submission ${submissionId} belongs to another article; a new revision may not move it (send a new submissionId)`,
        });
      }
      return reply.code(stored.status === 'created' ? 201 : 200).send({ ok: true, submissionId, revision: stored.revision });
    },
  );

  app.get(ROUTES.summary, async (request, reply) => {
    const { articleId } = /** @type {{articleId: string}} */ (request.params);
    if (!ARTICLE_ID_PATTERN.test(articleId)) {
      return reply.code(400).send({ error: 'invalid', field: 'articleId', message: 'articleId is not a valid id' });
    }
    reply.header('cache-control', 'public, max-age=60');
    return summarize(articleId, await store.ratingCounts(articleId));
  });
}
