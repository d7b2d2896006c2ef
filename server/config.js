/**
 * Reads the collector's settings from environment variables and validates them once, at start.
 *
 * Every bad value throws a ConfigError whose message is a single line naming the variable,
 * so `server/index.js` can print it and exit with code 1.
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
 * @typedef {object} Config
 * @property {number} port TCP port; 0 picks a free one.
 * @property {string} host Interface to listen on.
 * @property {string} dbFile Absolute path of the SQLite file (or `:memory:`).
 * @property {string[] | '*' | null} corsOrigins Allowed origins; `null` means the server's own origin, `'*'` any origin.
 * @property {string | null} adminToken Bearer token for the export routes; `null` disables them.
 * @property {{max: number, windowMs: number}} rateLimit Allowed POSTs per client address and window.
 * @property {string[] | null} trustProxy Proxy addresses (IP, CIDR or proxy-addr's `loopback`,
 *   `linklocal`, `uniquelocal`) whose `X-Forwarded-For` names the client; `null` trusts no header.
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

  const port = parseInteger('PORT', value('PORT'), 8000, 0, 65535);
  const host = parseHost(value('HOST') ?? '127.0.0.1');
  const dbFile = parseDbFile(value('FEEDBACK_DB') ?? 'data/feedback.sqlite', cwd);
  const corsOrigins = parseOrigins(value('CORS_ORIGINS'));
  const adminToken = parseToken(env.FEEDBACK_ADMIN_TOKEN);
  const max = parseInteger('RATE_LIMIT_MAX', value('RATE_LIMIT_MAX'), 30, 1, Number.MAX_SAFE_INTEGER);
  const windowMs = parseInteger(
    'RATE_LIMIT_WINDOW_MS',
    value('RATE_LIMIT_WINDOW_MS'),
    60_000,
    1000,
    24 * 60 * 60 * 1000,
  );

  return Object.freeze({
    port,
    host,
    dbFile,
    corsOrigins,
    adminToken,
    rateLimit: Object.freeze({ max, windowMs }),
    trustProxy: parseTrustProxy(value('TRUST_PROXY')),
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
 * @param {string} raw
 * @param {string} cwd
 */
function parseDbFile(raw, cwd) {
  if (raw === ':memory:') return raw;
  if (raw.includes('\0')) throw new ConfigError('FEEDBACK_DB is invalid: the path contains a NUL character.');
  return path.resolve(cwd, raw);
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
    let parsed;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = null;
    }
    // Browsers send the serialized origin exactly, so anything else could never match.
    if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.origin !== origin) {
      throw new ConfigError(
        `CORS_ORIGINS contains ${JSON.stringify(origin)}: expected comma-separated origins like https://help.example.com (scheme, host, optional port; no path or trailing slash), or "*".`,
      );
    }
  }
  if (origins.length === 0) throw new ConfigError('CORS_ORIGINS is invalid: no origin given.');
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
