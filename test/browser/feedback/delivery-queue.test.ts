// Unit tests of the delivery queue: fetch and timers are stubbed here (and only here) so the real
// defaults (1.5 s dwell, 1 s backoff base, 10 s abort, Retry-After) can be checked exactly.
import { expect } from '@open-wc/testing';
import { DeliveryQueue, sharedQueue, type Clock, type DeliveryQueueOptions, type DeliveryUpdate } from '../../../src/feedback/delivery-queue.js';
import { backoffDelay, parseRetryAfter } from '../../../src/feedback/retry-policy.js';
import { LIMITS, bodyBytes, fitPayload, type FeedbackAnswer } from '../../../src/feedback/wire.js';
import { FeedbackStore, MemoryStorage, KEY_PREFIX, type StorageLike } from '../../../src/feedback/feedback-storage.js';

class FakeClock implements Clock {
  time = 0;
  private timers: { id: number; at: number; fn: () => void }[] = [];
  private nextId = 1;
  now(): number {
    return this.time;
  }
  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.push({ id, at: this.time + ms, fn });
    return id;
  }
  clearTimeout(id: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== id);
  }
  /** Moves time forward, firing due timers in order and letting promises settle in between. */
  async tick(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      await settle();
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = due.at;
      due.fn();
    }
    this.time = end;
    await settle();
  }
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
  await new Promise((r) => setTimeout(r, 0));
}

interface Call {
  url: string;
  init: RequestInit;
  body: Record<string, unknown>;
}

type Responder = (call: Call) => Promise<Response> | Response;

function stubFetch(responder: Responder): { fetch: typeof fetch; calls: Call[] } {
  const calls: Call[] = [];
  const fn = (input: RequestInfo | URL, init?: RequestInit) => {
    const call = { url: String(input), init: init ?? {}, body: JSON.parse(String(init?.body)) as Record<string, unknown> };
    calls.push(call);
    return Promise.resolve(responder(call));
  };
  return { fetch: fn as typeof fetch, calls };
}

const ANSWER: FeedbackAnswer = { rating: 4, scale: 'stars', reasons: [], comment: '' };
const CONTEXT = { articleId: 'unit-article', locale: 'de', page: '/hilfe/unit' };

function setUp(responder: Responder, options: Partial<DeliveryQueueOptions> = {}) {
  const clock = new FakeClock();
  const storage = new MemoryStorage();
  const { fetch, calls } = stubFetch(responder);
  const updates: DeliveryUpdate[] = [];
  const client = new DeliveryQueue({
    endpoint: 'https://collector.example/api/feedback',
    store: new FeedbackStore(storage),
    fetch,
    clock,
    random: () => 0,
    onUpdate: (u) => updates.push(u),
    ...options,
  });
  client.start();
  const submit = (answer: FeedbackAnswer = ANSWER) => {
    const payload = client.prepare(answer, CONTEXT);
    client.send(payload, answer);
    return payload;
  };
  return { clock, storage, calls, updates, client, submit };
}

const ok = () => new Response('{"ok":true}', { status: 201 });
const status = (code: number, headers: Record<string, string> = {}) => new Response('{}', { status: code, headers });

let clients: DeliveryQueue[] = [];
function track<T extends { client: DeliveryQueue }>(setup: T): T {
  clients.push(setup.client);
  return setup;
}

function setOnline(value: boolean | undefined): void {
  if (value === undefined) delete (navigator as unknown as Record<string, unknown>).onLine;
  else Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => value });
}

