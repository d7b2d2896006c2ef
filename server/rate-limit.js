/**
 * The per-address limit on POSTs (`RATE_LIMIT_MAX` per `RATE_LIMIT_WINDOW_MS`, counted per instance).
 * Each address gets a fixed window from its first POST. Memory is bounded: past `maxAddresses`,
 * the address whose window started first is forgotten.
 */

/**
 * @param {{max: number, windowMs: number, maxAddresses?: number, now?: () => number}} options
 */
export function rateLimiter({ max, windowMs, maxAddresses = 100_000, now = Date.now }) {
  /** @type {Map<string, {count: number, resetAt: number}>} */
  const windows = new Map();

  return {
    /**
     * Counts one POST from `address`; `retryAfterMs` is set once the address is over its limit.
     * @param {string} address
     * @returns {{ok: true} | {ok: false, retryAfterMs: number}}
     */
    hit(address) {
      const time = now();
      let window = windows.get(address);
      if (!window || time >= window.resetAt) {
        // Re-inserted, so Map order stays "oldest window first" for the eviction below.
        windows.delete(address);
        window = { count: 0, resetAt: time + windowMs };
        windows.set(address, window);
        if (windows.size > maxAddresses) windows.delete(/** @type {string} */ (windows.keys().next().value));
      }
      window.count += 1;
      return window.count <= max ? { ok: true } : { ok: false, retryAfterMs: window.resetAt - time };
    },

    /**
     * Whether `address` is over its limit now, without counting anything (for limits that count
     * only failures, like wrong admin tokens).
     * @param {string} address
     * @returns {{ok: true} | {ok: false, retryAfterMs: number}}
     */
    peek(address) {
      const time = now();
      const window = windows.get(address);
      if (!window || time >= window.resetAt || window.count < max) return { ok: true };
      return { ok: false, retryAfterMs: window.resetAt - time };
    },
  };
}
