/**
 * The collector's public summary of an article ("12 Leser haben diesen Artikel bewertet"):
 * fetched from the origin of the feedback endpoint and validated before anyone shows it.
 */
import { deadline } from '../internal/deadline.js';
import { httpUrl } from '../internal/url.js';
import { summaryPath } from './wire.js';

/** The validated part of the collector's summary route. */
export interface FeedbackSummary {
  articleId: string;
  /** Number of readers who rated the article (on its most used scale). */
  count: number;
  /** Average rating, or `null` without ratings. */
  average: number | null;
  /** The scale `count` and `average` refer to, or `null` without ratings. */
  scale: string | null;
}

/** URL of the summary for `articleId`, on the origin of `endpoint`; `undefined` for a bad endpoint. */
export function summaryUrl(endpoint: string, articleId: string, base = document.baseURI): string | undefined {
  const url = httpUrl(endpoint, base);
  return url ? `${url.origin}${summaryPath(articleId)}` : undefined;
}

/** Checks an answer of the summary endpoint; `undefined` when it is not one. */
export function parseSummary(value: unknown, articleId: string): FeedbackSummary | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  if (v.articleId !== articleId) return undefined;
  if (!Number.isSafeInteger(v.count) || (v.count as number) < 0) return undefined;
  const average = v.average === null || v.average === undefined ? null : v.average;
  if (average !== null && (typeof average !== 'number' || !Number.isFinite(average))) return undefined;
  const scale = typeof v.scale === 'string' ? v.scale : null;
  return { articleId, count: v.count as number, average, scale };
}

/**
 * Fetches and validates the summary; resolves to `undefined` on any failure (the summary is a
 * nicety: it never shows an error). `fresh` bypasses the HTTP cache, e.g. after the reader's own rating.
 */
export async function fetchSummary(
  endpoint: string,
  articleId: string,
  { signal, fresh = false, timeoutMs = 10_000 }: { signal?: AbortSignal; fresh?: boolean; timeoutMs?: number } = {},
): Promise<FeedbackSummary | undefined> {
  const url = summaryUrl(endpoint, articleId);
  if (!url) return undefined;
  const time = deadline(timeoutMs, signal);
  try {
    const response = await fetch(url, {
      credentials: 'omit',
      mode: 'cors',
      cache: fresh ? 'no-cache' : 'default',
      headers: { Accept: 'application/json' },
      signal: time.signal,
    });
    if (!response.ok) return undefined;
    const text = await response.text();
    if (text.length > 10_000) return undefined;
    return parseSummary(JSON.parse(text), articleId);
  } catch {
    return undefined;
  } finally {
    time.end();
  }
}
