/**
 * The feedback wire contract, written once: what `<help-feedback>` posts and what the collector
 * accepts. Plain data and pure functions, no I/O and no DOM, so the browser bundle and the
 * collector import the same module (`help-feedback-collector/contract`).
 */

/** Rating scales and their highest rating (the lowest is always 1). */
export const SCALES = Object.freeze(/** @type {const} */ ({ stars: 5, thumbs: 2, faces: 3 }));

/** The lowest rating per scale that counts as a positive answer: 4–5 stars, thumbs up, the happy face. */
export const POSITIVE_FROM = Object.freeze(/** @type {const} */ ({ stars: 4, thumbs: 2, faces: 3 }));

/** Reasons a reader may tick, in display order. */
export const REASONS = Object.freeze(
  /** @type {const} */ (['missing-info', 'hard-to-understand', 'outdated', 'not-solved', 'other']),
);

/** Size limits of one submission. Lengths count UTF-16 code units, as JavaScript strings do. */
export const LIMITS = Object.freeze({
  /** Largest accepted POST body, in bytes of UTF-8. */
  bodyBytes: 2048,
  /** Longest article id. */
  articleId: 200,
  /** Longest comment. */
  comment: 1000,
  /** Longest language tag. */
  locale: 35,
  /** Longest page path. */
  page: 500,
  /** Longest honeypot value. */
  hp: 200,
  /** Below this time on page (ms) a submission is treated as a bot's and answered 202, not stored. */
  minElapsedMs: 1500,
});

/** Paths of the collector's public routes. */
export const ROUTES = Object.freeze({
  /** `POST`: one submission. */
  feedback: '/api/feedback',
  /** `GET`: the public summary of one article; `:articleId` is filled by {@link summaryPath}. */
  summary: '/api/articles/:articleId/feedback-summary',
});

/**
 * Article ids travel in URLs, storage keys and the wire format: 1–200 URL-safe ASCII characters,
 * but not `.` or `..` (a path segment of their own that URLs resolve away).
 */
export const ARTICLE_ID_PATTERN = /^(?!\.\.?$)[A-Za-z0-9._~-]{1,200}$/;

