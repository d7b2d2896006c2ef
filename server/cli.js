/**
 * The collector as a process: reads the environment, listens, prints where, and shuts down
 * gracefully on SIGTERM or SIGINT (in-flight requests finish, then the store closes). Used by the
 * bin and by anything that runs the collector with more routes (the repository's `npm start`).
 */
import { ConfigError, loadConfig } from './config.js';
import { listen } from './start.js';

/** A shutdown that takes longer than this is cut short with exit code 1. */
const SHUTDOWN_TIMEOUT_MS = 10_000;

/**
 * @param {object} [options]
 * @param {(app: import('fastify').FastifyInstance) => Promise<void>} [options.extend] more routes, registered before listening
 * @param {(url: string, config: Readonly<import('./config.js').Config>) => string} [options.banner] extra lines printed once listening
 */
export async function runCollector({ extend, banner } = {}) {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`Configuration error: ${error.message}\n`);
    process.exit(1);
  }

  let server;
  try {
    server = await listen(config, { logger: { level: 'warn' }, extend });
  } catch (error) {
    process.stderr.write(`Could not start the feedback collector: ${/** @type {Error} */ (error).message}\n`);
    process.exit(1);
  }

  process.stdout.write(`Feedback collector listening on ${server.url}\n`);
  process.stdout.write(`Database: ${config.dbFile}\n`);
  process.stdout.write(
    config.adminToken
      ? 'Admin export enabled: GET /api/feedback and /api/feedback.csv (bearer token).\n'
      : 'Admin export disabled: set FEEDBACK_ADMIN_TOKEN (16+ characters) to enable GET /api/feedback and /api/feedback.csv.\n',
  );
  if (banner) process.stdout.write(banner(server.url, config));

  let shuttingDown = false;
  for (const signal of /** @type {const} */ (['SIGTERM', 'SIGINT'])) {
    process.on(signal, () => {
      if (shuttingDown) return;
      shuttingDown = true;
      process.stdout.write(`Shutting down (${signal})…\n`);
      const timer = setTimeout(() => {
        process.stderr.write('Shutdown timed out; exiting.\n');
        process.exit(1);
      }, SHUTDOWN_TIMEOUT_MS);
      timer.unref();
      server.close().then(
        () => {
          process.stdout.write('Feedback collector stopped.\n');
          process.exit(0);
        },
        (error) => {
          process.stderr.write(`Shutdown failed: ${error.message}\n`);
          process.exit(1);
        },
      );
    });
  }
  return server;
}
