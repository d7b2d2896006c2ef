/**
 * The widget's side of the feedback wire contract. Every constant comes from the contract module
 * the collector validates with (`server/contract.js`); this module adds the TypeScript shapes and
 * fits a payload into the collector's body limit.
 */
import {
  LIMITS,
  LOCALE_PATTERN,
  REASONS,
  SCALES,
  UUID_V4_PATTERN,
  cleanText,
  isValidArticleId,
  summaryPath,
  validateFeedback,
} from '../../server/contract.js';

export { LIMITS, LOCALE_PATTERN, REASONS, SCALES, UUID_V4_PATTERN, cleanText, isValidArticleId, summaryPath };

/**
 * The widest values the fields the control fills in at send time can take (a v4 UUID is always
 * 36 characters; revision and time on page are safe integers): a comment fitted with these fits
 * whatever they turn out to be.
 */
export const WIDEST_ENVELOPE = Object.freeze({
  submissionId: '00000000-0000-4000-8000-000000000000',
  revision: Number.MAX_SAFE_INTEGER,
  elapsedMs: Number.MAX_SAFE_INTEGER,
});

/** A rating scale: `stars` (1–5), `thumbs` (1 = no, 2 = yes) or `faces` (1–3). */
export type FeedbackScale = 'stars' | 'thumbs' | 'faces';

/** One reason a reader may tick after a low rating. */
export type FeedbackReason = 'missing-info' | 'hard-to-understand' | 'outdated' | 'not-solved' | 'other';

// The published types are written out (a consumer's compiler never sees the contract module);
// these lines fail to compile when they and the contract disagree.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const scalesAgree: Same<FeedbackScale, keyof typeof SCALES> = true;
const reasonsAgree: Same<FeedbackReason, (typeof REASONS)[number]> = true;
void scalesAgree;
void reasonsAgree;

/** What the reader answered. */
export interface FeedbackAnswer {
  rating: number;
  scale: FeedbackScale;
  reasons: FeedbackReason[];
  comment: string;
}

/** The JSON body posted to the collector (the wire format). */
export interface FeedbackPayload {
  submissionId: string;
  revision: number;
  articleId: string;
  rating: number;
  scale: FeedbackScale;
  reasons?: FeedbackReason[];
  comment?: string;
  locale: string;
  page: string;
  /** The honeypot field's value; humans leave it empty. */
  hp?: string;
  /** Milliseconds between the control appearing and the first attempt to send. */
  elapsedMs?: number;
}

/** The highest rating of a scale (the lowest is always 1). */
export function scaleMax(scale: FeedbackScale): number {
  return SCALES[scale];
}

/** True for a known scale name. */
export function isScale(value: unknown): value is FeedbackScale {
  return typeof value === 'string' && Object.hasOwn(SCALES, value);
}

/**
 * True for a payload the collector would take (or answer 202 as a bot's: a filled honeypot, too
 * little time on page). Checks what is read back from storage with the collector's own rules.
 */
export function isValidPayload(value: unknown): value is FeedbackPayload {
  const result = validateFeedback(value);
  return result.ok || 'trap' in result;
}

const encoder = new TextEncoder();

/** Size of a payload's JSON body in UTF-8 bytes. */
export function bodyBytes(payload: FeedbackPayload): number {
  return encoder.encode(JSON.stringify(payload)).length;
}

/**
 * The longest start of `comment` (cleaned, whole code points, at most `LIMITS.comment` UTF-16
 * units) that keeps the body of `payload` with that comment within `LIMITS.bodyBytes`.
 */
export function fitComment(payload: FeedbackPayload, comment: string): string {
  let text = cleanText(comment);
  if (text.length > LIMITS.comment) text = text.slice(0, LIMITS.comment);
  if (/[\uD800-\uDBFF]$/.test(text)) text = text.slice(0, -1);
  const fits = (t: string) => bodyBytes({ ...payload, comment: t }) <= LIMITS.bodyBytes;
  if (fits(text)) return text;
  const points = [...text];
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(points.slice(0, mid).join(''))) lo = mid;
    else hi = mid - 1;
  }
  return points.slice(0, lo).join('');
}

/** A payload whose body fits `LIMITS.bodyBytes` (its comment shortened if it has to be). */
export function fitPayload(payload: FeedbackPayload): FeedbackPayload {
  if (payload.comment === undefined) return payload;
  const comment = cleanText(payload.comment);
  if (comment === payload.comment && bodyBytes(payload) <= LIMITS.bodyBytes) return payload;
  return { ...payload, comment: fitComment({ ...payload, comment: '' }, comment) };
}
