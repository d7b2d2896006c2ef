/**
 * Comment retention (data minimisation): with `FEEDBACK_COMMENT_RETENTION_DAYS=N`, the comment of a
 * submission last changed more than N days ago is deleted. The rating, reasons and times stay, so
 * summaries and counts do not change.
 */

/** How often the collector deletes the comments that have come of age. */
export const RETENTION_INTERVAL_MS = 60 * 60 * 1000;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes the comments older than `days` days; resolves with how many.
 * @param {import('./store/index.js').FeedbackStore} store
 * @param {number} days
 * @param {number} [now]
 */
export function pruneComments(store, days, now = Date.now()) {
  return store.deleteCommentsBefore(new Date(now - days * DAY_MS));
}

/**
 * Prunes once now, then every hour until `stop()`. A failed run is reported and tried again at the next.
 * @param {import('./store/index.js').FeedbackStore} store
 * @param {number | null} days `null`: keep comments, do nothing
 * @param {(error: unknown) => void} onError
 * @returns {Promise<{stop: () => void}>}
 */
export async function scheduleRetention(store, days, onError) {
  if (days === null) return { stop: () => {} };
  const run = () => pruneComments(store, days).catch(onError);
  await run();
  const timer = setInterval(run, RETENTION_INTERVAL_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
