/**
 * The delivery queue of reader feedback: plain TypeScript, no DOM rendering. It stores an item
 * before the first attempt, posts it (transport.ts), retries what is worth retrying
 * (retry-policy.ts), waits for `online` while offline and flushes with `keepalive` when the page is
 * hidden or left. One queue per endpoint and storage serves the whole page (`sharedQueue`): two
 * controls on one page never post the same item twice, and each hears only about its own article.
 */
import type { ArticleRecord, FeedbackStore, StorageLike } from './feedback-storage.js';
import { FeedbackStore as Store } from './feedback-storage.js';
import { fitPayload, type FeedbackAnswer, type FeedbackPayload } from './wire.js';
import { backoffDelay, isRetryableStatus } from './retry-policy.js';
import { isOffline, postFeedback, realClock, type Clock, type FailureKind, type Outcome } from './transport.js';

export type { Clock, FailureKind };

/** Where an item is on its way. */
export type DeliveryStatus = 'sending' | 'waiting' | 'delivered' | 'failed';

/** What the queue reports after each step of an item. */
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

/** How the items of one article are delivered. */
export interface DeliveryPolicy {
  /** Minimum time on page before the first attempt (spam guard), ms. */
  minDwellMs: number;
  /** First retry delay before jitter, ms; doubles per attempt. */
  retryBaseMs: number;
  /** Longest backoff delay, ms. */
  retryMaxMs: number;
  /** Attempts before the item is reported as failed (it stays stored for a later flush). */
  maxAttempts: number;
  /** An attempt without an answer is aborted after this many ms. */
  timeoutMs: number;
  /** When the reader started reading (on the clock's scale). */
  startedAt: number;
}

/** The defaults: 1.5 s on page, backoff from 1 s to 60 s, 6 attempts, 10 s per attempt. */
export const DEFAULT_POLICY: Readonly<Omit<DeliveryPolicy, 'startedAt'>> = Object.freeze({
  minDwellMs: 1500,
  retryBaseMs: 1000,
  retryMaxMs: 60_000,
  maxAttempts: 6,
  timeoutMs: 10_000,
});

/** Options of a {@link DeliveryQueue}. */
export interface DeliveryQueueOptions extends Partial<DeliveryPolicy> {
  /** URL the payloads are posted to. */
  endpoint: string;
  /** Where pending items and records live. */
  store: FeedbackStore;
  /** Called after every step of every item (besides the article's subscribers). */
  onUpdate?: (update: DeliveryUpdate) => void;
  /** `fetch` to use. Default: the global one. */
  fetch?: typeof fetch;
  /** Random number in [0, 1) for jitter. Default `Math.random`. */
  random?: () => number;
  /** Clock and timers. Default: `performance.now` and the window's timers. */
  clock?: Clock;
}

/** Context the element adds to every payload. */
export interface PayloadContext {
  articleId: string;
  locale: string;
  page: string;
  hp?: string;
}

interface Job {
  attempts: number;
  timer?: unknown;
  inFlight: boolean;
  /** Payload refused for good (4xx), kept in memory for a manual retry. */
  refused?: FeedbackPayload;
}

// The longest timer browsers keep (about 24.8 days) is far above any sensible Retry-After.
const MAX_TIMER_MS = 24 * 60 * 60 * 1000;

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

function answerFields(answer: FeedbackAnswer): Pick<FeedbackPayload, 'rating' | 'scale' | 'reasons' | 'comment'> {
  const comment = answer.comment.trim() ? answer.comment : undefined;
  return {
    rating: answer.rating,
    scale: answer.scale,
    ...(answer.reasons.length ? { reasons: [...answer.reasons] } : {}),
    ...(comment !== undefined ? { comment } : {}),
  };
}

/** Delivers the feedback of one endpoint from one storage. */
export class DeliveryQueue {
  readonly endpoint: string;
  private readonly store: FeedbackStore;
  private readonly fetchFn: typeof fetch;
  private readonly random: () => number;
  private readonly clock: Clock;
  private readonly onUpdate?: (update: DeliveryUpdate) => void;
  private readonly defaults: DeliveryPolicy;
  private readonly jobs = new Map<string, Job>();
  private readonly policies = new Map<string, DeliveryPolicy>();
  private readonly listeners = new Map<string, Set<(update: DeliveryUpdate) => void>>();
  private running = false;

  private readonly onOnline = () => this.flush(true);
  private readonly onVisibility = () => {
    if (document.visibilityState === 'hidden') this.flushWithKeepalive();
  };
  private readonly onPageHide = () => this.flushWithKeepalive();

  constructor(options: DeliveryQueueOptions) {
    this.endpoint = options.endpoint;
    this.store = options.store;
    this.onUpdate = options.onUpdate;
    this.fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.random = options.random ?? Math.random;
    this.clock = options.clock ?? realClock;
    this.defaults = {
      minDwellMs: options.minDwellMs ?? DEFAULT_POLICY.minDwellMs,
      retryBaseMs: options.retryBaseMs ?? DEFAULT_POLICY.retryBaseMs,
      retryMaxMs: options.retryMaxMs ?? DEFAULT_POLICY.retryMaxMs,
      maxAttempts: options.maxAttempts ?? DEFAULT_POLICY.maxAttempts,
      timeoutMs: options.timeoutMs ?? DEFAULT_POLICY.timeoutMs,
      startedAt: options.startedAt ?? this.clock.now(),
    };
  }

