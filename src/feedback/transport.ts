/** One delivery attempt: a payload posted to the collector, and what came of it. */
import { fitPayload, type FeedbackPayload } from './wire.js';
import { parseRetryAfter } from './retry-policy.js';

/** Why an attempt failed: the browser is offline, no answer came (network, CORS), it took too long, or an HTTP error. */
export type FailureKind = 'offline' | 'network' | 'timeout' | 'http';

/** The result of one attempt. */
export type Outcome =
  | { ok: true; status: number }
  | { ok: false; failure: FailureKind; status?: number; retryAfterMs?: number };

/** Timers and clocks, injectable so tests can drive them. */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

/** The page's clock. */
export const realClock: Clock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (id) => globalThis.clearTimeout(id as number),
};

/** How an attempt is made. */
export interface PostOptions {
  /** `fetch` to use. */
  fetch: typeof fetch;
  /** Clock for the timeout. */
  clock: Clock;
  /** An attempt without an answer is aborted after this many ms. */
  timeoutMs: number;
  /** Lets the request outlive the page (`pagehide`). */
  keepalive?: boolean;
}

/**
 * Posts `payload` to `endpoint` as a CORS-safelisted request (JSON as `text/plain`: no preflight)
 * without cookies or other credentials. Never throws.
 */
export async function postFeedback(endpoint: string, payload: FeedbackPayload, options: PostOptions): Promise<Outcome> {
  const { clock, timeoutMs } = options;
  const controller = new AbortController();
  let timedOut = false;
  const timer = clock.setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    const response = await options.fetch(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
      body: JSON.stringify(fitPayload(payload)),
      mode: 'cors',
      credentials: 'omit',
      cache: 'no-store',
      keepalive: options.keepalive ?? false,
      signal: controller.signal,
    });
    if (response.ok) return { ok: true, status: response.status };
    const status = response.status;
    const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(response.headers.get('Retry-After')) : undefined;
    return { ok: false, failure: 'http', status, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
  } catch {
    if (timedOut) return { ok: false, failure: 'timeout' };
    return { ok: false, failure: isOffline() ? 'offline' : 'network' };
  } finally {
    clock.clearTimeout(timer);
  }
}

/** True when the browser says it has no network. */
export function isOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}
