/**
 * The HTTP layer: `buildApp({config, db})` returns a ready-to-listen Fastify instance with the
 * feedback API and the admin export. It never listens by itself, and serves no files: a site
 * that wants its pages on the same origin registers its own routes on the instance.
 */
import crypto from 'node:crypto';
import Fastify from 'fastify';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import { ownOrigins } from './config.js';
import { COLUMNS } from './db.js';
import { ARTICLE_ID_PATTERN, LIMITS, ROUTES, validateFeedback } from './contract.js';

const BODY_LIMIT = LIMITS.bodyBytes;

/**
 * @param {object} options
 * @param {Readonly<import('./config.js').Config>} options.config
 * @param {import('./db.js').FeedbackDb} options.db
 * @param {boolean | object} [options.logger] Fastify logger options; off by default.
 * @returns {Promise<import('fastify').FastifyInstance>}
 */
export async function buildApp({ config, db, logger = false }) {
  /** @type {import('fastify').FastifyServerOptions} */
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
    // URLs Fastify cannot decode get the same error shape as every other bad request.
    frameworkErrors: (error, request, reply) => {
      reply.code(400).send({ error: 'bad-request', message: 'The URL is malformed.' });
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
    if (status === 429) {
      return reply.code(429).send({ error: 'rate-limited', message: error.message });
    }
    if (status >= 400 && status < 500) {
      return reply.code(status).send({ error: 'bad-request', message: error.message });
    }
    request.log.error(error);
    return reply.code(500).send({ error: 'internal', message: 'Internal server error.' });
  });

  app.setNotFoundHandler((request, reply) => reply.code(404).send({ error: 'not-found' }));

  // During shutdown, answers close their connection so an idle keep-alive client cannot delay the exit.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (request, reply) => {
    if (closing) reply.header('connection', 'close');
  });

  await app.register(cors, {
    origin: corsOriginCheck(config, app),
    methods: ['GET', 'POST'],
    allowedHeaders: ['Content-Type'],
    credentials: false,
    maxAge: 600,
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (request, context) => ({
      statusCode: 429,
      message: `Too many ratings from this address; retry in ${Math.ceil(context.ttl / 1000)} s.`,
    }),
  });

  await app.register(feedbackRoutes, { db, rateLimit: config.rateLimit });
  app.get(ROUTES.summary, async (request, reply) => {
    const { articleId } = /** @type {{articleId: string}} */ (request.params);
    if (!ARTICLE_ID_PATTERN.test(articleId)) {
      return reply.code(400).send({ error: 'invalid', field: 'articleId', message: 'articleId is not a valid id' });
    }
    reply.header('cache-control', 'public, max-age=60');
    return db.summary(articleId);
  });
  if (config.adminToken) await app.register(adminRoutes, { db, token: config.adminToken });
  return app;
}

/**
 * POST /api/feedback with its own body parsers and rate limit.
 * @param {import('fastify').FastifyInstance} app
 * @param {{db: import('./db.js').FeedbackDb, rateLimit: {max: number, windowMs: number}}} options
 */
async function feedbackRoutes(app, { db, rateLimit: limit }) {
  app.removeAllContentTypeParsers();
  // The client posts JSON as text/plain so browsers skip the CORS preflight.
  app.addContentTypeParser(['application/json', 'text/plain'], { parseAs: 'string' }, (request, body, done) => {
    try {
      done(null, JSON.parse(/** @type {string} */ (body)));
    } catch {
      done(Object.assign(new Error('Invalid JSON'), { statusCode: 400, code: 'INVALID_JSON' }), undefined);
    }
  });

  app.post(
    ROUTES.feedback,
    {
      bodyLimit: BODY_LIMIT,
      config: { rateLimit: { max: limit.max, timeWindow: limit.windowMs } },
    },
    async (request, reply) => {
      const result = validateFeedback(request.body);
      if ('trap' in result) return reply.code(202).send({ ok: true });
      if (!result.ok) {
        return reply.code(400).send({ error: 'invalid', field: result.field, message: `${result.field} ${result.message}` });
      }
      const { created, revision } = db.upsert(result.value);
      return reply.code(created ? 201 : 200).send({ ok: true, submissionId: result.value.submissionId, revision });
    },
  );
}

/**
 * GET /api/feedback and /api/feedback.csv behind a bearer token.
 * @param {import('fastify').FastifyInstance} app
 * @param {{db: import('./db.js').FeedbackDb, token: string}} options
 */
async function adminRoutes(app, { db, token }) {
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

  /** @param {import('fastify').FastifyRequest} request */
  const articleFilter = (request) => {
    const { articleId } = /** @type {{articleId?: string}} */ (request.query);
    if (articleId === undefined || articleId === '') return { ok: true, articleId: undefined };
    return { ok: typeof articleId === 'string' && ARTICLE_ID_PATTERN.test(articleId), articleId };
  };
  const badFilter = { error: 'invalid', field: 'articleId', message: 'articleId is not a valid id' };

  app.get('/api/feedback', async (request, reply) => {
    const filter = articleFilter(request);
    if (!filter.ok) return reply.code(400).send(badFilter);
    return db.list(filter.articleId).map((row) => ({
      submissionId: row.submission_id,
      revision: row.revision,
      articleId: row.article_id,
      rating: row.rating,
      scale: row.scale,
      reasons: JSON.parse(row.reasons),
      comment: row.comment,
      locale: row.locale,
      page: row.page,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    }));
  });

  app.get('/api/feedback.csv', async (request, reply) => {
    const filter = articleFilter(request);
    if (!filter.ok) return reply.code(400).send(badFilter);
    const rows = db.list(filter.articleId).map((row) =>
      COLUMNS.map((column) =>
        column === 'reasons' ? JSON.parse(row.reasons).join(';') : row[/** @type {keyof typeof row} */ (column)],
      ),
    );
    reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="feedback${filter.articleId ? `-${filter.articleId}` : ''}.csv"`);
    // A byte-order mark: without it Excel reads the file as ANSI and garbles umlauts.
    return `\uFEFF${toCsv([[...COLUMNS], ...rows])}`;
  });
}

/**
 * RFC 4180 CSV with CRLF line ends. Text cells that a spreadsheet would run as a formula
 * get a leading apostrophe.
 * @param {unknown[][]} rows
 */
export function toCsv(rows) {
  return rows.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** @param {unknown} value */
function csvCell(value) {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * An origin checker for @fastify/cors. With no configured list it allows the server's own
 * origin, which is only known once it listens (port 0 picks a random port).
 * @param {Readonly<import('./config.js').Config>} config
 * @param {import('fastify').FastifyInstance} app
 */
function corsOriginCheck(config, app) {
  if (config.corsOrigins === '*') return true;
  /** @type {Set<string> | null} */
  let allowed = config.corsOrigins ? new Set(config.corsOrigins) : null;
  return (/** @type {string | undefined} */ origin, /** @type {Function} */ callback) => {
    if (!allowed) {
      const address = app.server.address();
      if (address && typeof address === 'object') allowed = new Set(ownOrigins(config.host, address.port));
    }
    callback(null, origin !== undefined && allowed !== null && allowed.has(origin));
  };
}
