import { expect } from '@open-wc/testing';
import '../../../src/define.js';
import type { HelpArticle } from '../../../src/article/help-article.js';
import { exceptKnownDefect, type Engine } from '../../support/engine.js';
import { settled, shadow } from '../../support/helpers.js';
// A plain JS module shared with bench/marked-limits.mjs.
import { PATHOLOGICAL } from '../../fixtures/pathological/inputs.mjs';

// Open defects in other engines, measured here (docs/development.md, "Browser support").
const QUADRATIC_IN_JSC = "marked's GFM inline lexing is quadratic in JavaScriptCore's regular expressions: the page is held for over 20 s";
const KNOWN_DEFECTS: Record<string, [Engine[], string]> = {
  '"*a_" × 20,000': [['webkit'], QUADRATIC_IN_JSC],
  '"*_a" × 20,000': [['webkit'], QUADRATIC_IN_JSC],
  '"](" × 20,000 link openers': [['webkit'], QUADRATIC_IN_JSC],
  '"<" × 50,000 (unclosed HTML)': [['webkit'], QUADRATIC_IN_JSC],
  '1 MB table': [['firefox', 'webkit'], 'style and layout of the 22,000 rows hold the page for 1.5 s (Firefox) to 4–6 s (WebKit)'],
};

type Case = { make: () => string; expect: 'load' | 'too-complex' | 'too-large'; gapLimitMs?: number };

/** Longest main-thread block while `work` runs: long tasks, and gaps in a 50 ms heartbeat. */
async function blocking<T>(work: () => Promise<T>): Promise<{ result: T; longestTask: number; longestGap: number }> {
  let longestTask = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longestTask = Math.max(longestTask, entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  let last = performance.now();
  let longestGap = 0;
  const beat = setInterval(() => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - last);
    last = now;
  }, 50);
  try {
    const result = await work();
    await new Promise((r) => setTimeout(r, 60));
    return { result, longestTask, longestGap };
  } finally {
    clearInterval(beat);
    observer.disconnect();
  }
}

describe('pathological markdown', function () {
  this.timeout(30000);

  afterEach(() => document.body.replaceChildren());

  for (const [name, input] of Object.entries(PATHOLOGICAL as Record<string, Case>)) {
    const known = KNOWN_DEFECTS[name];
    (known ? exceptKnownDefect(...known) : it)(`${name}: ends ${input.expect === 'load' ? 'rendered' : `with a readable fallback and "${input.expect}"`} without blocking the page for a second`, async () => {
      const markdown = input.make();
      const el = document.createElement('help-article') as HelpArticle;
      el.setAttribute('share', 'none');
      const events: string[] = [];
      el.addEventListener('help-article-load', () => events.push('load'));
      el.addEventListener('help-article-error', (e) => events.push(e.detail.reason));
      const { longestTask, longestGap } = await blocking(async () => {
        const done = settled(el);
        el.markdown = markdown;
        document.body.append(el);
        await done;
        await el.loadComplete;
      });

      expect(el.state).to.equal('ready');
      // The parse time budget is wall-clock time: on a busy machine, and in engines where marked and
      // DOMPurify run 2–60× slower than in Chromium, the largest articles reach it and show the rest
      // as plain text on purpose. That is the only other ending allowed.
      const budgetReached = shadow(el).querySelector('pre.fallback') !== null;
      if (input.expect === 'load' && budgetReached) expect(events).to.deep.equal(['load', 'too-complex']);
      else if (input.expect === 'load') expect(events).to.deep.equal(['load']);
      else expect(events).to.deep.equal(['load', input.expect]);
      // A readable fallback: the reader sees text from the article and a notice when degraded.
      const text = shadow(el).textContent ?? '';
      expect(text.replace(/\s+/g, '').length).to.be.greaterThan(0);
      if (input.expect !== 'load') expect(shadow(el).querySelector('.notice')).to.exist;
      expect(longestTask, 'longest task (ms)').to.be.below(1000);
      expect(longestGap, 'longest gap between 50 ms timers (ms)').to.be.below(input.gapLimitMs ?? 1000);
    });
  }

  it('keeps the page responsive: a click handler runs while a large article renders', async () => {
    const el = document.createElement('help-article') as HelpArticle;
    const button = document.createElement('button');
    let clickedAt = 0;
    button.addEventListener('click', () => (clickedAt = performance.now()));
    document.body.append(button);
    const done = settled(el);
    el.markdown = (PATHOLOGICAL as Record<string, Case>)['1 MB table'].make() + '\n\n' + '## Abschnitt\n\nText.\n\n'.repeat(2000);
    document.body.append(el);
    await new Promise((r) => setTimeout(r, 0));
    const asked = performance.now();
    setTimeout(() => button.click(), 0);
    await done;
    expect(clickedAt, 'the click ran').to.be.greaterThan(0);
    expect(clickedAt - asked).to.be.below(1000);
  });
});
