/**
 * The collector as a process: `help-feedback-collector` reads the environment, listens, prints
 * where, and shuts down on SIGTERM or SIGINT (requests in flight finish within SHUTDOWN_GRACE_MS,
 * then the store closes). `help-feedback-collector backup <file>` copies a live SQLite store.
 * Used by the bin and by anything that runs the collector with more routes (the repository's `npm start`).
 */
import { ConfigError, describeStore, loadConfig } from './config.js';
import { listen } from './start.js';

/** After the grace period, closing the store may take this long before the process gives up with code 1. */
const STORE_CLOSE_TIMEOUT_MS = 5000;

const USAGE = `Usage:
  help-feedback-collector                 start the collector (settings from environment variables)
  help-feedback-collector backup <file>   copy the SQLite store (FEEDBACK_DB) to <file> with SQLite's online backup
  help-feedback-collector help            this text

Environment variables: PORT, HOST, FEEDBACK_DB, CORS_ORIGINS, FEEDBACK_ADMIN_TOKEN, RATE_LIMIT_MAX,
RATE_LIMIT_WINDOW_MS, TRUST_PROXY, REQUEST_TIMEOUT_MS, KEEP_ALIVE_TIMEOUT_MS, SHUTDOWN_GRACE_MS,
FEEDBACK_COMMENT_RETENTION_DAYS, PG_POOL_MAX (see docs/collector.md).
`;

/**
 * Runs the command named in `argv` (default: start the collector).
 * @param {object} [options]
 * @param {(app: import('fastify').FastifyInstance) => Promise<void>} [options.extend] more routes, registered before listening
 * @param {(url: string, config: Readonly<import('./config.js').Config>) => string} [options.banner] extra lines printed once listening
 * @param {string[]} [options.argv] the command line after the program name
 */
export async function runCollector({ extend, banner, argv = process.argv.slice(2) } = {}) {
  const [command = 'serve', ...rest] = argv;
  if (command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return undefined;
  }
  if (command === 'backup') return backup(rest);
  if (command !== 'serve') fail(`Unknown command ${JSON.stringify(command)}.\n\n${USAGE}`, 2);
  return serve({ extend, banner });
}

/**
 * @param {{extend?: (app: import('fastify').FastifyInstance) => Promise<void>,
 *   banner?: (url: string, config: Readonly<import('./config.js').Config>) => string}} options
 */
async function serve({ extend, banner }) {
  const config = configOrExit();
  let server;
  try {
    server = await listen(config, { logger: { level: 'warn' }, extend });
  } catch (error) {
    fail(`Could not start the feedback collector: ${/** @type {Error} */ (error).message}`);
  }

  // Signal handlers first: a SIGTERM sent as soon as the start line appears must already be handled.
  let shuttingDown = false;
  for (const signal of /** @type {const} */ (['SIGTERM', 'SIGINT'])) {
    process.on(signal, () => {
      if (shuttingDown) return;
      shuttingDown = true;
      process.stdout.write(`Shutting down (${signal})…\n`);
      // The grace period ends with the connections cut, so only a store that does not close can get here.
      const timer = setTimeout(() => {
        process.stderr.write('Shutdown timed out: the store did not close; exiting.\n');
        process.exit(1);
      }, config.shutdownGraceMs + STORE_CLOSE_TIMEOUT_MS);
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

  process.stdout.write(`Feedback collector listening on ${server.url}\n`);
  process.stdout.write(`Store: ${describeStore(config.store)}\n`);
  process.stdout.write(
    config.adminToken
      ? 'Admin export enabled: GET /api/feedback and /api/feedback.csv (bearer token).\n'
      : 'Admin export disabled: set FEEDBACK_ADMIN_TOKEN (16+ characters) to enable GET /api/feedback and /api/feedback.csv.\n',
  );
  if (banner) process.stdout.write(banner(server.url, config));
  return server;
}

/** @param {string[]} args */
async function backup(args) {
  const config = configOrExit();
  if (args.length !== 1 || args[0].startsWith('-')) fail(`backup needs exactly one destination file.\n\n${USAGE}`, 2);
  if (config.store.kind !== 'sqlite') {
    fail(
      'backup copies an SQLite store; FEEDBACK_DB names PostgreSQL. Back it up with pg_dump, e.g.\n' +
        '  pg_dump --format=custom --file=feedback.dump "$FEEDBACK_DB"',
    );
  }
  const path = await import('node:path');
  const { backupSqliteFile } = await import('./store/sqlite.js');
  const destination = path.resolve(args[0]);
  try {
    const { pages } = await backupSqliteFile(config.store.file, destination);
    process.stdout.write(`Backed up ${config.store.file} to ${destination} (${pages} pages).\n`);
  } catch (error) {
    fail(`Backup failed: ${/** @type {Error} */ (error).message}`);
  }
  return undefined;
}

function configOrExit() {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return fail(`Configuration error: ${error.message}`);
  }
}

/**
 * Prints `message` to stderr and exits.
 * @param {string} message
 * @param {number} [code]
 * @returns {never}
 */
function fail(message, code = 1) {
  process.stderr.write(`${message.trimEnd()}\n`);
  process.exit(code);
}