describe('DeliveryQueue', () => {
  afterEach(() => {
    for (const c of clients) c.stop();
    clients = [];
    setOnline(undefined);
  });

  it('waits for the minimum time on page (1.5 s by default) before the first attempt', async () => {
    const { clock, calls, submit } = track(setUp(ok));
    submit();
    await clock.tick(1499);
    expect(calls).to.have.length(0);
    await clock.tick(1);
    expect(calls).to.have.length(1);
    expect(calls[0].body.elapsedMs).to.equal(1500);
  });

  it('posts the wire format as a CORS-safelisted request without credentials', async () => {
    const { clock, calls, submit } = track(setUp(ok));
    submit({ rating: 2, scale: 'stars', reasons: ['outdated'], comment: 'Alt' });
    await clock.tick(1500);
    const { init, body, url } = calls[0];
    expect(url).to.equal('https://collector.example/api/feedback');
    expect(init.method).to.equal('POST');
    expect(init.mode).to.equal('cors');
    expect(init.credentials).to.equal('omit');
    expect(init.keepalive).to.equal(false);
    expect((init.headers as Record<string, string>)['Content-Type']).to.equal('text/plain;charset=UTF-8');
    expect(Object.keys(body).sort()).to.deep.equal(
      ['articleId', 'comment', 'elapsedMs', 'locale', 'page', 'rating', 'reasons', 'revision', 'scale', 'submissionId'].sort(),
    );
    expect(body).to.include({ articleId: 'unit-article', rating: 2, scale: 'stars', comment: 'Alt', locale: 'de', page: '/hilfe/unit', revision: 1 });
    expect(body.submissionId).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('retries 5xx with exponential backoff from 1 s and jitter', async () => {
    let n = 0;
    const { clock, calls, submit, updates } = track(setUp(() => (++n <= 3 ? status(500) : ok()), { random: () => 0.5 }));
    submit();
    await clock.tick(1500);
    expect(calls).to.have.length(1);
    // Equal jitter: ceiling/2 + random·ceiling/2 → 750 ms, 1500 ms, 3000 ms for random = 0.5.
    await clock.tick(749);
    expect(calls).to.have.length(1);
    await clock.tick(1);
    expect(calls).to.have.length(2);
    await clock.tick(1500);
    expect(calls).to.have.length(3);
    await clock.tick(2999);
    expect(calls).to.have.length(3);
    await clock.tick(1);
    expect(calls).to.have.length(4);
    expect(updates.filter((u) => u.status === 'waiting').map((u) => u.httpStatus)).to.deep.equal([500, 500, 500]);
    expect(updates.at(-1)).to.include({ status: 'delivered', httpStatus: 201 });
    expect(new Set(calls.map((c) => JSON.stringify(c.body))).size).to.equal(1);
  });

  it('honours Retry-After in seconds on 429', async () => {
    let n = 0;
    const { clock, calls, submit } = track(setUp(() => (++n === 1 ? status(429, { 'Retry-After': '7' }) : ok())));
    submit();
    await clock.tick(1500);
    await clock.tick(6999);
    expect(calls).to.have.length(1);
    await clock.tick(1);
    expect(calls).to.have.length(2);
  });

  it('honours Retry-After as an HTTP date on 503', async () => {
    let n = 0;
    const { clock, calls, submit } = track(
      setUp(() => (++n === 1 ? status(503, { 'Retry-After': new Date(Date.now() + 20_000).toUTCString() }) : ok())),
    );
    submit();
    await clock.tick(1500);
    await clock.tick(15_000);
    expect(calls).to.have.length(1);
    await clock.tick(6000);
    expect(calls).to.have.length(2);
  });

  it('does not retry other 4xx and drops the item from storage', async () => {
    const { clock, calls, submit, updates, client } = track(setUp(() => status(400)));
    submit();
    await clock.tick(60_000);
    expect(calls).to.have.length(1);
    expect(updates.at(-1)).to.include({ status: 'failed', httpStatus: 400, willRetry: false });
    expect(client.record('unit-article')?.pending).to.equal(undefined);
  });

  it('aborts an attempt after 10 s and retries it', async () => {
    const signals: AbortSignal[] = [];
    let n = 0;
    const { clock, calls, submit, updates } = track(
      setUp((call) => {
        if (++n > 1) return ok();
        const signal = call.init.signal!;
        signals.push(signal);
        return new Promise<Response>((_, reject) => signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
      }),
    );
    submit();
    await clock.tick(1500);
    await clock.tick(9999);
    expect(signals[0].aborted).to.equal(false);
    await clock.tick(1);
    expect(signals[0].aborted).to.equal(true);
    expect(updates.find((u) => u.status === 'waiting')).to.include({ failure: 'timeout', willRetry: true });
    await clock.tick(1000);
    expect(calls).to.have.length(2);
    expect(updates.at(-1)?.status).to.equal('delivered');
  });

  it('reports the final failure after 6 attempts, keeps the item and sends it on `online`', async () => {
    let failing = true;
    const { clock, calls, submit, updates, client } = track(setUp(() => (failing ? Promise.reject(new TypeError('Failed to fetch')) : ok())));
    submit();
    await clock.tick(600_000);
    expect(calls).to.have.length(6);
    expect(updates.at(-1)).to.include({ status: 'failed', failure: 'network', willRetry: false });
    expect(client.record('unit-article')?.pending).to.not.equal(undefined);
    failing = false;
    window.dispatchEvent(new Event('online'));
    await clock.tick(0);
    expect(calls).to.have.length(7);
    expect(client.record('unit-article')).to.include({ delivered: true });
  });

  it('waits while the browser is offline and sends once it is online', async () => {
    setOnline(false);
    const { clock, calls, submit, updates } = track(setUp(ok));
    submit();
    await clock.tick(60_000);
    expect(calls).to.have.length(0);
    expect(updates.at(-1)).to.include({ status: 'waiting', failure: 'offline', willRetry: true });
    setOnline(true);
    window.dispatchEvent(new Event('online'));
    await clock.tick(0);
    expect(calls).to.have.length(1);
  });

  it('flushes pending items with keepalive when the page is hidden or left', async () => {
    const { clock, calls, submit } = track(setUp(() => Promise.reject(new TypeError('offline'))));
    submit();
    await clock.tick(1500);
    expect(calls).to.have.length(1);
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    await settle();
    expect(calls).to.have.length(2);
    expect(calls[1].init.keepalive).to.equal(true);
    expect(calls[1].body).to.deep.equal(calls[0].body);
  });

  it('resumes an item stored by an earlier page (a reload) and keeps its revision', async () => {
    const first = track(setUp(() => Promise.reject(new TypeError('offline'))));
    const payload = first.submit();
    await first.clock.tick(1500);
    first.client.stop();
    const clock = new FakeClock();
    const { fetch, calls } = stubFetch(ok);
    const second = new DeliveryQueue({ endpoint: first.client.endpoint, store: new FeedbackStore(first.storage), fetch, clock });
    clients.push(second);
    second.start();
    await clock.tick(0);
    expect(calls).to.have.length(1);
    expect(calls[0].body).to.include({ submissionId: payload.submissionId, revision: 1 });
    expect(second.record('unit-article')).to.include({ delivered: true });
  });

  it('sends a repeated identical answer once, under one submissionId and revision', async () => {
    const { clock, calls, submit } = track(setUp(ok));
    const a = submit();
    const b = submit();
    await clock.tick(1500);
    expect(calls).to.have.length(1);
    expect(b).to.deep.equal(a);
  });

  it('keeps the submissionId and raises the revision for a changed answer', async () => {
    const { clock, calls, submit } = track(setUp(ok));
    const a = submit();
    await clock.tick(1500);
    const b = submit({ ...ANSWER, rating: 1 });
    await clock.tick(0);
    expect(calls).to.have.length(2);
    expect(b.submissionId).to.equal(a.submissionId);
    expect(b.revision).to.equal(2);
  });
});

describe('DeliveryQueue: overlapping deliveries', () => {
  afterEach(() => {
    for (const c of clients) c.stop();
    clients = [];
  });

  it('sends a newer revision stored while the older one is in flight, after it, and ends delivered at the newer one', async () => {
    let release!: () => void;
    const first = new Promise<Response>((resolve) => (release = () => resolve(ok())));
    let n = 0;
    const { clock, calls, submit, client, updates } = track(setUp(() => (++n === 1 ? first : ok())));
    const a = submit();
    await clock.tick(1500);
    expect(calls).to.have.length(1);
    const b = submit({ ...ANSWER, rating: 2 });
    await clock.tick(0);
    // One request per article at a time: the newer revision waits for the answer to the older one.
    expect(calls).to.have.length(1);
    release();
    await clock.tick(0);
    expect(calls.map((c) => c.body.revision)).to.deep.equal([a.revision, b.revision]);
    expect(client.record('unit-article')).to.include({ delivered: true, revision: 2 });
    expect(client.record('unit-article')?.pending).to.equal(undefined);
    expect(updates.filter((u) => u.status === 'delivered').map((u) => u.payload.revision)).to.deep.equal([1, 2]);
  });

  it('two queues on one storage (two tabs) post the same submission and revision, and the second stops once the first delivered', async () => {
    const one = track(setUp(ok));
    const payload = one.submit();
    const clock = new FakeClock();
    const { fetch, calls } = stubFetch(ok);
    const other = new DeliveryQueue({ endpoint: one.client.endpoint, store: new FeedbackStore(one.storage), fetch, clock, startedAt: -1500 });
    clients.push(other);
    other.start();
    await clock.tick(0);
    // The other tab sent the stored item too: the same submissionId and revision, which the collector stores once.
    expect(calls).to.have.length(1);
    expect(calls[0].body).to.include({ submissionId: payload.submissionId, revision: payload.revision });
    // The first tab finds the item delivered when its own attempt is due: it sends nothing.
    await one.clock.tick(1500);
    expect(one.calls).to.have.length(0);
    other.flush();
    await clock.tick(0);
    expect(calls).to.have.length(1);
  });

  it('records a delivery made with keepalive as the page is left, and sends it no more', async () => {
    let n = 0;
    const { clock, calls, submit, client, updates } = track(setUp(() => (++n === 1 ? Promise.reject(new TypeError('Failed to fetch')) : ok())));
    submit();
    await clock.tick(1500);
    expect(calls).to.have.length(1);
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    await settle();
    expect(calls[1].init.keepalive).to.equal(true);
    expect(client.record('unit-article')).to.include({ delivered: true });
    expect(updates.at(-1)).to.include({ status: 'delivered', httpStatus: 201 });
    // The retry scheduled after the first failure finds nothing left to send.
    await clock.tick(60_000);
    expect(calls).to.have.length(2);
  });
});

describe('sharedQueue', () => {
  it('is one queue per endpoint and storage for the page, whatever form the endpoint URL takes', () => {
    const storage = new MemoryStorage();
    const a = sharedQueue('/unit/api/feedback', storage);
    expect(sharedQueue(new URL('/unit/api/feedback', document.baseURI).href, storage)).to.equal(a);
    expect(sharedQueue('/unit/api/feedback', new MemoryStorage())).not.to.equal(a);
    expect(sharedQueue('/other/api/feedback', storage)).not.to.equal(a);
  });

  it('tells each subscriber about its own article only', async () => {
    const storage = new MemoryStorage();
    const queue = new DeliveryQueue({ endpoint: 'https://collector.example/api/feedback', store: new FeedbackStore(storage), fetch: stubFetch(ok).fetch, minDwellMs: 0 });
    const heard: Record<string, string[]> = { one: [], two: [] };
    const stopOne = queue.subscribe('one', (u) => heard.one.push(`${u.articleId}:${u.status}`), { minDwellMs: 0 });
    const stopTwo = queue.subscribe('two', (u) => heard.two.push(`${u.articleId}:${u.status}`), { minDwellMs: 0 });
    try {
      const payload = queue.prepare(ANSWER, { ...CONTEXT, articleId: 'two' });
      queue.send(payload, ANSWER);
      await settle();
      expect(heard.one).to.deep.equal([]);
      expect(heard.two).to.deep.equal(['two:sending', 'two:delivered']);
    } finally {
      stopOne();
      stopTwo();
    }
  });
});

describe('delivery helpers', () => {
  it('parses Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('120')).to.equal(120_000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).to.equal(10_000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 08:00:00 GMT'))).to.equal(0);
    expect(parseRetryAfter('soon')).to.equal(undefined);
    expect(parseRetryAfter(null)).to.equal(undefined);
  });

  it('doubles the backoff up to its ceiling and jitters within its upper half', () => {
    expect(backoffDelay(1, 1000, 60_000, () => 0)).to.equal(500);
    expect(backoffDelay(1, 1000, 60_000, () => 1)).to.equal(1000);
    expect(backoffDelay(3, 1000, 60_000, () => 0)).to.equal(2000);
    expect(backoffDelay(20, 1000, 60_000, () => 1)).to.equal(60_000);
  });

  it('keeps a body with 1000 emoji within 2 KB', () => {
    const payload = fitPayload({
      submissionId: '3f1c2a4e-8b7d-4c6e-9a5b-1d2e3f4a5b6c',
      revision: 1,
      articleId: 'emoji',
      rating: 1,
      scale: 'stars',
      reasons: ['missing-info', 'hard-to-understand', 'outdated', 'not-solved', 'other'],
      comment: '😀'.repeat(500),
      locale: 'de',
      page: '/hilfe/emoji',
      elapsedMs: 123456,
    });
    expect(bodyBytes(payload)).to.be.at.most(LIMITS.bodyBytes);
    expect(payload.comment!.length).to.be.greaterThan(500);
    expect(/[\uD800-\uDBFF]$/.test(payload.comment!)).to.equal(false);
  });
});

