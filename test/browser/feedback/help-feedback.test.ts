// <help-feedback> in the real browser against real servers: the collector started for the test run
// (window.__collector) and the fault endpoints of the test server (test/support/fault-middleware.mjs).
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define.js';
import type { HelpFeedback, FeedbackErrorDetail, FeedbackSuccessDetail } from '../../../src/feedback/help-feedback.js';
import { FeedbackStore, MemoryStorage, KEY_PREFIX, type StorageLike } from '../../../src/feedback/feedback-storage.js';
import { LIMITS } from '../../../src/feedback/wire.js';
import { pressSpace, typeKeys } from '../../support/engine.js';

declare global {
  interface Window {
    __collector: string;
  }
}

let counter = 0;
const uid = (name: string) => `${name}-${Date.now().toString(36)}-${++counter}`;
const collectorEndpoint = () => `${window.__collector}/api/feedback`;
const flaky = (key: string, query = 'fail=0') => `${location.origin}/fault/flaky?key=${key}&${query}`;

interface LogEntry {
  route: string;
  body: string;
  contentType: string;
  cookie: string;
}

async function faultLog(key: string): Promise<LogEntry[]> {
  return (await fetch(`/fault/log?key=${encodeURIComponent(key)}`, { cache: 'no-store' })).json();
}

async function summary(articleId: string): Promise<{ count: number; distribution: Record<string, number> }> {
  return (await fetch(`${window.__collector}/api/articles/${articleId}/feedback-summary`, { cache: 'no-store' })).json();
}

const root = (el: HelpFeedback) => el.shadowRoot!;
const radio = (el: HelpFeedback, value: number) => root(el).querySelector<HTMLInputElement>(`input[name="rating"][value="${value}"]`)!;
const submitButton = (el: HelpFeedback) => root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!;
const statusText = (el: HelpFeedback) => root(el).querySelector('[role="status"]')!.textContent!.trim();

async function rate(el: HelpFeedback, value: number): Promise<void> {
  root(el).querySelector<HTMLLabelElement>(`label[for="rating-${value}"]`)!.click();
  await el.updateComplete;
}

async function make(attrs: {
  endpoint: string;
  articleId?: string;
  storage?: StorageLike;
  scale?: string;
  minDwellMs?: number;
  retryBaseMs?: number;
  maxAttempts?: number;
  timeoutMs?: number;
  summary?: boolean;
}): Promise<HelpFeedback> {
  const el = await fixture<HelpFeedback>(html`<help-feedback
    lang="de"
    feedback-endpoint=${attrs.endpoint}
    article-id=${attrs.articleId ?? uid('article')}
    feedback-scale=${attrs.scale ?? 'stars'}
    ?feedback-summary=${attrs.summary ?? false}
    .storage=${attrs.storage ?? new MemoryStorage()}
    .minDwellMs=${attrs.minDwellMs ?? 0}
    .retryBaseMs=${attrs.retryBaseMs ?? 20}
    .maxAttempts=${attrs.maxAttempts ?? 6}
    .timeoutMs=${attrs.timeoutMs ?? 10_000}
  ></help-feedback>`);
  await el.updateComplete;
  return el;
}

function setOnline(value: boolean | undefined): void {
  if (value === undefined) delete (navigator as unknown as Record<string, unknown>).onLine;
  else Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => value });
}

