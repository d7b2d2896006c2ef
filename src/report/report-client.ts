/**
 * The owner report's requests to the collector's admin routes: the session cookie travels with
 * each (`credentials: 'include'`), every answer is checked here, once, and every failure becomes
 * one of a few kinds the report shows. Never throws.
 */
import { REASONS, SCALES, isValidArticleId } from '../feedback/wire.js';
import type { FeedbackReason, FeedbackScale } from '../feedback/wire.js';

/** What went wrong: no answer, no or an ended session, a refused page, a wrong token, too many tries, or a nonsense answer. */
export type ReportFailure = 'unreachable' | 'unauthorized' | 'expired' | 'forbidden' | 'wrong-token' | 'rate-limited' | 'not-found' | 'invalid';

/** A request's result. */
export type ReportResult<T> = { ok: true; value: T } | { ok: false; failure: ReportFailure; retryAfterSeconds?: number };

/** A period of the report: the last 7, 30 or 90 days, or all time. */
export type ReportPeriod = '7' | '30' | '90' | 'all';

/** The report's filter. */
export interface ReportFilter {
  period: ReportPeriod;
  /** A language prefix such as `de`, or empty for all. */
  lang: string;
  /** A scale, or empty for all. */
  scale: FeedbackScale | '';
}

/** One article on one scale. */
export interface ReportRow {
  articleId: string;
  scale: FeedbackScale;
  count: number;
  average: number;
  positive: number;
  /** How often each rating 1…max was given. */
  distribution: number[];
  comments: number;
  openComments: number;
  /** Ratings per week, oldest first (12). */
  weeks: number[];
  lastRatingAt: string;
}

/** The overview. */
export interface Overview {
  rows: ReportRow[];
  /** Mondays (UTC) that start the trend's weeks. */
  weekStarts: string[];
  languages: string[];
}

/** One article's figures per scale, with reasons counted. */
export interface ArticleReport {
  articleId: string;
  weekStarts: string[];
  scales: (ReportRow & { reasons: Partial<Record<FeedbackReason, number>> })[];
}

/** A reader's comment as the report lists it. */
export interface ReportComment {
  submissionId: string;
  rating: number;
  scale: FeedbackScale;
  reasons: FeedbackReason[];
  comment: string;
  locale: string;
  page: string;
  createdAt: string;
  updatedAt: string;
  status: 'open' | 'done';
}

/** One page of comments. */
export interface CommentPage {
  total: number;
  page: number;
  pageSize: number;
  comments: ReportComment[];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const isTime = (value: unknown): value is string => typeof value === 'string' && !Number.isNaN(Date.parse(value));
const isScale = (value: unknown): value is FeedbackScale => typeof value === 'string' && Object.hasOwn(SCALES, value);
const isReason = (value: unknown): value is FeedbackReason => (REASONS as readonly unknown[]).includes(value);
const counts = (value: unknown, length?: number): value is number[] =>
  Array.isArray(value) && value.every(isCount) && (length === undefined || value.length === length);

function isRow(value: unknown): value is ReportRow {
  return (
    isObject(value) &&
    isValidArticleId(value.articleId) &&
    isScale(value.scale) &&
    isCount(value.count) &&
    typeof value.average === 'number' &&
    Number.isFinite(value.average) &&
    isCount(value.positive) &&
    counts(value.distribution, SCALES[value.scale]) &&
    isCount(value.comments) &&
    isCount(value.openComments) &&
    counts(value.weeks, 12) &&
    isTime(value.lastRatingAt)
  );
}

const isWeekStarts = (value: unknown): value is string[] => Array.isArray(value) && value.length === 12 && value.every(isTime);

function isOverview(value: unknown): value is Overview {
  return (
    isObject(value) &&
    Array.isArray(value.rows) &&
    value.rows.every(isRow) &&
    isWeekStarts(value.weekStarts) &&
    Array.isArray(value.languages) &&
    value.languages.every((lang) => typeof lang === 'string')
  );
}

function isArticleReport(value: unknown): value is ArticleReport {
  return (
    isObject(value) &&
    isValidArticleId(value.articleId) &&
    isWeekStarts(value.weekStarts) &&
    Array.isArray(value.scales) &&
    value.scales.every((row) => isRow(row) && isObject((row as unknown as Record<string, unknown>).reasons) &&
      Object.entries((row as unknown as Record<string, Record<string, unknown>>).reasons).every(([reason, n]) => isReason(reason) && isCount(n)))
  );
}

function isComment(value: unknown): value is ReportComment {
  return (
    isObject(value) &&
    typeof value.submissionId === 'string' &&
    isScale(value.scale) &&
    Number.isInteger(value.rating) &&
    (value.rating as number) >= 1 &&
    (value.rating as number) <= SCALES[value.scale] &&
    Array.isArray(value.reasons) &&
    value.reasons.every(isReason) &&
    typeof value.comment === 'string' &&
    typeof value.locale === 'string' &&
    typeof value.page === 'string' &&
    isTime(value.createdAt) &&
    isTime(value.updatedAt) &&
    (value.status === 'open' || value.status === 'done')
  );
}

function isCommentPage(value: unknown): value is CommentPage {
  return isObject(value) && isCount(value.total) && isCount(value.page) && isCount(value.pageSize) && Array.isArray(value.comments) && value.comments.every(isComment);
}

/** How long a request may take before the collector counts as unreachable. */
const TIMEOUT_MS = 15_000;

/** The admin routes of one collector. */
export class ReportClient {
  /** @param endpoint the collector's origin (or base URL), without a trailing slash */
  constructor(
    readonly endpoint: string,
    private readonly fetcher: typeof fetch = (...args) => globalThis.fetch(...args),
  ) {}

