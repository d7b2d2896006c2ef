/**
 * Which pages may use the collector: the one origin policy behind both the CORS headers and the
 * refusal of POSTs from foreign pages.
 */
import { ownOrigins } from './config.js';

/**
 * @param {Readonly<import('./config.js').Config>} config
 * @param {import('fastify').FastifyInstance} app the server; with no configured list its own origin is known only once it listens
 */
export function originPolicy(config, app) {
  /** @type {Set<string> | null} */
  let allowed = Array.isArray(config.corsOrigins) ? new Set(config.corsOrigins) : null;

  /**
   * True when a page of `origin` may read the collector's answers (CORS).
   * @param {string | undefined} origin
   */
  function allowsCors(origin) {
    if (origin === undefined) return false;
    // "*" is every web origin; pages with an opaque origin ("null": sandboxed frames, file:) only when listed.
    if (config.corsOrigins === '*') return origin !== 'null';
    if (!allowed) {
      const address = app.server.address();
      if (address && typeof address === 'object') allowed = new Set(ownOrigins(config.host, address.port));
    }
    return allowed !== null && allowed.has(origin);
  }

  /**
   * True when a request may post a rating. Without an `Origin` header it is no browser page acting
   * for a visitor (browsers send `Origin` on every POST): a script or server, which could send any
   * header it liked, so refusing it would protect nothing. A page on the collector's own host is
   * same-origin and always allowed.
   * @param {string | undefined} origin
   * @param {string} host the request's host (and port), as the browser addressed it
   */
  function allowsPost(origin, host) {
    if (origin === undefined || allowsCors(origin)) return true;
    if (origin === 'null') return false;
    try {
      return new URL(origin).host === host.toLowerCase();
    } catch {
      return false;
    }
  }

  const adminOrigins = new Set(config.adminOrigins ?? []);

  /**
   * True when a request may use the admin routes, which act with the owner's session cookie.
   * Refused: a page whose `Origin` is neither the collector's own nor in FEEDBACK_ADMIN_ORIGINS,
   * and any request the browser marks `Sec-Fetch-Site: cross-site` from an origin not listed there.
   * Without `Origin` and `Sec-Fetch-Site` it is no browser page (browsers send `Origin` on every
   * request that changes something): a script, which needs the token anyway.
   * @param {string | undefined} origin
   * @param {string | string[] | undefined} fetchSite
   * @param {string} host
   */
  function allowsAdmin(origin, fetchSite, host) {
    if (origin !== undefined && adminOrigins.has(origin)) return true;
    if (fetchSite === 'cross-site') return false;
    if (origin === undefined) return true;
    if (origin === 'null') return false;
    try {
      return new URL(origin).host === host.toLowerCase();
    } catch {
      return false;
    }
  }

  /**
   * True when a page of `origin` on another origin may read admin answers with credentials (CORS).
   * @param {string | undefined} origin
   */
  function allowsAdminCors(origin) {
    return origin !== undefined && adminOrigins.has(origin);
  }

  return { allowsCors, allowsPost, allowsAdmin, allowsAdminCors };
}
