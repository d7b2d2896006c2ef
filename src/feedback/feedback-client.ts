/**
 * The delivery queue of reader feedback: plain TypeScript, no DOM rendering. It stores an item
 * before the first attempt, posts it as a CORS-safelisted request without cookies, retries
 * network errors, timeouts, 408, 429 and 5xx with exponential backoff and jitter (honouring
 * `Retry-After` on 429/503), gives up at once on other 4xx, waits for `online` while offline and
 * flushes with `keepalive` when the page is hidden or left. State is per instance; only the
 * storage is shared, so a reload or another element picks up what is still pending.
 */
import {
  FeedbackStore,
  MAX_COMMENT,
  type ArticleRecord,
  type FeedbackAnswer,
  type FeedbackPayload,
} from './feedback-storage.js';

/** The collector's body limit in bytes: the client never sends more. */
export const MAX_BODY_BYTES = 2048;

/** Where an item is on its way. */
export type DeliveryStatus = 'sending' | 'waiting' | 'delivered' | 'failed';

/** Why an attempt failed. */
export type FailureKind = 'offline' | 'network' | 'timeout' | 'http';

/** What the client reports to its owner after each step. */
export interface DeliveryUpdate {
  articleId: string;
  status: DeliveryStatus;
  payload: FeedbackPayload;
  /** HTTP status of the last answer, if there was one. */
  httpStatus?: number;
  /** Why the last attempt failed (`waiting` and `failed`). */
  failure?: FailureKind;
  /** True while another attempt will follow by itself. */
  willRetry: boolean;
}

/** Timers and clocks, injectable so tests can drive them. */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

/** Options of a {@link FeedbackClient}. */
export interface FeedbackClientOptions {
  /** URL the payloads are posted to. */
  endpoint: string;
  /** Where pending items and records live. */
  store: FeedbackStore;
  /** Called after every step of every item. */
  onUpdate?: (update: DeliveryUpdate) => void;
  /** Minimum time on page before the first attempt (spam guard), ms. Default 1500. */
  minDwellMs?: number;
  /** First retry delay before jitter, ms; doubles per attempt. Default 1000. */
  retryBaseMs?: number;
  /** Longest backoff delay, ms. Default 60 000. */
  retryMaxMs?: number;
  /** Attempts before the item is reported as failed (it stays stored for a later flush). Default 6. */
  maxAttempts?: number;
  /** An attempt without an answer is aborted after this many ms. Default 10 000. */
  timeoutMs?: number;
  /** `fetch` to use. Default: the global one. */
  fetch?: typeof fetch;
  /** Random number in [0, 1) for jitter. Default `Math.random`. */
  random?: () => number;
  /** Clock and timers. Default: `performance.now` and the window's timers. */
  clock?: Clock;
  /** When the reader started reading (on `clock.now()`'s scale). Default: construction time. */
  startedAt?: number;
}

const realClock: Clock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (id) => globalThis.clearTimeout(id as number),
};

const encoder = new TextEncoder();

/** Size of a payload's JSON body in UTF-8 bytes. */
export function bodyBytes(payload: FeedbackPayload): number {
  return encoder.encode(JSON.stringify(payload)).length;
}

/**
 * The longest start of `comment` (whole code points, at most 1000 UTF-16 units) that keeps the
 * body of `payload` with that comment within {@link MAX_BODY_BYTES}.
 */
