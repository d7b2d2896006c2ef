/**
 * Starts a real collector for other harnesses (web-test-runner, benches, node tests).
 *
 *   startServer(options?: {
 *     port?: number,              // default 0 = a free port
 *     host?: string,              // default '127.0.0.1'
 *     db?: string,                // FEEDBACK_DB: an SQLite path or postgres://…; default: a fresh SQLite
 *                                 //   file in a temp folder, deleted by close() (`dbFile` is the old name)
 *     corsOrigins?: string[] | '*', // default: the server's own origin (http://host:port, http://localhost:port)
 *     adminToken?: string,        // ≥ 16 chars; enables GET /api/feedback(.csv) and /api/admin/…; default none
 *     adminOrigins?: string[],    // pages of these origins may use the admin routes with a session; default none
 *     rateLimitMax?: number,      // POSTs per client address and window; default 30
 *     rateLimitWindowMs?: number, // default 60000
 *     trustProxy?: string[],      // proxies whose X-Forwarded-For names the client; default none
 *     requestTimeoutMs?: number,  // default 10000
 *     keepAliveTimeoutMs?: number, // default 5000
 *     shutdownGraceMs?: number,   // default 10000
 *     commentRetentionDays?: number, // default: keep comments
 *     extend?: (app) => Promise<void>, // registers more routes (a site's pages) before listening
 *     logger?: boolean | object,  // Fastify logger options; default false
 *   }): Promise<{
 *     url: string,                // e.g. 'http://127.0.0.1:43817' (no trailing slash)
 *     port: number,
 *     close: () => Promise<void>, // finishes in-flight requests, closes the store; idempotent
 *     app: FastifyInstance,
 *     store: FeedbackStore,       // see server/store/index.js (upsert, ratingCounts, list, get, ping, …), all async
 *     config: Config,
 *   }>
 *
 * Options go through the same validation as the environment variables (a bad value throws
 * ConfigError). Example in web-test-runner.config.mjs:
 *
 *   import { startServer } from 'help-feedback-collector';
 *   let collector;
 *   export default { plugins: [{ name: 'collector',
 *     async serverStart() { collector = await startServer({ corsOrigins: '*', rateLimitMax: 10000 }); },
 *     async serverStop() { await collector?.close(); } }] };
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from './config.js';
import { openStore } from './store/index.js';
import { buildApp } from './app.js';
import { scheduleRetention } from './retention.js';

/**
 * @typedef {object} RunningServer
 * @property {string} url
 * @property {number} port
 * @property {() => Promise<void>} close
 * @property {import('fastify').FastifyInstance} app
 * @property {import('./store/index.js').FeedbackStore} store
 * @property {Readonly<import('./config.js').Config>} config
 */

/**
 * Starts a collector on a (by default random) loopback port with its own temporary database.
 * @param {object} [options]
 * @param {number} [options.port]
 * @param {string} [options.host]
 * @param {string} [options.db]
 * @param {string} [options.dbFile]
 * @param {string[] | '*'} [options.corsOrigins]
 * @param {string} [options.adminToken]
 * @param {string[]} [options.adminOrigins]
 * @param {number} [options.rateLimitMax]
 * @param {number} [options.rateLimitWindowMs]
 * @param {string[]} [options.trustProxy]
 * @param {number} [options.requestTimeoutMs]
 * @param {number} [options.keepAliveTimeoutMs]
 * @param {number} [options.shutdownGraceMs]
 * @param {number} [options.commentRetentionDays]
 * @param {(app: import('fastify').FastifyInstance) => Promise<void>} [options.extend]
 * @param {boolean | object} [options.logger]
 * @returns {Promise<RunningServer>}
 */
export async function startServer(options = {}) {
  const db = options.db ?? options.dbFile;
  const tempDir = db ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'feedback-collector-'));
  const text = (/** @type {number | undefined} */ number) => (number === undefined ? undefined : String(number));
  const env = {
    PORT: String(options.port ?? 0),
    HOST: options.host ?? '127.0.0.1',
    FEEDBACK_DB: db ?? path.join(/** @type {string} */ (tempDir), 'feedback.sqlite'),
    CORS_ORIGINS: Array.isArray(options.corsOrigins) ? options.corsOrigins.join(',') : options.corsOrigins,
    FEEDBACK_ADMIN_TOKEN: options.adminToken,
    FEEDBACK_ADMIN_ORIGINS: options.adminOrigins?.join(','),
    RATE_LIMIT_MAX: text(options.rateLimitMax),
    RATE_LIMIT_WINDOW_MS: text(options.rateLimitWindowMs),
    TRUST_PROXY: options.trustProxy?.join(','),
    REQUEST_TIMEOUT_MS: text(options.requestTimeoutMs),
    KEEP_ALIVE_TIMEOUT_MS: text(options.keepAliveTimeoutMs),
    SHUTDOWN_GRACE_MS: text(options.shutdownGraceMs),
    FEEDBACK_COMMENT_RETENTION_DAYS: text(options.commentRetentionDays),
  };
  const config = loadConfig(env);
  const running = await listen(config, { logger: options.logger, extend: options.extend });
  return {
    ...running,
    async close() {
      await running.close();
      if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
    },
  };
}

/**
 * Opens the store, builds the app and listens, all from a validated configuration.
 * @param {Readonly<import('./config.js').Config>} config
 * @param {{logger?: boolean | object, extend?: (app: import('fastify').FastifyInstance) => Promise<void>}} [options]
 * @returns {Promise<RunningServer>}
 */
export async function listen(config, { logger = false, extend } = {}) {
  const store = await openStore(config.store);
  /** @type {import('fastify').FastifyInstance} */
  let app;
  /** @type {{stop: () => void} | undefined} */
  let retention;
  try {
    retention = await scheduleRetention(store, config.commentRetentionDays, (error) => {
      process.stderr.write(`Comment retention failed: ${/** @type {Error} */ (error).message}\n`);
    });
    app = await buildApp({ config, store, logger });
    if (extend) await extend(app);
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    retention?.stop();
    await store.close();
    throw error;
  }
  const address = /** @type {import('node:net').AddressInfo} */ (app.server.address());
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  /** @type {Promise<void> | null} */
  let closing = null;
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    app,
    store,
    config,
    close() {
      closing ??= (async () => {
        retention?.stop();
        // Requests in flight get the grace period to finish; then their connections are cut (a
        // client that never finishes its request must not hold the shutdown).
        const cut = setTimeout(() => app.server.closeAllConnections(), config.shutdownGraceMs);
        try {
          await app.close();
        } finally {
          clearTimeout(cut);
        }
        // Only now: every write that was accepted is committed before the store closes.
        await store.close();
      })();
      return closing;
    },
  };
}
