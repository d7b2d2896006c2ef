/**
 * Validation of a feedback submission: the one place where the untrusted POST body becomes
 * a typed record. Pure functions, no I/O.
 */

/** Rating scales and their highest rating (the lowest is always 1). */
export const SCALES = Object.freeze({ stars: 5, thumbs: 2, faces: 3 });

/** Reasons a reader may tick. */
export const REASONS = Object.freeze(['missing-info', 'hard-to-understand', 'outdated', 'not-solved', 'other']);

/** Below this time on page (ms) a submission is treated as a bot's and silently dropped. */
export const MIN_ELAPSED_MS = 1500;

export const ARTICLE_ID_PATTERN = /^[A-Za-z0-9._~-]{1,200}$/;
const UUID_V4_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const LOCALE_PATTERN = /^[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*$/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

/**
 * @typedef {object} Feedback
 * @property {string} submissionId lower-cased UUID
 * @property {number} revision
 * @property {string} articleId
 * @property {number} rating
 * @property {'stars' | 'thumbs' | 'faces'} scale
 * @property {string[]} reasons
 * @property {string | null} comment
 * @property {string} locale
 * @property {string} page
 */

/**
 * @typedef {{ok: true, value: Feedback}
 *   | {ok: false, field: string, message: string}
 *   | {ok: false, trap: 'honeypot' | 'too-fast'}} ValidationResult
 */

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
      typeof v === 'string' && ARTICLE_ID_PATTERN.test(v)
        ? undefined
        : 'must be 1–200 characters of A–Z, a–z, 0–9, ".", "_", "~", "-"',
  },
  scale: {
    required: true,
    check: (v) =>
      typeof v === 'string' && Object.hasOwn(SCALES, v) ? undefined : `must be one of ${Object.keys(SCALES).join(', ')}`,
  },
  rating: {
    required: true,
    check: (v, body) => {
      const max = typeof body.scale === 'string' && Object.hasOwn(SCALES, body.scale) ? SCALES[/** @type {keyof SCALES} */ (body.scale)] : 5;
      return Number.isInteger(v) && /** @type {number} */ (v) >= 1 && /** @type {number} */ (v) <= max
        ? undefined
        : `must be an integer from 1 to ${max} for scale ${String(body.scale)}`;
    },
  },
  reasons: {
    required: false,
    check: (v) => {
      if (!Array.isArray(v)) return 'must be an array';
      if (v.length > 5) return 'must hold at most 5 reasons';
      if (!v.every((reason) => typeof reason === 'string' && REASONS.includes(reason))) {
        return `must only hold ${REASONS.join(', ')}`;
      }
      if (new Set(v).size !== v.length) return 'must not repeat a reason';
      return undefined;
    },
  },
  comment: {
    required: false,
    check: (v) => (typeof v === 'string' && v.length <= 1000 ? undefined : 'must be a string of at most 1000 characters'),
  },
  locale: {
    required: true,
    check: (v) =>
      typeof v === 'string' && v.length <= 35 && LOCALE_PATTERN.test(v)
        ? undefined
        : 'must be a language tag like de or de-DE (at most 35 characters)',
  },
  page: {
    required: true,
    check: (v) =>
      typeof v === 'string' && v.startsWith('/') && v.length <= 500 && !/[?#]/.test(v) && !CONTROL_CHARS.test(v)
        ? undefined
        : 'must be a path starting with "/" (at most 500 characters, no query or fragment)',
  },
  hp: {
    required: false,
    check: (v) => (typeof v === 'string' && v.length <= 200 ? undefined : 'must be a string'),
  },
  elapsedMs: {
    required: false,
    check: (v) => (Number.isSafeInteger(v) && /** @type {number} */ (v) >= 0 ? undefined : 'must be an integer ≥ 0'),
  },
};

/**
 * Checks a parsed POST body.
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
  if (typeof record.elapsedMs === 'number' && record.elapsedMs < MIN_ELAPSED_MS) return { ok: false, trap: 'too-fast' };

  for (const key of Object.keys(record)) {
    if (!Object.hasOwn(FIELDS, key)) return { ok: false, field: key, message: 'is not a known field' };
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
      scale: /** @type {Feedback['scale']} */ (record.scale),
      reasons: /** @type {string[] | undefined} */ (record.reasons) ?? [],
      comment: comment === undefined || comment.trim() === '' ? null : comment,
      locale: /** @type {string} */ (record.locale),
      page: /** @type {string} */ (record.page),
    },
  };
}