export function fitComment(payload: FeedbackPayload, comment: string): string {
  let text = comment.length > MAX_COMMENT ? comment.slice(0, MAX_COMMENT) : comment;
  if (/[\uD800-\uDBFF]$/.test(text)) text = text.slice(0, -1);
  const fits = (t: string) => bodyBytes({ ...payload, comment: t }) <= MAX_BODY_BYTES;
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

/** A payload whose body fits {@link MAX_BODY_BYTES} (its comment shortened if it has to be). */
export function fitPayload(payload: FeedbackPayload): FeedbackPayload {
  if (bodyBytes(payload) <= MAX_BODY_BYTES || payload.comment === undefined) return payload;
  return { ...payload, comment: fitComment({ ...payload, comment: '' }, payload.comment) };
}

/** `Retry-After` as milliseconds from `nowMs` (seconds or an HTTP date), or `undefined`. */
export function parseRetryAfter(value: string | null | undefined, nowMs = Date.now()): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

/** Delay before attempt `attempt + 1` (attempt ≥ 1): exponential, capped, with "equal jitter". */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** True for answers worth another attempt: 408, 429 and 5xx. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

function sameAnswer(a: FeedbackAnswer | undefined, b: FeedbackAnswer): boolean {
  return (
    !!a &&
    a.rating === b.rating &&
    a.scale === b.scale &&
    a.comment === b.comment &&
    a.reasons.length === b.reasons.length &&
    a.reasons.every((r) => b.reasons.includes(r))
  );
}

/** Turns a stored answer into the fields of the payload. */
function answerFields(answer: FeedbackAnswer): Pick<FeedbackPayload, 'rating' | 'scale' | 'reasons' | 'comment'> {
  const comment = answer.comment.trim() ? answer.comment : undefined;
  return {
    rating: answer.rating,
    scale: answer.scale,
    ...(answer.reasons.length ? { reasons: [...answer.reasons] } : {}),
    ...(comment !== undefined ? { comment } : {}),
  };
}

/** Context the element adds to every payload. */
export interface PayloadContext {
  articleId: string;
  locale: string;
  page: string;
  hp?: string;
}

type Outcome = { ok: true; status: number } | { ok: false; failure: FailureKind; status?: number; retryAfterMs?: number };

interface Job {
  attempts: number;
  timer?: unknown;
  inFlight: boolean;
  /** Payload refused for good (4xx), kept in memory for a manual retry. */
  refused?: FeedbackPayload;
}

// The longest timer browsers keep (about 24.8 days) is far above any sensible Retry-After.
const MAX_TIMER_MS = 24 * 60 * 60 * 1000;

/**
 * Delivers the feedback of one endpoint. Create one per element; call `start()` when the element
 * connects (it resumes what is pending) and `stop()` when it disconnects.
 */
export class FeedbackClient {
  readonly endpoint: string;
  private readonly store: FeedbackStore;
  private readonly options: Required<Omit<FeedbackClientOptions, 'onUpdate' | 'store' | 'endpoint' | 'fetch' | 'startedAt'>>;
  private readonly fetchFn: typeof fetch;
  private readonly onUpdate: (update: DeliveryUpdate) => void;
  private readonly startedAt: number;
  private readonly jobs = new Map<string, Job>();
  private running = false;

  private readonly onOnline = () => this.flush(true);
  private readonly onVisibility = () => {
    if (document.visibilityState === 'hidden') this.flushWithKeepalive();
  };
  private readonly onPageHide = () => this.flushWithKeepalive();

  constructor(options: FeedbackClientOptions) {
    this.endpoint = options.endpoint;
    this.store = options.store;
    this.onUpdate = options.onUpdate ?? (() => {});
    this.fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.options = {
      minDwellMs: options.minDwellMs ?? 1500,
      retryBaseMs: options.retryBaseMs ?? 1000,
      retryMaxMs: options.retryMaxMs ?? 60_000,
      maxAttempts: options.maxAttempts ?? 6,
      timeoutMs: options.timeoutMs ?? 10_000,
      random: options.random ?? Math.random,
      clock: options.clock ?? realClock,
    };
    this.startedAt = options.startedAt ?? this.options.clock.now();
  }

  /** Listens to `online`, `visibilitychange` and `pagehide`, and resumes pending items. */
  start(): void {
    if (this.running) return;
    this.running = true;
    window.addEventListener('online', this.onOnline);
    window.addEventListener('pagehide', this.onPageHide);
    document.addEventListener('visibilitychange', this.onVisibility);
    this.flush(false);
  }

  /** Stops listening and cancels scheduled retries (pending items stay stored). */
  stop(): void {
    this.running = false;
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('pagehide', this.onPageHide);
    document.removeEventListener('visibilitychange', this.onVisibility);
    for (const job of this.jobs.values()) {
      if (job.timer !== undefined) this.options.clock.clearTimeout(job.timer);
      job.timer = undefined;
    }
  }

  /** The stored record of an article (submissionId, last answer, pending item). */
  record(articleId: string): ArticleRecord | undefined {
    return this.store.read(articleId);
  }

  /**
   * The payload for a new answer: the reader's submissionId for the article and the next revision
   * (the same revision again when the answer did not change, so a repeat never counts twice).
   * Nothing is stored until {@link send}.
   */
  prepare(answer: FeedbackAnswer, context: PayloadContext): FeedbackPayload {
    const record = this.store.ensure(context.articleId);
    const revision = record.revision >= 1 && sameAnswer(record.answer, answer) ? record.revision : record.revision + 1;
    return fitPayload({
      submissionId: record.submissionId,
      revision,
      articleId: context.articleId,
      ...answerFields(answer),
      locale: context.locale,
      page: context.page,
      ...(context.hp ? { hp: context.hp } : {}),
    });
  }

  /** Stores the item as pending and delivers it. */
  send(payload: FeedbackPayload, answer: FeedbackAnswer): void {
    const record = this.store.ensure(payload.articleId);
    // Another tab may have moved on meanwhile: never go back to an older revision.
    if (payload.revision < record.revision) return;
    this.store.write(payload.articleId, {
      submissionId: record.submissionId,
      revision: payload.revision,
      answer,
      delivered: false,
      pending: { endpoint: this.endpoint, payload },
    });
    const job = this.job(payload.articleId);
    job.attempts = 0;
    job.refused = undefined;
    this.deliver(payload.articleId);
  }

  /** Tries a failed item again now (the reader's "send again"). */
  retry(articleId: string): void {
    const job = this.job(articleId);
    const record = this.store.read(articleId);
    if (!record?.pending && job.refused && record) {
      this.store.write(articleId, { ...record, pending: { endpoint: this.endpoint, payload: job.refused } });
    }
    job.refused = undefined;
    job.attempts = 0;
    this.deliver(articleId);
  }

  /** Starts delivery of every item pending for this endpoint (e.g. after a reload). */
  flush(resetAttempts = true): void {
    for (const id of this.store.pendingArticles(this.endpoint)) {
      const job = this.job(id);
      if (resetAttempts) job.attempts = 0;
      this.deliver(id);
    }
  }

  private job(articleId: string): Job {
    let job = this.jobs.get(articleId);
    if (!job) {
      job = { attempts: 0, inFlight: false };
      this.jobs.set(articleId, job);
    }
    return job;
  }

  private report(update: DeliveryUpdate): void {
    try {
      this.onUpdate(update);
    } catch {
      // The owner's handler must not stop delivery.
    }
  }

  private schedule(articleId: string, ms: number): void {
    const job = this.job(articleId);
    if (job.timer !== undefined) this.options.clock.clearTimeout(job.timer);
    job.timer = this.options.clock.setTimeout(() => {
      job.timer = undefined;
      this.deliver(articleId);
    }, Math.min(Math.max(0, ms), MAX_TIMER_MS));
  }

  private deliver(articleId: string): void {
    const job = this.job(articleId);
    if (!this.running || job.inFlight) return;
    const record = this.store.read(articleId);
    const pending = record?.pending;
    if (!record || !pending || pending.endpoint !== this.endpoint) return;
    if (job.timer !== undefined) {
      this.options.clock.clearTimeout(job.timer);
      job.timer = undefined;
    }
    if (typeof navigator !== 'undefined' && navigator.onLine === false) {
      this.report({ articleId, status: 'waiting', payload: pending.payload, failure: 'offline', willRetry: true });
      return;
    }
    const { clock, minDwellMs } = this.options;
    const wait = this.startedAt + minDwellMs - clock.now();
    if (pending.payload.elapsedMs === undefined && wait > 0) {
      this.report({ articleId, status: 'sending', payload: pending.payload, willRetry: false });
      this.schedule(articleId, wait);
      return;
    }
    let payload = pending.payload;
    if (payload.elapsedMs === undefined) {
      payload = fitPayload({ ...payload, elapsedMs: Math.max(0, Math.round(clock.now() - this.startedAt)) });
      this.store.write(articleId, { ...record, pending: { ...pending, payload } });
    }
    job.inFlight = true;
    job.attempts += 1;
    this.report({ articleId, status: 'sending', payload, willRetry: false });
    void this.post(payload, false).then((outcome) => {
      job.inFlight = false;
      this.settle(articleId, payload, outcome);
    });
  }

  private settle(articleId: string, payload: FeedbackPayload, outcome: Outcome): void {
    const job = this.job(articleId);
    const record = this.store.read(articleId);
    const current = record?.pending?.payload;
    const isCurrent = !!current && current.submissionId === payload.submissionId && current.revision === payload.revision;
    if (outcome.ok) {
      if (record && isCurrent) {
        this.store.write(articleId, { ...record, pending: undefined, delivered: true });
      }
      job.attempts = 0;
      this.report({ articleId, status: 'delivered', payload, httpStatus: outcome.status, willRetry: false });
      // A newer answer may have been stored while this one was on its way.
      if (!isCurrent && record?.pending) this.deliver(articleId);
      return;
    }
    if (!isCurrent) {
      // Superseded by a newer answer (or delivered by another tab): carry on with that one.
      if (record?.pending) this.deliver(articleId);
      return;
    }
    const retryable = outcome.failure !== 'http' || isRetryableStatus(outcome.status ?? 0);
    const base = { articleId, payload, failure: outcome.failure, ...(outcome.status ? { httpStatus: outcome.status } : {}) };
    if (!retryable) {
      // Refused for good: keep it out of storage so no later page repeats the same 4xx.
      this.store.write(articleId, { ...record!, pending: undefined });
      job.refused = payload;
      this.report({ ...base, status: 'failed', willRetry: false });
      return;
    }
    if (!this.running) return;
    if (job.attempts >= this.options.maxAttempts) {
      // Stays stored: the next `online`, reload or the reader's retry sends it.
      this.report({ ...base, status: 'failed', willRetry: false });
      return;
    }
    this.report({ ...base, status: 'waiting', willRetry: true });
    if (outcome.failure === 'network' && typeof navigator !== 'undefined' && navigator.onLine === false) return;
    const delay =
      outcome.retryAfterMs ?? backoffDelay(job.attempts, this.options.retryBaseMs, this.options.retryMaxMs, this.options.random);
    this.schedule(articleId, delay);
  }

  /** Last chance before the page goes away: every pending item once more, with `keepalive`. */
  private flushWithKeepalive(): void {
    for (const id of this.store.pendingArticles(this.endpoint)) {
      const record = this.store.read(id);
      const payload = record?.pending?.payload;
      // Without the minimum time on page the collector would drop it; the next page sends it.
      if (!payload || payload.elapsedMs === undefined) continue;
      void this.post(payload, true).then((outcome) => {
        if (!outcome.ok) return;
        const now = this.store.read(id);
        if (now?.pending?.payload.revision === payload.revision && now.pending.payload.submissionId === payload.submissionId) {
          this.store.write(id, { ...now, pending: undefined, delivered: true });
          this.report({ articleId: id, status: 'delivered', payload, httpStatus: outcome.status, willRetry: false });
        }
      });
    }
  }

  private async post(payload: FeedbackPayload, keepalive: boolean): Promise<Outcome> {
    const { clock, timeoutMs } = this.options;
    const controller = new AbortController();
    let timedOut = false;
    const timer = clock.setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    try {
      const response = await this.fetchFn(this.endpoint, {
        method: 'POST',
        // A CORS-safelisted request: no preflight, and no cookies or other credentials.
        headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
        body: JSON.stringify(fitPayload(payload)),
        mode: 'cors',
        credentials: 'omit',
        cache: 'no-store',
        keepalive,
        signal: controller.signal,
      });
      if (response.ok) return { ok: true, status: response.status };
      const status = response.status;
      const retryAfterMs =
        status === 429 || status === 503 ? parseRetryAfter(response.headers.get('Retry-After')) : undefined;
      return { ok: false, failure: 'http', status, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
    } catch {
      return { ok: false, failure: timedOut ? 'timeout' : 'network' };
    } finally {
      clock.clearTimeout(timer);
    }
  }
}