  /**
   * Tells `listener` about every step of `articleId`'s items, delivered under `policy` from now
   * on. The queue runs while it has subscribers; the returned function unsubscribes.
   */
  subscribe(articleId: string, listener: (update: DeliveryUpdate) => void, policy: Partial<DeliveryPolicy> = {}): () => void {
    let set = this.listeners.get(articleId);
    if (!set) this.listeners.set(articleId, (set = new Set()));
    set.add(listener);
    this.policies.set(articleId, { ...this.defaults, ...policy });
    this.start();
    return () => {
      set.delete(listener);
      if (!set.size) this.listeners.delete(articleId);
      if (!this.listeners.size) this.stop();
    };
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
      if (job.timer !== undefined) this.clock.clearTimeout(job.timer);
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

  private policy(articleId: string): DeliveryPolicy {
    return this.policies.get(articleId) ?? this.defaults;
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
    const targets = [...(this.listeners.get(update.articleId) ?? []), ...(this.onUpdate ? [this.onUpdate] : [])];
    for (const listener of targets) {
      try {
        listener(update);
      } catch {
        // A listener's error must not stop delivery.
      }
    }
  }

  private schedule(articleId: string, ms: number): void {
    const job = this.job(articleId);
    if (job.timer !== undefined) this.clock.clearTimeout(job.timer);
    job.timer = this.clock.setTimeout(() => {
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
      this.clock.clearTimeout(job.timer);
      job.timer = undefined;
    }
    if (isOffline()) {
      this.report({ articleId, status: 'waiting', payload: pending.payload, failure: 'offline', willRetry: true });
      return;
    }
    const policy = this.policy(articleId);
    const wait = policy.startedAt + policy.minDwellMs - this.clock.now();
    if (pending.payload.elapsedMs === undefined && wait > 0) {
      this.report({ articleId, status: 'sending', payload: pending.payload, willRetry: false });
      this.schedule(articleId, wait);
      return;
    }
    let payload = pending.payload;
    if (payload.elapsedMs === undefined) {
      payload = fitPayload({ ...payload, elapsedMs: Math.max(0, Math.round(this.clock.now() - policy.startedAt)) });
      this.store.write(articleId, { ...record, pending: { ...pending, payload } });
    }
    job.inFlight = true;
    job.attempts += 1;
    this.report({ articleId, status: 'sending', payload, willRetry: false });
    void this.post(payload, policy, false).then((outcome) => {
      job.inFlight = false;
      this.settle(articleId, payload, outcome);
    });
  }

  private settle(articleId: string, payload: FeedbackPayload, outcome: Outcome): void {
    const job = this.job(articleId);
    const policy = this.policy(articleId);
    const record = this.store.read(articleId);
    const current = record?.pending?.payload;
    const isCurrent = !!current && current.submissionId === payload.submissionId && current.revision === payload.revision;
    if (outcome.ok) {
      if (record && isCurrent) this.store.write(articleId, { ...record, pending: undefined, delivered: true });
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
    if (job.attempts >= policy.maxAttempts) {
      // Stays stored: the next `online`, reload or the reader's retry sends it.
      this.report({ ...base, status: 'failed', willRetry: false });
      return;
    }
    this.report({ ...base, status: 'waiting', willRetry: true });
    // Offline: the `online` event sends it.
    if (outcome.failure === 'offline') return;
    const delay = outcome.retryAfterMs ?? backoffDelay(job.attempts, policy.retryBaseMs, policy.retryMaxMs, this.random);
    this.schedule(articleId, delay);
  }

  /** Last chance before the page goes away: every pending item once more, with `keepalive`. */
  private flushWithKeepalive(): void {
    for (const id of this.store.pendingArticles(this.endpoint)) {
      const record = this.store.read(id);
      const payload = record?.pending?.payload;
      // Without the minimum time on page the collector would drop it; the next page sends it.
      if (!payload || payload.elapsedMs === undefined) continue;
      void this.post(payload, this.policy(id), true).then((outcome) => {
        if (!outcome.ok) return;
        const now = this.store.read(id);
        if (now?.pending?.payload.revision === payload.revision && now.pending.payload.submissionId === payload.submissionId) {
          this.store.write(id, { ...now, pending: undefined, delivered: true });
          this.report({ articleId: id, status: 'delivered', payload, httpStatus: outcome.status, willRetry: false });
        }
      });
    }
  }

  private post(payload: FeedbackPayload, policy: DeliveryPolicy, keepalive: boolean): Promise<Outcome> {
    return postFeedback(this.endpoint, payload, { fetch: this.fetchFn, clock: this.clock, timeoutMs: policy.timeoutMs, keepalive });
  }
}

// One queue per endpoint and storage for the page: page-level shared state, made explicit.
const queues = new Map<string, WeakMap<StorageLike, DeliveryQueue>>();

/**
 * The page's queue for `endpoint` (resolved against the page, so `/api/feedback` and its absolute
 * form are one endpoint) and `storage`. Elements subscribe to it instead of owning a queue.
 */
export function sharedQueue(endpoint: string, storage: StorageLike): DeliveryQueue {
  const key = new URL(endpoint, document.baseURI).href;
  let byStorage = queues.get(key);
  if (!byStorage) queues.set(key, (byStorage = new WeakMap()));
  let queue = byStorage.get(storage);
  if (!queue) byStorage.set(storage, (queue = new DeliveryQueue({ endpoint, store: new Store(storage) })));
  return queue;
}