describe('<help-feedback>', () => {
  afterEach(() => setOnline(undefined));

  it('passes axe in every state: idle, follow-up open, sending, thank-you and error', async () => {
    const key = uid('axe');
    const el = await make({ endpoint: flaky(key, 'fail=1&status=400'), maxAttempts: 1 });
    await expect(el).to.be.accessible();
    await rate(el, 2);
    expect(root(el).querySelector('[part="follow-up"]')).to.exist;
    await expect(el).to.be.accessible();
    const failed = oneEvent(el, 'help-feedback-error');
    submitButton(el).click();
    await el.updateComplete;
    expect(el.state).to.equal('sending');
    await expect(el).to.be.accessible();
    await failed;
    await el.updateComplete;
    expect(el.state).to.equal('error');
    expect(root(el).querySelector('[role="alert"]')!.textContent).to.contain('400');
    await expect(el).to.be.accessible();
    const done = oneEvent(el, 'help-feedback-success');
    root(el).querySelector<HTMLButtonElement>('[part~="button"]')!.click();
    await done;
    await el.updateComplete;
    expect(el.state).to.equal('thanks');
    await expect(el).to.be.accessible();
  });

  it('asks the question in German and English, and takes an override', async () => {
    const el = await make({ endpoint: flaky(uid('q')) });
    expect(root(el).querySelector('legend')!.textContent).to.contain('Wie gefällt Ihnen dieser Artikel? Ihre Meinung zählt:');
    expect(radio(el, 4).labels![0].textContent).to.contain('4 von 5 Sternen');
    el.lang = 'en';
    await el.updateComplete;
    expect(root(el).querySelector('legend')!.textContent).to.contain('How would you rate this article?');
    el.question = 'War das hilfreich?';
    await el.updateComplete;
    expect(root(el).querySelector('legend')!.textContent!.trim()).to.equal('War das hilfreich?');
  });

  it('sends a rating to the real collector and thanks the reader', async () => {
    const articleId = uid('real');
    const el = await make({ endpoint: collectorEndpoint(), articleId, minDwellMs: 1500, summary: true });
    await rate(el, 4);
    const sent = oneEvent(el, 'help-feedback-send');
    const done = oneEvent(el, 'help-feedback-success');
    submitButton(el).click();
    const { detail: sendDetail } = await sent;
    expect(sendDetail.payload).to.include({ articleId, rating: 4, scale: 'stars', revision: 1, locale: 'de', page: location.pathname });
    const { detail } = (await done) as CustomEvent<FeedbackSuccessDetail>;
    expect(detail.status).to.equal(201);
    expect(detail.payload.elapsedMs).to.be.at.least(1500);
    await el.updateComplete;
    expect(statusText(el)).to.equal('Vielen Dank für Ihr Feedback.');
    expect((await summary(articleId)).count).to.equal(1);
    await new Promise((r) => setTimeout(r, 100));
    await el.updateComplete;
    expect(root(el).querySelector('[part="summary"]')?.textContent).to.contain('1 Leser hat diesen Artikel bewertet');
  });

  it('updates the same submission when the reader gives feedback again', async () => {
    const articleId = uid('again');
    const storage = new MemoryStorage();
    const el = await make({ endpoint: collectorEndpoint(), articleId, storage, minDwellMs: 1500 });
    await rate(el, 5);
    let done = oneEvent(el, 'help-feedback-success');
    submitButton(el).click();
    const first = ((await done) as CustomEvent<FeedbackSuccessDetail>).detail;
    await el.updateComplete;
    const again = [...root(el).querySelectorAll('button')].find((b) => b.textContent!.includes('Feedback erneut abgeben?'))!;
    again.click();
    await el.updateComplete;
    expect(radio(el, 5).checked).to.equal(true);
    // Focus returns to the reader's rating, so the arrow keys move on from it.
    expect(root(el).activeElement).to.equal(radio(el, 5));
    await rate(el, 2);
    done = oneEvent(el, 'help-feedback-success');
    submitButton(el).click();
    const second = ((await done) as CustomEvent<FeedbackSuccessDetail>).detail;
    expect(second.payload.submissionId).to.equal(first.payload.submissionId);
    expect(second.payload.revision).to.equal(2);
    expect(second.status).to.equal(200);
    const stored = await summary(articleId);
    expect(stored.count).to.equal(1);
    expect(stored.distribution).to.include({ '2': 1, '5': 0 });
  });

  it('shows the thank-you again after a reload of an article already rated', async () => {
    const articleId = uid('reload-thanks');
    const storage = new MemoryStorage();
    const first = await make({ endpoint: flaky(articleId), articleId, storage });
    await rate(first, 3);
    const done = oneEvent(first, 'help-feedback-success');
    submitButton(first).click();
    await done;
    first.remove();
    const second = await make({ endpoint: flaky(articleId), articleId, storage });
    expect(second.state).to.equal('thanks');
    expect(statusText(second)).to.equal('Vielen Dank für Ihr Feedback.');
  });

  it('is calm until used: the send button is quiet before a rating and primary after one', async () => {
    const el = await make({ endpoint: flaky(uid('calm')) });
    const accent = getComputedStyle(el).getPropertyValue('--_accent').trim();
    const background = () => getComputedStyle(submitButton(el)).backgroundColor;
    const probe = document.createElement('div');
    probe.style.color = accent;
    document.body.append(probe);
    const accentRgb = getComputedStyle(probe).color;
    probe.remove();
    expect(background()).not.to.equal(accentRgb);
    await rate(el, 4);
    expect(background()).to.equal(accentRgb);
  });

  it('shows "choose a rating first" as an error of the form, tied to the rating group', async () => {
    const el = await make({ endpoint: flaky(uid('hint')) });
    submitButton(el).click();
    await el.updateComplete;
    const hint = root(el).querySelector<HTMLElement>('[part="hint"]')!;
    expect(hint.getAttribute('role')).to.equal('alert');
    expect(hint.textContent).to.equal('Bitte wählen Sie zuerst eine Bewertung.');
    expect(root(el).querySelector('fieldset')!.getAttribute('aria-describedby')).to.equal(hint.id);
    const danger = getComputedStyle(root(el).querySelector('.base')!).getPropertyValue('--_danger').trim();
    const probe = document.createElement('div');
    probe.style.color = danger;
    document.body.append(probe);
    expect(getComputedStyle(hint).color).to.equal(getComputedStyle(probe).color);
    probe.remove();
    await expect(el).to.be.accessible();
  });

  it('keeps a comment written for a low rating in view when the reader picks a better one, and lets them remove it', async () => {
    const el = await make({ endpoint: flaky(uid('carry')) });
    await rate(el, 1);
    const field = root(el).querySelector<HTMLTextAreaElement>('#comment')!;
    field.value = 'Die Anleitung für IMAP fehlt.';
    field.dispatchEvent(new Event('input'));
    await rate(el, 5);
    const carried = root(el).querySelector<HTMLTextAreaElement>('#comment')!;
    expect(carried.getClientRects().length, 'the comment is on screen').to.be.greaterThan(0);
    expect(carried.value).to.equal('Die Anleitung für IMAP fehlt.');
    expect(root(el).querySelector('#comment-hint')!.textContent).to.equal('Ihr Kommentar wird mit Ihrer Bewertung gesendet.');
    let sent = oneEvent(el, 'help-feedback-send');
    submitButton(el).click();
    expect(((await sent) as CustomEvent<{ payload: { comment?: string; reasons?: string[] } }>).detail.payload).to.include({ comment: 'Die Anleitung für IMAP fehlt.' });

    const other = await make({ endpoint: flaky(uid('carry-removed')) });
    await rate(other, 2);
    const otherField = root(other).querySelector<HTMLTextAreaElement>('#comment')!;
    otherField.value = 'Zu kurz.';
    otherField.dispatchEvent(new Event('input'));
    await rate(other, 4);
    root(other).querySelector<HTMLButtonElement>('[part="remove-comment"]')!.click();
    await other.updateComplete;
    sent = oneEvent(other, 'help-feedback-send');
    submitButton(other).click();
    const { payload } = ((await sent) as CustomEvent<{ payload: { comment?: string } }>).detail;
    expect(payload.comment).to.equal(undefined);
  });

  it('counts the reader\'s own rating at once on the next page, not a count the browser cached before it', async () => {
    const articleId = uid('own-count');
    const summaryUrl = `${window.__collector}/api/articles/${articleId}/feedback-summary`;
    // An earlier page asked for the count: 0, which the browser may keep for 60 s.
    expect((await (await fetch(summaryUrl)).json()).count).to.equal(0);
    // Then the reader rated, and the rating was delivered as that page was left.
    const submissionId = crypto.randomUUID();
    const posted = await fetch(collectorEndpoint(), {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
      body: JSON.stringify({ submissionId, revision: 1, articleId, rating: 5, scale: 'stars', locale: 'de', page: '/hilfe', elapsedMs: 5000 }),
    });
    expect(posted.status).to.equal(201);
    const storage = new MemoryStorage();
    new FeedbackStore(storage).write(articleId, {
      submissionId,
      revision: 1,
      answer: { rating: 5, scale: 'stars', reasons: [], comment: '' },
      delivered: true,
    });
    const next = await make({ endpoint: collectorEndpoint(), articleId, storage, summary: true });
    expect(next.state).to.equal('thanks');
    await waitUntil(() => root(next).querySelector('[part="summary"]')?.textContent === '1 Leser hat diesen Artikel bewertet', 'the count includes the reader');
  });

  it('sends one request for a double click', async () => {
    const key = uid('double');
    const el = await make({ endpoint: flaky(key) });
    await rate(el, 4);
    const done = oneEvent(el, 'help-feedback-success');
    submitButton(el).click();
    submitButton(el).click();
    await done;
    await new Promise((r) => setTimeout(r, 200));
    expect(await faultLog(key)).to.have.length(1);
  });

  it('sends nothing when the host cancels help-feedback-send', async () => {
    const key = uid('cancel');
    const el = await make({ endpoint: flaky(key) });
    el.addEventListener('help-feedback-send', (e) => e.preventDefault(), { once: true });
    await rate(el, 4);
    submitButton(el).click();
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 200));
    expect(el.state).to.equal('idle');
    expect(await faultLog(key)).to.have.length(0);
  });

  it('stores nothing when the honeypot is filled', async () => {
    const articleId = uid('honeypot');
    const el = await make({ endpoint: collectorEndpoint(), articleId, minDwellMs: 1500 });
    const trap = root(el).querySelector<HTMLInputElement>('input[name="website"]')!;
    expect(trap.tabIndex).to.equal(-1);
    expect(trap.autocomplete).to.equal('off');
    trap.value = 'https://spam.example';
    await rate(el, 5);
    const done = oneEvent(el, 'help-feedback-success');
    submitButton(el).click();
    const { detail } = (await done) as CustomEvent<FeedbackSuccessDetail>;
    expect(detail.payload.hp).to.equal('https://spam.example');
    expect(detail.status).to.equal(202);
    expect((await summary(articleId)).count).to.equal(0);
  });

  it('retries after a 500 and then succeeds, with the same body', async () => {
    const key = uid('500');
    const el = await make({ endpoint: flaky(key, 'fail=1&status=500') });
    await rate(el, 4);
    const failed = oneEvent(el, 'help-feedback-error');
    const done = oneEvent(el, 'help-feedback-success');
    submitButton(el).click();
    const error = ((await failed) as CustomEvent<FeedbackErrorDetail>).detail;
    expect(error).to.include({ status: 500, willRetry: true });
    await done;
    const log = await faultLog(key);
    expect(log).to.have.length(2);
    expect(log[1].body).to.equal(log[0].body);
  });

  it('honours Retry-After on 429', async () => {
    const key = uid('429');
    const el = await make({ endpoint: flaky(key, 'fail=1&status=429&retryAfter=1') });
    await rate(el, 4);
    const failed = oneEvent(el, 'help-feedback-error');
    const done = oneEvent(el, 'help-feedback-success');
    submitButton(el).click();
    await failed;
    const start = performance.now();
    await el.updateComplete;
    expect(statusText(el)).to.contain('erneut');
    await done;
    expect(performance.now() - start).to.be.at.least(900);
  });

  it('aborts a hanging request and offers to send again', async () => {
    const el = await make({ endpoint: `${location.origin}/fault/hang?key=${uid('hang')}`, timeoutMs: 300, maxAttempts: 1 });
    await rate(el, 4);
    const failed = oneEvent(el, 'help-feedback-error');
    submitButton(el).click();
    const { detail } = (await failed) as CustomEvent<FeedbackErrorDetail>;
    expect(detail.willRetry).to.equal(false);
    expect(detail.status).to.equal(undefined);
    await el.updateComplete;
    expect(el.state).to.equal('error');
    expect(root(el).querySelector('[part~="button"]')!.textContent).to.contain('Erneut senden');
  });

  it('does not retry a 400 and says so', async () => {
    const key = uid('400');
    const el = await make({ endpoint: `${location.origin}/fault/status/400?key=${key}` });
    await rate(el, 4);
    const failed = oneEvent(el, 'help-feedback-error');
    submitButton(el).click();
    expect(((await failed) as CustomEvent<FeedbackErrorDetail>).detail).to.include({ status: 400, willRetry: false });
    await new Promise((r) => setTimeout(r, 300));
    expect(await faultLog(key)).to.have.length(1);
  });

  it('says the feedback service cannot be reached (not "offline") when it does not answer while the reader is online', async () => {
    const el = await make({ endpoint: 'http://127.0.0.1:9/api/feedback', retryBaseMs: 60_000 });
    await rate(el, 4);
    const failed = oneEvent(el, 'help-feedback-error');
    submitButton(el).click();
    expect(((await failed) as CustomEvent<FeedbackErrorDetail>).detail.willRetry).to.equal(true);
    await el.updateComplete;
    expect(el.state).to.equal('unreachable');
    expect(statusText(el)).to.equal('Der Feedback-Dienst ist gerade nicht erreichbar – wir versuchen es automatisch weiter.');
    await expect(el).to.be.accessible();
  });

  it('treats a running collector that sends no CORS header as unreachable, and names CORS_ORIGINS in dev mode', async () => {
    // The test server on another origin (127.0.0.1 instead of localhost, or the other way round)
    // answers without Access-Control-Allow-Origin: the browser hides the answer, as with a
    // collector started without the help site in CORS_ORIGINS.
    const other = new URL(location.href);
    other.hostname = other.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
    const endpoint = `${other.origin}/fault/no-cors`;
    // The same server answers its own origin.
    expect((await fetch('/fault/no-cors', { method: 'POST' })).status).to.equal(201);
    let refused = false;
    await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).catch(() => (refused = true));
    expect(refused, `${endpoint} from ${location.origin}`).to.equal(true);
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      const el = await make({ endpoint, retryBaseMs: 60_000 });
      await rate(el, 4);
      const failed = oneEvent(el, 'help-feedback-error');
      submitButton(el).click();
      expect(((await failed) as CustomEvent<FeedbackErrorDetail>).detail.willRetry).to.equal(true);
      await el.updateComplete;
      expect(el.state).to.equal('unreachable');
      expect(statusText(el)).to.equal('Der Feedback-Dienst ist gerade nicht erreichbar – wir versuchen es automatisch weiter.');
      expect(warnings.filter((w) => w.includes(`CORS_ORIGINS=${location.origin}`))).to.have.length(1);
    } finally {
      console.warn = original;
    }
  });

  it('says "offline" and waits when the browser is offline', async () => {
    setOnline(false);
    const el = await make({ endpoint: 'http://127.0.0.1:9/api/feedback', retryBaseMs: 60_000 });
    await rate(el, 4);
    const waiting = oneEvent(el, 'help-feedback-error');
    submitButton(el).click();
    expect(((await waiting) as CustomEvent<FeedbackErrorDetail>).detail.willRetry).to.equal(true);
    await el.updateComplete;
    expect(el.state).to.equal('offline');
    expect(statusText(el)).to.equal('Keine Verbindung – wir senden es automatisch, sobald Sie wieder online sind');
  });

  it('two controls on one page (two articles, one endpoint) each deliver their own rating once and hear only their own events', async () => {
    const storage = new MemoryStorage();
    const [idA, idB] = [uid('pair-a'), uid('pair-b')];
    // 1.5 s on the page: the collector stores what arrives sooner as a bot's (202).
    const a = await make({ endpoint: collectorEndpoint(), articleId: idA, storage, minDwellMs: 1500 });
    const b = await make({ endpoint: collectorEndpoint(), articleId: idB, storage, minDwellMs: 1500 });
    const events: string[] = [];
    for (const [name, el] of [['a', a], ['b', b]] as const) {
      el.addEventListener('help-feedback-success', (e) => events.push(`${name}:${e.detail.payload.articleId === idA ? 'A' : 'B'}`));
    }
    await rate(a, 5);
    await rate(b, 2);
    const doneA = oneEvent(a, 'help-feedback-success');
    const doneB = oneEvent(b, 'help-feedback-success');
    submitButton(a).click();
    submitButton(b).click();
    await Promise.all([doneA, doneB]);
    await new Promise((r) => setTimeout(r, 200));
    expect(events.sort()).to.deep.equal(['a:A', 'b:B']);
    expect((await summary(idA)).distribution['5']).to.equal(1);
    expect((await summary(idB)).distribution['2']).to.equal(1);
    expect(a.state).to.equal('thanks');
    expect(b.state).to.equal('thanks');
  });

  it('waits while offline and sends to the collector once online', async () => {
    const articleId = uid('offline');
    setOnline(false);
    const el = await make({ endpoint: collectorEndpoint(), articleId, minDwellMs: 1500 });
    await rate(el, 4);
    submitButton(el).click();
    await el.updateComplete;
    expect(el.state).to.equal('offline');
    setOnline(true);
    const done = oneEvent(el, 'help-feedback-success');
    window.dispatchEvent(new Event('online'));
    expect(((await done) as CustomEvent<FeedbackSuccessDetail>).detail.status).to.equal(201);
    expect((await summary(articleId)).count).to.equal(1);
  });

  it('sends a pending rating after a reload (a new element with the same storage)', async () => {
    const articleId = uid('pending');
    const storage = new MemoryStorage();
    setOnline(false);
    const first = await make({ endpoint: collectorEndpoint(), articleId, storage });
    await rate(first, 1);
    submitButton(first).click();
    await first.updateComplete;
    first.remove();
    expect(JSON.parse(storage.getItem(`${KEY_PREFIX}${articleId}`)!).pending).to.exist;
    setOnline(true);
    const second = await fixture<HelpFeedback>(html`<help-feedback
      feedback-endpoint=${collectorEndpoint()}
      article-id=${articleId}
      .storage=${storage}
    ></help-feedback>`);
    expect(second.state).to.equal('sending');
    const { detail } = (await oneEvent(second, 'help-feedback-success')) as CustomEvent<FeedbackSuccessDetail>;
    expect(detail.payload).to.include({ articleId, rating: 1, revision: 1 });
    expect((await summary(articleId)).count).to.equal(1);
    expect(JSON.parse(storage.getItem(`${KEY_PREFIX}${articleId}`)!).pending).to.equal(undefined);
  });

  it('keeps working when the storage throws', async () => {
    const fail = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    const storage: StorageLike = { getItem: fail, setItem: fail, removeItem: fail, key: fail, get length(): number { return fail(); } };
    const el = await make({ endpoint: flaky(uid('throwing')), storage });
    await rate(el, 4);
    const done = oneEvent(el, 'help-feedback-success');
    submitButton(el).click();
    await done;
    await el.updateComplete;
    expect(el.state).to.equal('thanks');
  });

  it('discards corrupt stored data', async () => {
    const articleId = uid('corrupt');
    const storage = new MemoryStorage();
    storage.setItem(`${KEY_PREFIX}${articleId}`, '{"submissionId": "x", "revision": ');
    const el = await make({ endpoint: flaky(articleId), articleId, storage });
    expect(el.state).to.equal('idle');
    expect(storage.getItem(`${KEY_PREFIX}${articleId}`)).to.equal(null);
    await rate(el, 4);
    const done = oneEvent(el, 'help-feedback-success');
    submitButton(el).click();
    await done;
    expect(JSON.parse(storage.getItem(`${KEY_PREFIX}${articleId}`)!)).to.include({ revision: 1, delivered: true });
  });

  it('moves the rating with arrow keys and sends with Enter', async () => {
    const key = uid('keys');
    const el = await make({ endpoint: flaky(key) });
    radio(el, 3).focus();
    await pressSpace();
    await el.updateComplete;
    expect(radio(el, 3).checked).to.equal(true);
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(radio(el, 4).checked).to.equal(true);
    expect(root(el).querySelector('[part="follow-up"] fieldset')).to.equal(null);
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(radio(el, 2).checked).to.equal(true);
    expect(root(el).querySelectorAll('input[name="reasons"]')).to.have.length(5);
    await sendKeys({ press: 'Tab' });
    await pressSpace();
    await el.updateComplete;
    submitButton(el).focus();
    const sent = oneEvent(el, 'help-feedback-send');
    await sendKeys({ press: 'Enter' });
    const { detail } = await sent;
    expect(detail.payload).to.include({ rating: 2 });
    expect(detail.payload.reasons).to.deep.equal(['missing-info']);
  });

  it('offers thumbs and faces, and opens the follow-up for thumbs down and the unhappy face', async () => {
    const thumbs = await make({ endpoint: flaky(uid('thumbs')), scale: 'thumbs' });
    expect(root(thumbs).querySelectorAll('input[name="rating"]')).to.have.length(2);
    expect(radio(thumbs, 2).labels![0].textContent).to.contain('Ja, hilfreich');
    await rate(thumbs, 1);
    expect(root(thumbs).querySelectorAll('input[name="reasons"]')).to.have.length(5);
    await expect(thumbs).to.be.accessible();
    const faces = await make({ endpoint: flaky(uid('faces')), scale: 'faces' });
    expect(root(faces).querySelectorAll('input[name="rating"]')).to.have.length(3);
    await rate(faces, 3);
    expect(root(faces).querySelectorAll('input[name="reasons"]')).to.have.length(0);
    expect(root(faces).querySelector('[aria-expanded="false"]')!.textContent).to.contain('Kommentar hinzufügen (optional)');
    await rate(faces, 1);
    expect(root(faces).querySelectorAll('input[name="reasons"]')).to.have.length(5);
  });

  it('never sends more than 2 KB, even for a comment of 1000 emoji', async () => {
    const articleId = uid('emoji');
    const el = await make({ endpoint: collectorEndpoint(), articleId, minDwellMs: 1500 });
    await rate(el, 1);
    for (const box of root(el).querySelectorAll<HTMLInputElement>('input[name="reasons"]')) box.click();
    await el.updateComplete;
    const area = root(el).querySelector('textarea')!;
    area.focus();
    area.value = '😀'.repeat(1000);
    area.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(area.value.length).to.be.lessThan(1000);
    expect(root(el).querySelector('[part="counter"]')!.textContent).to.contain('mehr passt nicht');
    const sent = oneEvent(el, 'help-feedback-send');
    const done = oneEvent(el, 'help-feedback-success');
    submitButton(el).click();
    const { detail } = await sent;
    expect(new TextEncoder().encode(JSON.stringify({ ...detail.payload, elapsedMs: 9_999_999 })).length).to.be.at.most(LIMITS.bodyBytes);
    expect(((await done) as CustomEvent<FeedbackSuccessDetail>).detail.status).to.equal(201);
  });

  it('counts the comment up to 1000 characters', async () => {
    const el = await make({ endpoint: flaky(uid('count')) });
    await rate(el, 2);
    const area = root(el).querySelector('textarea')!;
    expect(area.maxLength).to.equal(1000);
    area.focus();
    await typeKeys('Hallo');
    await el.updateComplete;
    expect(root(el).querySelector('[part="counter"]')!.textContent).to.contain('5 von 1000 Zeichen');
  });

  it('sends no cookies', async () => {
    const key = uid('cookie');
    document.cookie = 'reader=secret; path=/';
    try {
      const el = await make({ endpoint: flaky(key) });
      await rate(el, 4);
      const done = oneEvent(el, 'help-feedback-success');
      submitButton(el).click();
      await done;
      const [entry] = await faultLog(key);
      expect(entry.cookie).to.equal('');
      expect(entry.contentType).to.equal('text/plain;charset=UTF-8');
    } finally {
      document.cookie = 'reader=; path=/; max-age=0';
    }
  });

  it('is rendered by <help-article> under the article with its id and language', async () => {
    const article = await fixture(html`<help-article
      lang="en"
      article-id="in-article"
      feedback-endpoint=${flaky(uid('article'))}
      feedback-scale="thumbs"
      share="none"
      .markdown=${'# Title\n\nIntro\n\n## One\n\nText'}
    ></help-article>`);
    if ((article as HTMLElement & { state: string }).state !== 'ready') await oneEvent(article, 'help-article-load');
    await (article as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    const el = article.shadowRoot!.querySelector('help-feedback')!;
    await el.updateComplete;
    expect(el.articleId).to.equal('in-article');
    expect(root(el).querySelectorAll('input[name="rating"]')).to.have.length(2);
    expect(root(el).querySelector('legend')!.textContent).to.contain('How would you rate this article?');
  });
});
