// The two sides of the wire contract agree: the widest payloads the control can build are taken by
// the real collector (window.__collector), and a payload one step past any of the collector's
// limits is refused by the collector and by the widget's own check alike.
import { expect } from '@open-wc/testing';
import { FIELD_NAMES } from '../../../server/contract.js';
import {
  LIMITS,
  REASONS,
  SCALES,
  WIDEST_ENVELOPE,
  bodyBytes,
  fitPayload,
  isValidPayload,
  type FeedbackPayload,
  type FeedbackScale,
} from '../../../src/feedback/wire.js';

declare global {
  interface Window {
    __collector: string;
  }
}

async function post(payload: unknown): Promise<number> {
  const response = await fetch(`${window.__collector}/api/feedback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  return response.status;
}

/** The widest payload of a scale and rating: every field at its longest, the comment fitted. */
function widest(scale: FeedbackScale, rating: number, comment: string): FeedbackPayload {
  return fitPayload({
    submissionId: crypto.randomUUID(),
    revision: WIDEST_ENVELOPE.revision,
    articleId: 'a'.repeat(LIMITS.articleId),
    rating,
    scale,
    reasons: [...REASONS],
    comment,
    locale: `de-${'x'.repeat(8)}-${'y'.repeat(8)}-${'z'.repeat(8)}-ab`.slice(0, LIMITS.locale),
    page: `/${'p'.repeat(LIMITS.page - 1)}`,
    hp: '',
    elapsedMs: WIDEST_ENVELOPE.elapsedMs,
  });
}

describe('the wire contract, on both sides', () => {
  it('names the same fields on both sides', () => {
    const payload: Required<FeedbackPayload> = widest('stars', 1, 'x') as Required<FeedbackPayload>;
    expect(Object.keys(payload).sort()).to.deep.equal([...FIELD_NAMES].sort());
  });

  it('every payload the control can build at its widest is taken by the collector', async () => {
    const comments = ['', 'a'.repeat(2 * LIMITS.comment), '😀'.repeat(LIMITS.comment), 'ä\u0000b\uD800c'.repeat(300)];
    for (const [scale, max] of Object.entries(SCALES) as [FeedbackScale, number][]) {
      for (const rating of [1, max]) {
        for (const comment of comments) {
          const payload = widest(scale, rating, comment);
          const label = `${scale} ${rating} ${comment.slice(0, 4)}… (${bodyBytes(payload)} bytes)`;
          expect(bodyBytes(payload), label).to.be.at.most(LIMITS.bodyBytes);
          expect(isValidPayload(payload), label).to.equal(true);
          expect(await post(payload), label).to.equal(201);
        }
      }
    }
  });

  it('refuses, on both sides, a payload one step past each limit', async () => {
    const base = widest('stars', 2, 'ok');
    const past: [string, Partial<Record<keyof FeedbackPayload, unknown>>][] = [
      ['article id', { articleId: 'a'.repeat(LIMITS.articleId + 1) }],
      ['comment', { comment: 'a'.repeat(LIMITS.comment + 1), page: '/p', articleId: 'a' }],
      ['locale', { locale: 'de-' + 'x'.repeat(LIMITS.locale) }],
      ['page', { page: `/${'p'.repeat(LIMITS.page)}` }],
      ['rating', { rating: SCALES.stars + 1 }],
      ['reasons', { reasons: [...REASONS, REASONS[0]] }],
      ['revision', { revision: Number.MAX_SAFE_INTEGER + 1 }],
    ];
    for (const [name, change] of past) {
      const payload = { ...base, ...change, submissionId: crypto.randomUUID() };
      expect(isValidPayload(payload), name).to.equal(false);
      expect(await post(payload), name).to.be.oneOf([400, 413]);
    }
    // A filled honeypot, however long, is a bot's: both sides take it as a trap (answered 202, not stored).
    const trap = { ...base, hp: 'h'.repeat(LIMITS.hp + 1), submissionId: crypto.randomUUID() };
    expect(isValidPayload(trap)).to.equal(true);
    expect(await post(trap)).to.equal(202);
    // The body limit itself: the collector refuses one byte more than LIMITS.bodyBytes.
    const body = JSON.stringify({ ...base, submissionId: crypto.randomUUID() });
    const padded = body.slice(0, -1) + ' '.repeat(LIMITS.bodyBytes + 1 - new TextEncoder().encode(body).length) + '}';
    const response = await fetch(`${window.__collector}/api/feedback`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: padded });
    expect(response.status).to.equal(413);
  });
});
