/** The signal of one request that must end in time, and whether its time ran out. */
export interface Deadline {
  readonly signal: AbortSignal;
  /** True once the time ran out (not when the caller's own signal aborted). */
  readonly expired: boolean;
  /** Call when the request is over: stops the timer. */
  end(): void;
}

/**
 * A signal aborted after `ms` or with `outer`: a controller of its own, held by its timer. Not
 * AbortSignal.timeout() combined by AbortSignal.any(): with those, WebKitGTK now and then never
 * aborted a request to a server that did not answer (a test with a 0.3 s timeout waited 10 s);
 * a plain controller does not depend on how an engine keeps combined signals alive.
 */
export function deadline(ms: number, outer?: AbortSignal): Deadline {
  const controller = new AbortController();
  let expired = false;
  const timer = setTimeout(() => {
    expired = true;
    controller.abort();
  }, ms);
  const cancel = () => controller.abort();
  if (outer?.aborted) controller.abort();
  else outer?.addEventListener('abort', cancel, { once: true });
  return {
    signal: controller.signal,
    get expired() {
      return expired;
    },
    end() {
      clearTimeout(timer);
      outer?.removeEventListener('abort', cancel);
    },
  };
}
