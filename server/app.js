/**
 * The HTTP layer: `buildApp({config, store})` returns a ready-to-listen Fastify instance with the
 * feedback API, the health check and (with a token) the admin export. CORS and the rate limit are
 * small hooks of its own (`cors.js`, `rate-limit.js`): measured, the two plugins they replace cost
 * more per request than the collector's own checks. It never listens by itself,
 * and serves no files: a site that wants its pages on the same origin registers its own routes.
 */
import Fastify from 'fastify';
import { LIMITS } from './contract.js';
import { registerCors } from './cors.js';
import { originPolicy } from './origins.js';
import { rateLimiter } from './rate-limit.js';
import { adminRoutes } from './routes/admin.js';
import { feedbackRoutes } from './routes/feedback.js';
import { healthRoutes } from './routes/health.js';

const BODY_LIMIT = LIMITS.bodyBytes;

/**
 * @param {object} options
 * @param {Readonly<import('./config.js').Config>} options.config
 * @param {import('./store/index.js').FeedbackStore} options.store
 * @param {boolean | object} [options.logger] Fastify logger options; off by default.
 * @returns {Promise<import('fastify').FastifyInstance>}
 */
export async function buildApp({ config, store, logger = false }) {
  /** @type {import('fastify').FastifyHttpOptions<import('node:http').Server>} */
  const options = {
    logger: logger && {
      ...(typeof logger === 'object' ? logger : {}),
      // Privacy: never log client addresses or user agents.
      serializers: { req: (req) => ({ method: req.method, url: req.url }) },
    },
    // Only the configured proxies may name the client (X-Forwarded-For); with none, a client
    // cannot pick the address its rate limit counts under.
    trustProxy: config.trustProxy ?? false,
    // Article ids may be 200 characters (Fastify's default allows 100 in a path parameter).
    routerOptions: { maxParamLength: 256 },
    // A request must arrive whole within the timeout, so a client that sends its headers or body a
    // byte at a time (slowloris) cannot hold a connection; idle keep-alive connections close too.
    requestTimeout: config.requestTimeoutMs,
    keepAliveTimeout: config.keepAliveTimeoutMs,
    connectionTimeout: config.requestTimeoutMs,
    http: {
      requestTimeout: config.requestTimeoutMs,
      headersTimeout: config.requestTimeoutMs,
      // Node checks the two timeouts above only this often (30 s by default).
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(config.requestTimeoutMs / 4))),
    },
    clientErrorHandler: clientError,
    // URLs Fastify cannot decode get the same error shape as every other bad request.
    frameworkErrors: (_error, _request, reply) => {
      // Sent before any hook runs, so it sets the header the onSend hook gives every other answer.
      /** @type {import('fastify').FastifyReply} */ (reply)
        .code(400)
        .header('x-content-type-options', 'nosniff')
        .send({ error: 'bad-request', message: 'The URL is malformed.' });
    },
  };
  const app = Fastify(options);

  app.setErrorHandler((/** @type {import('fastify').FastifyError} */ error, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status === 413) {
      return reply.code(413).send({ error: 'too-large', message: `The body must not exceed ${BODY_LIMIT} bytes.` });
    }
    if (error.code === 'INVALID_JSON' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return reply.code(400).send({ error: 'invalid-json', message: 'The body is not valid JSON.' });
    }
    if (status === 415) {
      return reply.code(415).send({ error: 'unsupported-media-type', message: 'Send JSON as text/plain or application/json.' });
    }
    if (status >= 400 && status < 500) {
      return reply.code(status).send({ error: 'bad-request', message: error.message });
    }
    request.log.error(error);
    // The widget keeps the rating and retries 5xx answers.
    return reply.code(500).send({ error: 'internal', message: 'Internal server error.' });
  });

  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ error: 'not-found' }));

  // During shutdown, answers close their connection so an idle keep-alive client cannot delay the exit.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    // Every answer is JSON or CSV and says so; no browser may guess it is HTML.
    reply.header('x-content-type-options', 'nosniff');
    if (closing) reply.header('connection', 'close');
    done(null, payload);
  });

  const policy = originPolicy(config, app);
  registerCors(app, policy);
  await app.register(feedbackRoutes, { store, limiter: rateLimiter(config.rateLimit), policy });
  await app.register(healthRoutes, { store });
  if (config.adminToken) {
    await app.register(adminRoutes, {
      store,
      token: config.adminToken,
      policy,
      sessionHours: config.adminSessionHours,
      // Wrong tokens per client address: 10 per 15 minutes, then 429 until the window ends.
      loginLimiter: rateLimiter({ max: 10, windowMs: 15 * 60_000 }),
    });
  }
  return app;
}

const CLIENT_ERRORS = /** @type {const} */ ({
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', 'request-timeout', 'The request did not arrive in time.'],
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large', 'headers-too-large', 'The request headers are too large.'],
});

/**
 * Answers a request Node could not parse, or that took too long to arrive, and closes its connection.
 * @param {Error & {code?: string}} error
 * @param {import('node:net').Socket} socket
 */
function clientError(error, socket) {
  if (socket.destroyed || error.code === 'ECONNRESET') return;
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const [status, reason, code, message] = CLIENT_ERRORS[/** @type {keyof typeof CLIENT_ERRORS} */ (error.code)] ?? [
    400,
    'Bad Request',
    'bad-request',
    'The request is malformed.',
  ];
  const body = JSON.stringify({ error: code, message });
  socket.write(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`,
  );
  // Closed at once, whatever the client does next: a half-open socket would keep the slow client's connection.
  socket.destroySoon();
}
