// The widget on a strict host page: a Content-Security-Policy header without 'unsafe-inline'
// or 'unsafe-eval', and Trusted Types required for every DOM sink, allowing only the policy
// names the widget documents. The article must render, feedback must reach the collector and
// the page must report no violation.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from 'help-feedback-collector';
import { startStaticServer } from '../../../bench/lib/static-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const executablePath = process.env.CHROME_PATH || '/usr/lib/chromium/chromium';
const args = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** The policy names the widget creates: Lit's templates and DOMPurify's parser. */
export const TRUSTED_TYPES_POLICIES = ['lit-html', 'dompurify'];

/** The header the host page is served with. */
export function strictCsp(collectorOrigin, policies = TRUSTED_TYPES_POLICIES) {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self' ${collectorOrigin}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
    "require-trusted-types-for 'script'",
    `trusted-types ${policies.join(' ')}`,
  ].join('; ');
}

describe('widget under a strict Content-Security-Policy with Trusted Types', () => {
  let collector;
  let site;
  let browser;
  let csp;

  before(async () => {
    collector = await startServer({ corsOrigins: '*', rateLimitMax: 1000 });
    csp = strictCsp(collector.url);
    site = await startStaticServer({
      root,
      headers: (pathname) =>
        pathname.endsWith('-without-dompurify.html')
          ? { 'content-security-policy': strictCsp(collector.url, ['lit-html']) }
          : pathname.startsWith('/test/fixtures/strict-csp')
            ? { 'content-security-policy': csp }
            : {},
    });
    browser = await chromium.launch({ executablePath, headless: true, args });
  });

  after(async () => {
    await browser?.close();
    await site?.close();
    await collector?.close();
  });

  it('renders the article, sends feedback to the collector and reports no violation', async () => {
    const page = await browser.newPage();
    const problems = [];
    page.on('console', (m) => {
      // Failed loads are judged by URL below (the browser's own favicon request is not the widget's).
      if ((m.type() === 'warning' || m.type() === 'error') && !m.text().startsWith('Failed to load resource')) problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.push(`${r.status()} ${r.url()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__violations.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
      });
      window.__events = [];
      for (const type of ['help-article-load', 'help-article-error', 'help-feedback-send', 'help-feedback-success', 'help-feedback-error']) {
        document.addEventListener(type, (e) => window.__events.push({ type, detail: e.detail }), true);
      }
    });
    const response = await page.goto(`${site.url}/test/fixtures/strict-csp.html`);
    assert.equal(response.headers()['content-security-policy'], csp);
    await page.waitForFunction(() => window.__events.some((e) => e.type.startsWith('help-article')));
    const first = await page.evaluate(() => window.__events[0]);
    assert.equal(first.type, 'help-article-load', JSON.stringify(first));
    const sections = await page.evaluate(() => document.querySelector('help-article').shadowRoot.querySelectorAll('section').length);
    assert.ok(sections >= 3, `sections rendered: ${sections}`);

    // Point the article's feedback control at the collector (another origin) and rate.
    await page.evaluate((endpoint) => {
      document.querySelector('help-article').setAttribute('feedback-endpoint', endpoint);
    }, `${collector.url}/api/feedback`);
    await page.waitForFunction(() => document.querySelector('help-article').shadowRoot.querySelector('help-feedback')?.shadowRoot?.querySelector('label[for="rating-4"]'));
    await page.locator('help-article help-feedback label[for="rating-4"]').click();
    await page.locator('help-article help-feedback button[type="submit"]').click();
    await page
      .waitForFunction(() => window.__events.some((e) => /^help-feedback-(success|error)$/.test(e.type)), null, { timeout: 10000 })
      .catch(async (error) => {
        const state = await page.evaluate(() => ({ events: window.__events.map((e) => e.type), violations: window.__violations }));
        throw new Error(`${error.message}; events ${JSON.stringify(state)}; console ${problems.join(' | ')}`);
      });
    const feedbackEvent = await page.evaluate(() => window.__events.find((e) => /^help-feedback-(success|error)$/.test(e.type)));
    assert.equal(feedbackEvent.type, 'help-feedback-success', JSON.stringify(feedbackEvent));
    // The collector may answer 202 and write a moment later: wait for the row.
    let rows = [];
    for (let i = 0; i < 50 && rows.length === 0; i++) {
      rows = await collector.store.list('versandte-email-nicht-im-postfach');
      if (!rows.length) await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(rows.length, 1, 'the collector stored the rating');
    assert.equal(rows[0].rating, 4);

    // Open and close a section and switch the language: more template renders under Trusted Types.
    await page.evaluate(async () => {
      const article = document.querySelector('help-article');
      article.shadowRoot.querySelector('.section-toggle').click();
      article.lang = 'en';
      await article.updateComplete;
    });
    const violations = await page.evaluate(() => window.__violations);
    await page.close();
    assert.deepEqual(violations, []);
    assert.deepEqual(problems, []);
  });

  it('shows the article as plain text with a localized notice when the policy leaves out dompurify', async () => {
    const page = await browser.newPage();
    await page.addInitScript(() => {
      window.__events = [];
      for (const type of ['help-article-load', 'help-article-error']) {
        document.addEventListener(type, (e) => window.__events.push({ type, detail: e.detail }), true);
      }
    });
    await page.goto(`${site.url}/test/fixtures/strict-csp-without-dompurify.html`);
    await page.waitForFunction(() => window.__events.some((e) => e.type === 'help-article-error'));
    const error = await page.evaluate(() => window.__events.find((e) => e.type === 'help-article-error'));
    assert.equal(error.detail.reason, 'blocked');
    const shown = await page.evaluate(() => {
      const root = document.querySelector('help-article').shadowRoot;
      return { notice: root.querySelector('[part~="notice"]').textContent, text: root.querySelector('.fallback').textContent, html: root.querySelectorAll('.prose a, .prose li').length };
    });
    assert.match(shown.notice, /Sicherheitsrichtlinie/);
    assert.match(shown.text, /Automatische Postfachregeln/);
    assert.equal(shown.html, 0, 'no HTML from the article reached the page');
    await page.close();
  });
});
