// Budgets a help-site owner relies on, checked on the real demo pages in Chromium:
// nothing is requested from another origin, the console stays clean (production Lit, no
// dev-mode warning) and the article renders.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { startServer } from 'help-feedback-collector';
import { registerSite } from '../../../scripts/lib/site.mjs';

const executablePath = process.env.CHROME_PATH || '/usr/lib/chromium/chromium';
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const args = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/**
 * Aborts and records every request that leaves `origin`, and records console warnings, errors and
 * page errors: what each page test asserts is empty.
 * @param {import('playwright-core').Page} page
 * @param {string} origin
 */
async function guard(page, origin) {
  const foreign = [];
  const console_ = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (!url.startsWith(origin) && !url.startsWith('data:')) {
      foreign.push(url);
      return route.abort('blockedbyclient');
    }
    return route.continue();
  });
  page.on('console', (m) => {
    if (m.type() === 'warning' || m.type() === 'error') console_.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => console_.push(`pageerror: ${e.message}`));
  return { foreign, console_ };
}

describe('demo pages', () => {
  let server;
  let browser;

  before(async () => {
    server = await startServer({ extend: registerSite });
    browser = await chromium.launch({ executablePath, headless: true, args });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const pagePath of ['/', '/demo/admin.html']) {
    it(`${pagePath} loads only from its own origin, logs no warning or error, renders the article and passes axe`, async () => {
      const page = await browser.newPage();
      const { foreign, console_ } = await guard(page, server.url);
      await page.addInitScript(() => {
        // Layout shifts, with what moved: the page must not jump while the widget and the site's
        // own script fill in (the breadcrumb trail once shifted the whole page by a line).
        window.__shifts = [];
        const name = (n) => (n ? `${n.getRootNode().host?.localName ?? ''} ${n.nodeName.toLowerCase()}.${n.className}`.trim() : '?');
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push(`${e.value.toFixed(4)} ${e.sources.map((s) => name(s.node)).join(', ')}`);
        }).observe({ type: 'layout-shift', buffered: true });
        window.__articleEvents = [];
        for (const type of ['help-article-load', 'help-article-error']) {
          document.addEventListener(type, (e) => window.__articleEvents.push({ type, detail: e.detail }), true);
        }
      });
      await page.goto(server.url + pagePath, { waitUntil: 'load' });
      await page.waitForFunction(() => window.__articleEvents.length > 0, null, { timeout: 15000 });
      // Let late requests (feedback summary, lazy images) start before judging.
      await page.waitForLoadState('networkidle');
      const events = await page.evaluate(() => window.__articleEvents);
      const shifts = await page.evaluate(() => window.__shifts);
      // The sidebar marks the article being read once, not under each of its categories.
      const current = await page.evaluate(() => document.querySelectorAll('[aria-current="page"]').length);
      // axe checks the page with the widgets' open shadow roots.
      await page.addScriptTag({ path: axePath });
      const violations = await page.evaluate(async () =>
        (await window.axe.run(document)).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      );
      await page.close();
      assert.deepEqual(violations, [], `axe: ${violations.join(' | ')}`);

      assert.deepEqual(foreign, [], `requests to another origin: ${foreign.join(', ')}`);
      assert.deepEqual(console_, [], `console warnings/errors: ${console_.join(' | ')}`);
      assert.equal(events[0].type, 'help-article-load', `first article event: ${JSON.stringify(events[0])}`);
      assert.ok(events[0].detail.sections.length > 0, 'the article has sections');
      if (pagePath === '/') assert.equal(current, 1, 'one link marks the current article');
      assert.deepEqual(shifts, [], 'no layout shift');
    });
  }

  it('the owner report at /admin/ and on the admin demo\'s Hilfe-Feedback screen loads from its own origin, logs nothing and passes axe', async () => {
    const token = 'demo-pages-admin-token-0123456789';
    const own = await startServer({ extend: registerSite, adminToken: token });
    try {
      await fetch(`${own.url}/api/feedback`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({
          submissionId: crypto.randomUUID(), revision: 1, articleId: 'kalender-synchronisieren', rating: 2, scale: 'stars',
          reasons: ['outdated'], comment: 'Veraltet', locale: 'de-DE', page: '/hilfe/kalender', elapsedMs: 5000,
        }),
      });
      for (const pagePath of ['/admin/', '/demo/admin.html?screen=feedback']) {
        const page = await browser.newPage();
        const { foreign, console_ } = await guard(page, own.url);
        await page.goto(`${own.url}/demo/`);
        await page.evaluate(async (t) => {
          await fetch('/api/admin/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token: t }) });
        }, token);
        await page.addInitScript(() => {
          document.addEventListener('help-feedback-report-load', () => (window.__reportShown = true));
        });
        await page.goto(own.url + pagePath, { waitUntil: 'load' });
        await page.waitForFunction(() => window.__reportShown === true, null, { timeout: 15000 });
        const title = await page.evaluate(() => document.querySelector('help-feedback-report').shadowRoot.querySelector('tbody .title')?.textContent.trim());
        await page.addScriptTag({ path: axePath });
        const violations = await page.evaluate(async () =>
          (await window.axe.run(document)).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        );
        await page.close();
        assert.equal(title, 'Kalender mit Google und Outlook synchronisieren', `${pagePath}: the title from the content index`);
        assert.deepEqual(violations, [], `${pagePath} axe: ${violations.join(' | ')}`);
        assert.deepEqual(foreign, [], `${pagePath}: requests to another origin: ${foreign.join(', ')}`);
        assert.deepEqual(console_, [], `${pagePath}: console warnings/errors: ${console_.join(' | ')}`);
      }
    } finally {
      await own.close();
    }
  });

  it('/demo/admin.html opens links between articles in its help panel and fits 320 px', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 700 } });
    try {
      await page.goto(`${server.url}/demo/admin.html?help=open&article=online-buchung-einrichten`);
      await page.waitForFunction(() => document.querySelector('help-article')?.state === 'ready');
      const before = page.url();
      await page.click('help-article a:text-is("Terminerinnerungen per SMS und E-Mail")');
      await page.waitForFunction(() => document.querySelector('help-article')?.getAttribute('src') === '/content/terminerinnerungen-per-sms-und-e-mail.de.md');
      await page.waitForFunction(() => document.querySelector('help-article')?.state === 'ready');
      assert.equal(page.url(), before, 'the admin page stays where it is');
      await page.click('#help-close');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0, 'no sideways scrolling at 320 px');
    } finally {
      await page.close();
    }
  });

  it('shows the chosen thumb or face in high-contrast mode (forced colours)', async () => {
    const page = await browser.newPage();
    try {
      await page.emulateMedia({ forcedColors: 'active' });
      await page.goto(`${server.url}/`);
      await page.waitForFunction(() => customElements.get('help-feedback'));
      const result = await page.evaluate(async () => {
        const el = document.createElement('help-feedback');
        el.setAttribute('feedback-endpoint', '/api/feedback');
        el.setAttribute('article-id', 'forced-colours');
        el.setAttribute('feedback-scale', 'faces');
        document.body.append(el);
        await el.updateComplete;
        el.shadowRoot.querySelector('label[for="rating-2"]').click();
        await el.updateComplete;
        const background = (value) => getComputedStyle(el.shadowRoot.querySelector(`label[for="rating-${value}"]`)).backgroundColor;
        const probe = document.body.appendChild(Object.assign(document.createElement('div'), { style: 'background: Canvas' }));
        return { forced: matchMedia('(forced-colors: active)').matches, chosen: background(2), other: background(1), canvas: getComputedStyle(probe).backgroundColor };
      });
      assert.ok(result.forced, 'forced colours are on');
      // High contrast paints every box with Canvas: the chosen one must not look like the rest.
      assert.notEqual(result.chosen, result.canvas, JSON.stringify(result));
      assert.notEqual(result.chosen, result.other, JSON.stringify(result));
    } finally {
      await page.close();
    }
  });

  it('/ leads from an English category tag to that category in English, opened on its first article', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${server.url}/?article=versandte-email-nicht-im-postfach&lang=en`);
      await page.waitForFunction(() => document.querySelector('help-article')?.state === 'ready');
      // Playwright's CSS selectors reach into the shadow roots.
      await Promise.all([page.waitForURL(/category=/), page.click('help-article a.tag:text-is("Emails")')]);
      assert.match(page.url(), /\?category=emails&lang=en$/);
      await page.waitForFunction(() => document.querySelector('help-article')?.state === 'ready');
      const shown = await page.evaluate(() => ({
        src: document.querySelector('help-article').getAttribute('src'),
        nav: [...document.querySelectorAll('#article-nav h3')].map((h) => h.textContent),
        lang: document.documentElement.lang,
      }));
      assert.deepEqual(shown, { src: '/content/terminerinnerungen-per-sms-und-e-mail.en.md', nav: ['Emails'], lang: 'en' });
    } finally {
      await page.close();
    }
  });
});
