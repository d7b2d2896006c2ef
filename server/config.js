/**
 * Reads the collector's settings from environment variables and validates them once, at start.
 *
 * Every bad value throws a ConfigError whose message is a single line naming the variable, so the
 * process (`cli.js`) can print it and exit with code 1. docs/collector.md lists every variable.
 */
import net from 'node:net';
import path from 'node:path';

/** Thrown for an environment variable that cannot be used; the message is one line. */
export class ConfigError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'ConfigError';
  }
}

/**
 * Where the ratings are stored: an SQLite file (the embedded default) or a PostgreSQL database.
 * @typedef {{kind: 'sqlite', file: string} | {kind: 'postgres', url: string, poolMax: number}} StoreConfig
 */

/**
 * @typedef {object} Config
 * @property {number} port TCP port; 0 picks a free one.
 * @property {string} host Interface to listen on.
 * @property {StoreConfig} store Where ratings are stored.
 * @property {string[] | '*' | null} corsOrigins Allowed origins; `null` means the server's own origin, `'*'` any
 *   http(s) origin. The literal `'null'` in the list allows pages with an opaque origin.
 * @property {string | null} adminToken Bearer token for the export routes; `null` disables them.
 * @property {string[]} adminOrigins Origins besides the collector's own whose pages may use the admin routes (the owner report).
 * @property {number} adminSessionHours How long an admin session lasts after login.
 * @property {{max: number, windowMs: number}} rateLimit Allowed POSTs per client address and window.
 * @property {string[] | null} trustProxy Proxy addresses (IP, CIDR or proxy-addr's `loopback`,
 *   `linklocal`, `uniquelocal`) whose `X-Forwarded-For` names the client; `null` trusts no header.
 * @property {number} requestTimeoutMs A request's headers and body must arrive within this time.
 * @property {number} keepAliveTimeoutMs An idle keep-alive connection is closed after this time.
 * @property {number} shutdownGraceMs On SIGTERM, requests in flight get this long before their connections are cut.
 * @property {number | null} commentRetentionDays Comments older than this are deleted (the rating stays); `null` keeps them.
 */

/**
 * Builds a validated, frozen configuration from environment variables.
 * Unset and empty variables take their defaults.
 * @param {Record<string, string | undefined>} [env]
 * @param {{cwd?: string}} [options] `cwd` is the folder a relative `FEEDBACK_DB` is resolved against.
 * @returns {Readonly<Config>}
 */
export function loadConfig(env = process.env, { cwd = process.cwd() } = {}) {
  const value = (/** @type {string} */ name) => {
    const raw = env[name];
    return raw === undefined || raw.trim() === '' ? undefined : raw.trim();
  };
  const integer = (/** @type {string} */ name, /** @type {number} */ fallback, /** @type {number} */ min, /** @type {number} */ max) =>
    parseInteger(name, value(name), fallback, min, max);

  const requestTimeoutMs = integer('REQUEST_TIMEOUT_MS', 10_000, 100, 600_000);
  const retention = value('FEEDBACK_COMMENT_RETENTION_DAYS');
  return Object.freeze({
    port: integer('PORT', 8000, 0, 65535),
    host: parseHost(value('HOST') ?? '127.0.0.1'),
    store: Object.freeze(
      parseStore(value('FEEDBACK_DB') ?? 'data/feedback.sqlite', cwd, integer('PG_POOL_MAX', 10, 1, 1000)),
    ),
    corsOrigins: parseOrigins(value('CORS_ORIGINS')),
    adminToken: parseToken(env.FEEDBACK_ADMIN_TOKEN),
    adminOrigins: parseAdminOrigins(value('FEEDBACK_ADMIN_ORIGINS')),
    adminSessionHours: integer('FEEDBACK_ADMIN_SESSION_HOURS', 8, 1, 24 * 30),
    rateLimit: Object.freeze({
      max: integer('RATE_LIMIT_MAX', 30, 1, Number.MAX_SAFE_INTEGER),
      windowMs: integer('RATE_LIMIT_WINDOW_MS', 60_000, 1000, 24 * 60 * 60 * 1000),
    }),
    trustProxy: parseTrustProxy(value('TRUST_PROXY')),
    requestTimeoutMs,
    keepAliveTimeoutMs: integer('KEEP_ALIVE_TIMEOUT_MS', 5000, 100, 600_000),
    shutdownGraceMs: integer('SHUTDOWN_GRACE_MS', 10_000, 0, 600_000),
    commentRetentionDays:
      retention === undefined ? null : parseInteger('FEEDBACK_COMMENT_RETENTION_DAYS', retention, 0, 1, 100_000),
  });
}

/**
 * The origins a browser page served by this server itself would send.
 * @param {string} host
 * @param {number} port the real, bound port
 * @returns {string[]}
 */
export function ownOrigins(host, port) {
  const hostPart = host.includes(':') ? `[${host}]` : host;
  return [...new Set([`http://${hostPart}:${port}`, `http://localhost:${port}`])];
}

/**
 * A store's location as it may be printed: a PostgreSQL URL without its password.
 * @param {StoreConfig} store
 */
export function describeStore(store) {
  if (store.kind === 'sqlite') return `SQLite ${store.file}`;
  const url = new URL(store.url);
  if (url.password) url.password = '***';
  return `PostgreSQL ${url.href}`;
}

/**
 * @param {string} name
 * @param {string | undefined} raw
 * @param {number} fallback
 * @param {number} min
 * @param {number} max
 */