/** Random UUID v4, as `crypto.randomUUID()` makes them. */
export const UUID_V4_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** A language tag like `de` or `de-DE`. */
export const LOCALE_PATTERN = /^[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*$/;

// Control characters (C0, DEL and C1) and UTF-16 surrogates without their partner: neither is text
// a reader typed, and a lone surrogate cannot even be encoded as UTF-8 (PostgreSQL would get U+FFFD).
// eslint-disable-next-line no-control-regex
const NOT_PATH = /[\u0000-\u001f\u007f-\u009f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// The same, except tab and newline, which a comment may hold.
// eslint-disable-next-line no-control-regex
const NOT_TEXT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A reader's comment as the collector accepts it: control characters other than tab and
 * newline, and lone surrogates, removed (`\r\n` becomes `\n`). The widget sends only cleaned text.
 * @param {string} text
 */
export function cleanText(text) {
  return text.replace(/\r\n?/g, '\n').replace(NOT_TEXT, '');
}

/**
 * @typedef {keyof typeof SCALES} Scale
 * @typedef {(typeof REASONS)[number]} Reason
 */

/**
 * A submission as the collector stores it.
 * @typedef {object} Feedback
 * @property {string} submissionId lower-cased UUID
 * @property {number} revision
 * @property {string} articleId
 * @property {number} rating
 * @property {Scale} scale
 * @property {Reason[]} reasons
 * @property {string | null} comment
 * @property {string} locale
 * @property {string} page
 */

/**
 * @typedef {{ok: true, value: Feedback}
 *   | {ok: false, field: string, message: string}
 *   | {ok: false, trap: 'honeypot' | 'too-fast'}} ValidationResult
 */

/** @param {unknown} value */
export function isValidArticleId(value) {
  return typeof value === 'string' && ARTICLE_ID_PATTERN.test(value);
}

/**
 * The summary route of one article.
 * @param {string} articleId
 */
export function summaryPath(articleId) {
  return ROUTES.summary.replace(':articleId', encodeURIComponent(articleId));
}

/** @param {unknown} scale @returns {scale is Scale} */
export function isScale(scale) {
  return typeof scale === 'string' && Object.hasOwn(SCALES, scale);
}

/**
 * True for a positive answer on its scale.
 * @param {Scale} scale
 * @param {number} rating
 */
export function isPositive(scale, rating) {
  return rating >= POSITIVE_FROM[scale];
}

/**
 * Per-field checks; each returns an error message or `undefined`.
 * @type {Record<string, {required: boolean, check: (value: unknown, body: Record<string, unknown>) => string | undefined}>}
 */
const FIELDS = {
  submissionId: {
    required: true,
    check: (v) => (typeof v === 'string' && UUID_V4_PATTERN.test(v) ? undefined : 'must be a UUID v4 string'),
  },
  revision: {
    required: true,
    check: (v) => (Number.isSafeInteger(v) && /** @type {number} */ (v) >= 1 ? undefined : 'must be an integer ≥ 1'),
  },
  articleId: {
    required: true,
    check: (v) =>
      isValidArticleId(v)
        ? undefined
        : `must be 1–${LIMITS.articleId} characters of A–Z, a–z, 0–9, ".", "_", "~", "-" (not "." or "..")`,
  },
  scale: {
    required: true,
    check: (v) => (isScale(v) ? undefined : `must be one of ${Object.keys(SCALES).join(', ')}`),
  },
  rating: {
    required: true,
    check: (v, body) => {
      const max = isScale(body.scale) ? SCALES[body.scale] : SCALES.stars;
      return Number.isInteger(v) && /** @type {number} */ (v) >= 1 && /** @type {number} */ (v) <= max
        ? undefined
        : `must be an integer from 1 to ${max} for scale ${isScale(body.scale) ? body.scale : 'stars'}`;
    },
  },
  reasons: {
    required: false,
    check: (v) => {
      if (!Array.isArray(v)) return 'must be an array';
      if (v.length > REASONS.length) return `must hold at most ${REASONS.length} reasons`;
      if (!v.every((reason) => /** @type {readonly unknown[]} */ (REASONS).includes(reason))) {
        return `must only hold ${REASONS.join(', ')}`;
      }
      if (new Set(v).size !== v.length) return 'must not repeat a reason';
      return undefined;
    },
  },
  comment: {
    required: false,
    check: (v) => {
      if (typeof v !== 'string' || v.length > LIMITS.comment) return `must be a string of at most ${LIMITS.comment} characters`;
      if (cleanText(v) !== v) return 'must not contain control characters (other than tab and newline) or lone surrogates';
      return undefined;
    },
  },
  locale: {
    required: true,
    check: (v) =>
      typeof v === 'string' && v.length <= LIMITS.locale && LOCALE_PATTERN.test(v)
        ? undefined
        : `must be a language tag like de or de-DE (at most ${LIMITS.locale} characters)`,
  },
  page: {
    required: true,
    check: (v) =>
      typeof v === 'string' && v.startsWith('/') && v.length <= LIMITS.page && !/[?#]/.test(v) && !NOT_PATH.test(v)
        ? undefined
        : `must be a path starting with "/" (at most ${LIMITS.page} characters, no query, fragment or control characters)`,
  },
  hp: {
    required: false,
    check: (v) => (typeof v === 'string' && v.length <= LIMITS.hp ? undefined : 'must be a string'),
  },
  elapsedMs: {
    required: false,
    check: (v) => (Number.isSafeInteger(v) && /** @type {number} */ (v) >= 0 ? undefined : 'must be an integer ≥ 0'),
  },
};

/**
 * An unknown field name as error messages repeat it: at most 40 characters of `A–Z a–z 0–9 _ $ -`,
 * anything else as `?`, so a message never carries markup, line breaks or a long payload back.
 * @param {string} name
 */
function inertName(name) {
  const short = name.length > 40 ? `${name.slice(0, 40)}…` : name;
  return short.replace(/[^A-Za-z0-9_$…-]/g, '?');
}

/** The fields a body may have, in wire order. */
export const FIELD_NAMES = Object.freeze(Object.keys(FIELDS));

/**
 * Checks a parsed POST body: the one place where an untrusted submission becomes a typed record.
 * The collector runs it on every POST; the widget runs it on payloads read back from storage.
 * @param {unknown} body
 * @returns {ValidationResult}
 */
export function validateFeedback(body) {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return { ok: false, field: 'body', message: 'must be a JSON object' };
  }
  const record = /** @type {Record<string, unknown>} */ (body);

  // Traps first, so a bot gets the same answer whatever else it sent.
  if (typeof record.hp === 'string' && record.hp !== '') return { ok: false, trap: 'honeypot' };
  if (typeof record.elapsedMs === 'number' && record.elapsedMs < LIMITS.minElapsedMs) return { ok: false, trap: 'too-fast' };

  for (const key of Object.keys(record)) {
    if (!Object.hasOwn(FIELDS, key)) return { ok: false, field: inertName(key), message: 'is not a known field' };
  }
  for (const [name, rule] of Object.entries(FIELDS)) {
    const value = record[name];
    if (value === undefined) {
      if (rule.required) return { ok: false, field: name, message: 'is required' };
      continue;
    }
    const message = rule.check(value, record);
    if (message) return { ok: false, field: name, message };
  }

  const comment = /** @type {string | undefined} */ (record.comment);
  return {
    ok: true,
    value: {
      submissionId: /** @type {string} */ (record.submissionId).toLowerCase(),
      revision: /** @type {number} */ (record.revision),
      articleId: /** @type {string} */ (record.articleId),
      rating: /** @type {number} */ (record.rating),
      scale: /** @type {Scale} */ (record.scale),
      reasons: /** @type {Reason[] | undefined} */ (record.reasons) ?? [],
      comment: comment === undefined || comment.trim() === '' ? null : comment,
      locale: /** @type {string} */ (record.locale),
      page: /** @type {string} */ (record.page),
    },
  };
}
