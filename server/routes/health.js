/**
 * `GET /healthz` for load balancers and monitors: 200 while the store answers, 503 otherwise (and
 * while the collector shuts down), so traffic goes to instances that can store a rating.
 */

/** How long the store may take to answer before the instance counts as unhealthy. */
const PING_TIMEOUT_MS = 2000;

/**
 * @param {import('fastify').FastifyInstance} app
 * @param {{store: import('../store/index.js').FeedbackStore}} options
 */
export async function healthRoutes(app, { store }) {
  app.get('/healthz', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let timer;
    const timeout = new Promise((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), PING_TIMEOUT_MS);
    });
    try {
      await Promise.race([store.ping(), timeout]);
      return { ok: true, store: store.kind };
    } catch {
      return reply.code(503).send({ ok: false, store: store.kind, error: 'store-unavailable', message: 'The feedback store does not answer.' });
    } finally {
      clearTimeout(timer);
    }
  });
}
