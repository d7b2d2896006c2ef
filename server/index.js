/**
 * Entry point: `node server/index.js`. Reads the environment, opens the database, listens,
 * and shuts down gracefully on SIGTERM or SIGINT (in-flight requests finish, then the DB closes).
 */
import { ConfigError, loadConfig } from './config.js';
import { listen } from './start.js';

/** A shutdown that takes longer than this is cut short with exit code 1. */
const SHUTDOWN_TIMEOUT_MS = 10_000;

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
  server = await listen(config, { logger: { level: 'warn' } });
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