function parseInteger(name, raw, fallback, min, max) {
  if (raw === undefined) return fallback;
  const number = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < min || number > max) {
    throw new ConfigError(`${name}=${JSON.stringify(raw)} is invalid: expected an integer from ${min} to ${max}.`);
  }
  return number;
}

/** @param {string} raw */
function parseHost(raw) {
  // A hostname, an IPv4 address or a bare IPv6 address; no scheme, port or path.
  if (!/^[A-Za-z0-9.-]+$/.test(raw) && !/^[0-9A-Fa-f:.]+$/.test(raw)) {
    throw new ConfigError(`HOST=${JSON.stringify(raw)} is invalid: expected a hostname or IP address without scheme or port.`);
  }
  return raw;
}

/**
 * `postgres://…` or `postgresql://…` selects PostgreSQL; anything else is an SQLite file path.
 * @param {string} raw
 * @param {string} cwd
 * @param {number} poolMax
 * @returns {StoreConfig}
 */
function parseStore(raw, cwd, poolMax) {
  if (/^postgres(ql)?:\/\//i.test(raw)) {
    let url;
    try {
      url = new URL(raw);
    } catch {
      url = null;
    }
    if (!url || url.pathname.length < 2) {
      throw new ConfigError(
        'FEEDBACK_DB is invalid: expected a PostgreSQL URL with a database name, like postgres://user:password@host:5432/feedback.',
      );
    }
    return { kind: 'postgres', url: raw, poolMax };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) {
    throw new ConfigError(
      `FEEDBACK_DB is invalid: ${JSON.stringify(raw.split(':')[0])} URLs are not supported; use a file path (SQLite) or postgres://… (PostgreSQL).`,
    );
  }
  if (raw === ':memory:') throw new ConfigError('FEEDBACK_DB=:memory: is not supported: ratings must outlive the process; give a file path.');
  if (raw.includes('\0')) throw new ConfigError('FEEDBACK_DB is invalid: the path contains a NUL character.');
  return { kind: 'sqlite', file: path.resolve(cwd, raw) };
}

/**
 * True for an http(s) origin written exactly as browsers serialize it (scheme, host, optional
 * port; no path or trailing slash): anything else could never match a request's `Origin`.
 * @param {string} origin
 */
function isExactOrigin(origin) {
  try {
    const parsed = new URL(origin);
    return /^https?:$/.test(parsed.protocol) && parsed.origin === origin;
  } catch {
    return false;
  }
}

/**
 * @param {string | undefined} raw
 * @returns {string[] | '*' | null}
 */
function parseOrigins(raw) {
  if (raw === undefined) return null;
  if (raw === '*') return '*';
  const origins = raw.split(',').map((part) => part.trim()).filter(Boolean);
  for (const origin of origins) {
    // Sandboxed frames, file: pages and some redirects send `Origin: null`; only an explicit entry allows them.
    if (origin === 'null') continue;
    if (!isExactOrigin(origin)) {
      throw new ConfigError(
        `CORS_ORIGINS contains ${JSON.stringify(origin)}: expected comma-separated origins like https://help.example.com (scheme, host, optional port; no path or trailing slash), null, or "*".`,
      );
    }
  }
  if (origins.length === 0) throw new ConfigError('CORS_ORIGINS is invalid: no origin given.');
  return [...new Set(origins)];
}

/**
 * Exact origins only: a page of one of them may act with the owner's session.
 * @param {string | undefined} raw
 * @returns {string[]}
 */
function parseAdminOrigins(raw) {
  if (raw === undefined) return [];
  const origins = raw.split(',').map((part) => part.trim()).filter(Boolean);
  for (const origin of origins) {
    if (!isExactOrigin(origin)) {
      throw new ConfigError(
        `FEEDBACK_ADMIN_ORIGINS contains ${JSON.stringify(origin)}: expected comma-separated origins like https://admin.example.com (scheme, host, optional port; no path, no "*").`,
      );
    }
  }
  return [...new Set(origins)];
}

const PROXY_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * Which proxies may name the client in `X-Forwarded-For`. Only listed addresses: trusting every
 * sender would let any client pick the address its rate limit is counted under.
 * @param {string | undefined} raw
 * @returns {string[] | null}
 */
function parseTrustProxy(raw) {
  if (raw === undefined) return null;
  const entries = raw.split(',').map((part) => part.trim()).filter(Boolean);
  for (const entry of entries) {
    const [address, prefix, extra] = entry.split('/');
    const family = net.isIP(address);
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 6 ? 128 : 32));
    if (!(PROXY_RANGES.includes(entry) || (family && prefixOk && extra === undefined))) {
      throw new ConfigError(
        `TRUST_PROXY contains ${JSON.stringify(entry)}: expected comma-separated proxy addresses (IP or CIDR, e.g. 127.0.0.1,10.0.0.0/8) or loopback, linklocal, uniquelocal.`,
      );
    }
  }
  if (entries.length === 0) throw new ConfigError('TRUST_PROXY is invalid: no address given.');
  return entries;
}

/** @param {string | undefined} raw */
function parseToken(raw) {
  if (raw === undefined || raw === '') return null;
  if (raw.length < 16 || /\s/.test(raw)) {
    throw new ConfigError('FEEDBACK_ADMIN_TOKEN is invalid: expected at least 16 characters without whitespace.');
  }
  return raw;
}
