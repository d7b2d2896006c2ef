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

  return { allowsCors, allowsPost };
}
