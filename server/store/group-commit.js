/**
 * Group commit: writes queued within one turn of the event loop are committed together, in one
 * transaction, and each caller's promise settles only after that commit. A 2xx answer therefore
 * still means "committed", but many requests share the cost of one transaction.
 */

/**
 * @template T, R
 * @param {(items: T[]) => R[]} commitBatch runs every item in one transaction and returns their results in order; throws to roll back
 * @param {{maxBatch?: number}} [options]
 */
export function groupCommit(commitBatch, { maxBatch = 256 } = {}) {
  /** @type {{item: T, resolve: (result: R) => void, reject: (error: unknown) => void}[]} */
  let queue = [];
  /** @type {Promise<void> | null} */
  let scheduled = null;

  function flush() {
    scheduled = null;
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      try {
        const results = commitBatch(batch.map((entry) => entry.item));
        batch.forEach((entry, index) => entry.resolve(results[index]));
      } catch {
        // The whole batch was rolled back. Retry each alone, so one bad write fails only its own request.
        for (const entry of batch) {
          try {
            entry.resolve(commitBatch([entry.item])[0]);
          } catch (error) {
            entry.reject(error);
          }
        }
      }
    }
  }

  return {
    /**
     * Queues one write; resolves with its result once its transaction has committed.
     * @param {T} item
     * @returns {Promise<R>}
     */
    push(item) {
      return new Promise((resolve, reject) => {
        queue.push({ item, resolve, reject });
        // setImmediate runs after the I/O callbacks of this turn: every request parsed in it joins the batch.
        scheduled ??= new Promise((done) => setImmediate(() => done(flush())));
      });
    },

    /** Resolves once every queued write has been committed (or failed). */
    async drain() {
      while (scheduled) await scheduled;
    },
  };
}