describe('FeedbackStore', () => {
  const throwing: StorageLike = {
    get length(): number {
      throw new DOMException('denied', 'SecurityError');
    },
    key: () => {
      throw new DOMException('denied', 'SecurityError');
    },
    getItem: () => {
      throw new DOMException('denied', 'SecurityError');
    },
    setItem: () => {
      throw new DOMException('full', 'QuotaExceededError');
    },
    removeItem: () => {
      throw new DOMException('denied', 'SecurityError');
    },
  };

  it('falls back to memory when the storage throws: the reader keeps one submission and the pending item', () => {
    const store = new FeedbackStore(throwing);
    const record = store.ensure('a');
    expect(store.ensure('a').submissionId).to.equal(record.submissionId);
    const payload = { submissionId: record.submissionId, revision: 1, articleId: 'a', rating: 5, scale: 'stars' as const, locale: 'de', page: '/a' };
    store.write('a', { ...record, revision: 1, pending: { endpoint: 'https://c.example/api/feedback', payload } });
    expect(store.pendingArticles('https://c.example/api/feedback')).to.deep.equal(['a']);
  });

  it('discards corrupt JSON and records that fail validation', () => {
    const storage = new MemoryStorage();
    storage.setItem(`${KEY_PREFIX}a`, '{"submissionId":');
    storage.setItem(`${KEY_PREFIX}b`, JSON.stringify({ submissionId: 'not-a-uuid', revision: 1, delivered: true }));
    storage.setItem(`${KEY_PREFIX}c`, JSON.stringify({ submissionId: crypto.randomUUID(), revision: 1, delivered: false, answer: { rating: 9, scale: 'stars', reasons: [], comment: '' } }));
    const store = new FeedbackStore(storage);
    expect(store.read('a')).to.equal(undefined);
    expect(store.read('b')).to.equal(undefined);
    expect(store.read('c')).to.equal(undefined);
    expect(storage.length).to.equal(0);
  });

  it('writes only prefixed keys', () => {
    const storage = new MemoryStorage();
    new FeedbackStore(storage).ensure('x');
    expect(storage.key(0)).to.equal(`${KEY_PREFIX}x`);
  });
});
