/**
 * Starts a real collector for other harnesses (web-test-runner, benches, node tests).
 *
 *   startServer(options?: {
 *     port?: number,              // default 0 = a free port
 *     host?: string,              // default '127.0.0.1'
 *     dbFile?: string,            // default: a fresh file in a temp folder, deleted by close()
 *     corsOrigins?: string[] | '*', // default: the server's own origin (http://host:port, http://localhost:port)
 *     adminToken?: string,        // ≥ 16 chars; enables GET /api/feedback(.csv); default none
 *     rateLimitMax?: number,      // POSTs per client address and window; default 30
 *     rateLimitWindowMs?: number, // default 60000
 *     trustProxy?: string[],      // proxies whose X-Forwarded-For names the client; default none
 *     extend?: (app) => Promise<void>, // registers more routes (a site's pages) before listening
 *     logger?: boolean | object,  // Fastify logger options; default false
 *   }): Promise<{
 *     url: string,                // e.g. 'http://127.0.0.1:43817' (no trailing slash)
 *     port: number,
 *     close: () => Promise<void>, // finishes in-flight requests, closes the DB; idempotent
 *     app: FastifyInstance,
 *     db: FeedbackDb,             // see server/db.js (upsert, summary, list, integrityCheck, raw)
 *     config: Config,
 *   }>
 *
 * Options go through the same validation as the environment variables (a bad value throws
 * ConfigError). Example in web-test-runner.config.mjs:
 *
 *   import { startServer } from './server/start.js';
 *   let collector;
 *   export default { plugins: [{ name: 'collector',
 *     async serverStart() { collector = await startServer({ corsOrigins: '*', rateLimitMax: 10000 }); },
 *     async serverStop() { await collector?.close(); } }] };
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from './config.js';
import { openDatabase } from './db.js';
import { buildApp } from './app.js';

/**
 * @typedef {object} RunningServer
 * @property {string} url
 * @property {number} port
 * @property {() => Promise<void>} close
 * @property {import('fastify').FastifyInstance} app
 * @property {import('./db.js').FeedbackDb} db
 * @property {Readonly<import('./config.js').Config>} config
 */

/**
 * Starts a collector on a (by default random) loopback port with its own temporary database.
 * @param {object} [options]
 * @param {number} [options.port]
 * @param {string} [options.host]
 * @param {string} [options.dbFile]
 * @param {string[] | '*'} [options.corsOrigins]
 * @param {string} [options.adminToken]
 * @param {number} [options.rateLimitMax]
 * @param {number} [options.rateLimitWindowMs]
 * @param {string[]} [options.trustProxy]
 * @param {(app: import('fastify').FastifyInstance) => Promise<void>} [options.extend]
 * @param {boolean | object} [options.logger]
 * @returns {Promise<RunningServer>}
 */
export async function startServer(options = {}) {
  const tempDir = options.dbFile ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'feedback-collector-'));
  const env = {
    PORT: String(options.port ?? 0),
    HOST: options.host ?? '127.0.0.1',
    FEEDBACK_DB: options.dbFile ?? path.join(/** @type {string} */ (tempDir), 'feedback.sqlite'),
    CORS_ORIGINS: Array.isArray(options.corsOrigins) ? options.corsOrigins.join(',') : options.corsOrigins,
    FEEDBACK_ADMIN_TOKEN: options.adminToken,
    RATE_LIMIT_MAX: options.rateLimitMax === undefined ? undefined : String(options.rateLimitMax),
    RATE_LIMIT_WINDOW_MS: options.rateLimitWindowMs === undefined ? undefined : String(options.rateLimitWindowMs),
    TRUST_PROXY: options.trustProxy?.join(','),
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
 * Opens the database, builds the app and listens, all from a validated configuration.
 * @param {Readonly<import('./config.js').Config>} config
 * @param {{logger?: boolean | object, extend?: (app: import('fastify').FastifyInstance) => Promise<void>}} [options]
 * @returns {Promise<RunningServer>}
 */
export async function listen(config, { logger = false, extend } = {}) {
  const db = openDatabase(config.dbFile);
  /** @type {import('fastify').FastifyInstance} */
  let app;
  try {
    app = await buildApp({ config, db, logger });
    if (extend) await extend(app);
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    db.close();
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
    db,
    config,
    close() {
      // Requests still in flight finish before the database closes, so no accepted write is lost.
      closing ??= app.close().then(() => db.close());
      return closing;
    },
  };
}