  /** Exchanges the admin token for a session cookie. */
  login(token: string): Promise<ReportResult<void>> {
    return this.request('POST', '/api/admin/session', { token }, () => true);
  }

  /** Ends the session. */
  logout(): Promise<ReportResult<void>> {
    return this.request('DELETE', '/api/admin/session', undefined, () => true);
  }

  /** Every article with ratings in the filter. */
  overview(filter: ReportFilter): Promise<ReportResult<Overview>> {
    return this.request('GET', `/api/admin/overview?${query(filter)}`, undefined, isOverview);
  }

  /** One article's figures. */
  article(articleId: string, filter: ReportFilter): Promise<ReportResult<ArticleReport>> {
    return this.request('GET', `/api/admin/articles/${encodeURIComponent(articleId)}?${query(filter)}`, undefined, isArticleReport);
  }

  /** One page of an article's comments, newest first. */
  comments(
    articleId: string,
    filter: ReportFilter,
    page: { status: 'open' | 'all'; page: number; pageSize: number },
  ): Promise<ReportResult<CommentPage>> {
    const params = `${query(filter)}&status=${page.status}&page=${page.page}&pageSize=${page.pageSize}`;
    return this.request('GET', `/api/admin/articles/${encodeURIComponent(articleId)}/comments?${params}`, undefined, isCommentPage);
  }

  /** Marks a submission's comment done or open again. */
  setStatus(submissionId: string, status: 'open' | 'done'): Promise<ReportResult<void>> {
    return this.request('PATCH', `/api/admin/feedback/${encodeURIComponent(submissionId)}`, { status }, () => true);
  }

  /** Deletes a submission for good. */
  remove(submissionId: string): Promise<ReportResult<void>> {
    return this.request('DELETE', `/api/admin/feedback/${encodeURIComponent(submissionId)}`, undefined, () => true);
  }

  private async request<T>(method: string, path: string, body: unknown, valid: (value: unknown) => boolean): Promise<ReportResult<T>> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
    let response: Response;
    try {
      response = await this.fetcher(`${this.endpoint}${path}`, {
        method,
        credentials: 'include',
        cache: 'no-store',
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: controller.signal,
      });
    } catch {
      return { ok: false, failure: 'unreachable' };
    } finally {
      clearTimeout(timer);
    }
    if (response.status === 204) return valid(undefined) ? { ok: true, value: undefined as T } : { ok: false, failure: 'invalid' };
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      return { ok: false, failure: response.ok ? 'invalid' : 'unreachable' };
    }
    if (response.ok) return valid(json) ? { ok: true, value: json as T } : { ok: false, failure: 'invalid' };
    const code = isObject(json) ? json.error : undefined;
    if (response.status === 401) {
      return { ok: false, failure: code === 'session-expired' ? 'expired' : code === 'wrong-token' ? 'wrong-token' : 'unauthorized' };
    }
    if (response.status === 403) return { ok: false, failure: 'forbidden' };
    if (response.status === 404) return { ok: false, failure: 'not-found' };
    if (response.status === 429) {
      const seconds = Number(response.headers.get('retry-after'));
      return { ok: false, failure: 'rate-limited', retryAfterSeconds: Number.isFinite(seconds) && seconds > 0 ? seconds : 60 };
    }
    return { ok: false, failure: response.status >= 500 ? 'unreachable' : 'invalid' };
  }
}

function query(filter: ReportFilter): string {
  const params = new URLSearchParams({ period: filter.period });
  if (filter.lang) params.set('lang', filter.lang);
  if (filter.scale) params.set('scale', filter.scale);
  return params.toString();
}
