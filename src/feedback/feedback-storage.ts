/**
 * Where a reader's feedback waits and is remembered: per article the reader's `submissionId`, the
 * last answer with its revision, and the item still to be delivered. Everything stored is
 * validated when read (corrupt data is discarded), and a storage that throws (quota, privacy
 * mode, disabled) silently turns into memory so the widget keeps working.
 */

import {
  LIMITS,
  REASONS,
  UUID_V4_PATTERN,
  isScale,
  isValidPayload,
  scaleMax,
  type FeedbackAnswer,
  type FeedbackPayload,
  type FeedbackReason,
  type FeedbackScale,
} from './wire.js';

/** An item waiting for delivery. */
export interface PendingItem {
  endpoint: string;
  payload: FeedbackPayload;
}

/** What is kept per article. */
export interface ArticleRecord {
  submissionId: string;
  /** Revision of `answer` (0 before the first answer); the next different answer gets `revision + 1`. */
  revision: number;
  answer?: FeedbackAnswer;
  /** True once `revision` reached the collector (or was refused for good). */
  delivered: boolean;
  /** The item still to be delivered, if any. */
  pending?: PendingItem;
}

/** The part of the Web Storage API the widget uses; inject your own (e.g. in tests). */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/** `feedback-storage` values. */
export type StorageKind = 'session' | 'local' | 'none';

/** Prefix of every key the widget writes. */
export const KEY_PREFIX = 'help-feedback:';


/** A Storage-like map in memory: the `none` choice and the fallback of a failing storage. */
export class MemoryStorage implements StorageLike {
  private readonly map = new Map<string, string>();
  get length(): number {
    return this.map.size;
  }
  key(index: number): string | null {
    return [...this.map.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.map.set(key, String(value));
  }
  removeItem(key: string): void {
    this.map.delete(key);
  }
}

// The page's memory storage is shared by all elements (it is "the storage itself"), so a
// re-rendered control keeps its submissionId even with `feedback-storage="none"`.
const pageMemory = new MemoryStorage();

/** The storage for a `feedback-storage` value; never throws (privacy modes throw on access). */
export function storageFor(kind: string | undefined): StorageLike {
  try {
    if (kind === 'local') return window.localStorage ?? pageMemory;
    if (kind === 'none') return pageMemory;
    return window.sessionStorage ?? pageMemory;
  } catch {
    return pageMemory;
  }
}

/** A random UUID v4, from `crypto.randomUUID` where available (secure contexts), else `getRandomValues`. */
export function randomId(): string {
  try {
    if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  } catch {
    // Fall through.
  }
  const bytes = new Uint8Array(16);
  try {
    crypto.getRandomValues(bytes);
  } catch {
    for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  }
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}


function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isRating(rating: unknown, scale: FeedbackScale): rating is number {
  return Number.isInteger(rating) && (rating as number) >= 1 && (rating as number) <= scaleMax(scale);
}

function isReasons(value: unknown): value is FeedbackReason[] {
  return (
    Array.isArray(value) &&
    value.every((r) => (REASONS as readonly unknown[]).includes(r)) &&
    new Set(value).size === value.length
  );
}

function isRevision(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 1;
}

/** Checks an answer read back from storage. */
function isValidAnswer(value: unknown): value is FeedbackAnswer {
  return (
    isObject(value) &&
    isScale(value.scale) &&
    isRating(value.rating, value.scale) &&
    isReasons(value.reasons) &&
    typeof value.comment === 'string' &&
    value.comment.length <= LIMITS.comment
  );
}

function isValidRecord(value: unknown): value is ArticleRecord {
  if (!isObject(value)) return false;
  if (typeof value.submissionId !== 'string' || !UUID_V4_PATTERN.test(value.submissionId)) return false;
  const revisionOk = value.revision === 0 || isRevision(value.revision);
  if (!revisionOk || typeof value.delivered !== 'boolean') return false;
  if (value.answer !== undefined && !isValidAnswer(value.answer)) return false;
  if (value.pending !== undefined) {
    const p = value.pending;
    if (!isObject(p) || typeof p.endpoint !== 'string' || !isValidPayload(p.payload)) return false;
    if (p.payload.submissionId !== value.submissionId) return false;
  }
  return true;
}

/**
 * Reads and writes article records in a Web Storage. Every access is guarded: the first
 * exception switches this instance to memory (keeping what it can), so the reader still gets
 * their thank-you and the rating is still sent while the page stays open.
 */
export class FeedbackStore {
  private storage: StorageLike;
  private fallback?: MemoryStorage;

  constructor(storage: StorageLike = storageFor('session')) {
    this.storage = storage;
  }

  private guard<T>(action: (s: StorageLike) => T, fallbackValue: T): T {
    try {
      return action(this.storage);
    } catch {
      if (!this.fallback) {
        this.fallback = new MemoryStorage();
        this.storage = this.fallback;
        try {
          return action(this.storage);
        } catch {
          return fallbackValue;
        }
      }
      return fallbackValue;
    }
  }

  private key(articleId: string): string {
    return `${KEY_PREFIX}${articleId}`;
  }

  /** The stored record of an article, or `undefined` (missing or corrupt; corrupt data is removed). */
  read(articleId: string): ArticleRecord | undefined {
    const key = this.key(articleId);
    const raw = this.guard((s) => s.getItem(key), null);
    if (raw == null) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      value = undefined;
    }
    if (isValidRecord(value) && (!value.pending || value.pending.payload.articleId === articleId)) return value;
    this.guard((s) => s.removeItem(key), undefined);
    return undefined;
  }

  /** Stores the record of an article. */
  write(articleId: string, record: ArticleRecord): void {
    const key = this.key(articleId);
    const text = JSON.stringify(record);
    this.guard((s) => s.setItem(key, text), undefined);
  }

  /** The article's record, creating (and storing) a fresh submissionId the first time. */
  ensure(articleId: string): ArticleRecord {
    const existing = this.read(articleId);
    if (existing) return existing;
    // Revision 0 means "nothing answered yet"; it is never sent.
    const record: ArticleRecord = { submissionId: randomId(), revision: 0, delivered: false };
    this.write(articleId, record);
    return record;
  }

  /** Ids of articles with an item waiting for `endpoint`. */
  pendingArticles(endpoint: string): string[] {
    const ids: string[] = [];
    const keys = this.guard((s) => {
      const all: string[] = [];
      for (let i = 0; i < s.length; i++) {
        const k = s.key(i);
        if (k?.startsWith(KEY_PREFIX)) all.push(k);
      }
      return all;
    }, [] as string[]);
    for (const k of keys) {
      const id = k.slice(KEY_PREFIX.length);
      const record = this.read(id);
      if (record?.pending && record.pending.endpoint === endpoint) ids.push(id);
    }
    return ids;
  }
}
