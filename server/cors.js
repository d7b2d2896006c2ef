/**
 * CORS for the collector's few routes: pages of allowed origins may read the answers (and send
 * `application/json` after a preflight). Credentials are allowed only on the admin routes
 * (`/api/admin/…`) and only for FEEDBACK_ADMIN_ORIGINS, where the owner report runs on another
 * origin of the same site. Which origins are allowed is `origins.js`'s decision.
 */

const ADMIN_PREFLIGHT_HEADERS = Object.freeze({
  'access-control-allow-methods': 'GET, POST, PATCH, DELETE',
  'access-control-allow-headers': 'Content-Type, Authorization',
  'access-control-allow-credentials': 'true',
  'access-control-max-age': '600',
});

/** @param {string} url */
const isAdminPath = (url) => url.startsWith('/api/admin/') || url === '/api/admin';

const PREFLIGHT_HEADERS = Object.freeze({
  'access-control-allow-methods': 'GET, POST',
  'access-control-allow-headers': 'Content-Type',
  'access-control-max-age': '600',
});

/**
 * @param {import('fastify').FastifyInstance} app
 * @param {{allowsCors: (origin: string | undefined) => boolean, allowsAdminCors: (origin: string | undefined) => boolean}} policy
 */
export function registerCors(app, policy) {
  app.addHook('onRequest', (request, reply, done) => {
    const origin = request.headers.origin;
    if (origin !== undefined) {
      // The answer depends on the Origin, so caches must keep one copy per origin.
      reply.header('vary', 'Origin');
      if (isAdminPath(request.url)) {
        if (policy.allowsAdminCors(origin)) {
          reply.header('access-control-allow-origin', origin).header('access-control-allow-credentials', 'true');
        }
      } else if (policy.allowsCors(origin)) {
        reply.header('access-control-allow-origin', origin);
      }
    }
    done();
  });

  // A preflight from an allowed origin is answered here; any other OPTIONS request is not found.
  app.options('*', (request, reply) => {
    const admin = isAdminPath(request.url);
    const allowed =
      (admin ? policy.allowsAdminCors(request.headers.origin) : policy.allowsCors(request.headers.origin)) &&
      request.headers['access-control-request-method'] !== undefined;
    if (!allowed) return reply.callNotFound();
    return reply.code(204).headers(admin ? ADMIN_PREFLIGHT_HEADERS : PREFLIGHT_HEADERS).header('content-length', '0').send();
  });
}
