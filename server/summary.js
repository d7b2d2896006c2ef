/**
 * The public summary of one article's ratings, computed from the store's counts: the same for
 * every store, so both give byte-identical answers.
 */
import { SCALES } from './contract.js';

/**
 * @typedef {{count: number, average: number | null, distribution: Record<string, number>}} ScaleSummary
 * @typedef {{articleId: string, count: number, average: number | null, distribution: Record<string, number>,
 *   scale: string | null, scales: Record<string, ScaleSummary>}} Summary
 */

/**
 * Counts and averages per scale; the top level reports the most used scale.
 * @param {string} articleId
 * @param {import('./store/index.js').RatingCount[]} counts
 * @returns {Summary}
 */
export function summarize(articleId, counts) {
  /** @type {Record<string, ScaleSummary>} */
  const scales = {};
  /** @type {Record<string, number>} */
  const sums = {};
  for (const { scale, rating, count } of counts) {
    scales[scale] ??= {
      count: 0,
      average: null,
      distribution: Object.fromEntries(Array.from({ length: SCALES[scale] }, (_, i) => [String(i + 1), 0])),
    };
    scales[scale].count += count;
    scales[scale].distribution[String(rating)] = count;
    sums[scale] = (sums[scale] ?? 0) + rating * count;
  }
  for (const [scale, entry] of Object.entries(scales)) {
    entry.average = Math.round((sums[scale] / entry.count) * 100) / 100;
  }
  // On a tie the order of SCALES decides (stars first).
  const dominant = Object.keys(SCALES).reduce(
    (best, scale) => ((scales[scale]?.count ?? 0) > (best ? scales[best].count : 0) ? scale : best),
    /** @type {string | null} */ (null),
  );
  const top = dominant ? scales[dominant] : { count: 0, average: null, distribution: {} };
  return { articleId, ...top, scale: dominant, scales };
}
