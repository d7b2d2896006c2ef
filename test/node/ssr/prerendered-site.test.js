// `npm start`'s help site serves every article of content/ prerendered (dist/articles/, written by
// `npm run build`): with JavaScript off the whole article is there; with it, the script tag takes
// the article over and sections, share bar and feedback work.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { startServer } from 'help-feedback-collector';
import { registerSite } from '../../../scripts/lib/site.mjs';
import { buildIndex } from '../../../scripts/content-index.mjs';

const executablePath = process.env.CHROME_PATH || '/usr/lib/chromium/chromium';
const args = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe('prerendered articles on the help site', () => {
  let site;
  let browser;
  let index;

  before(async () => {
    index = await buildIndex('content');
    site = await startServer({ extend: (app) => registerSite(app) });
    browser = await chromium.launch({ executablePath, headless: true, args });
  });

  after(async () => {
    await browser?.close();
    await site?.close();
  });

  it('has a page for every article of content/', () => {
    for (const e of index) assert.ok(fs.existsSync(`dist/articles/${e.id}.${e.lang}.html`), `${e.id}.${e.lang}`);
  });

  it('shows the whole article with JavaScript off: title, date, every section, share links, feedback question', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      for (const e of index.filter((x) => x.lang === 'de').slice(0, 3)) {
        const response = await page.goto(`${site.url}/dist/articles/${e.id}.${e.lang}.html`);
        assert.equal(response.status(), 200);
        const article = page.locator('help-article');
        assert.equal(await article.locator('[part="title"]').textContent(), e.title);
        assert.ok(await article.locator('[part="title"]').isVisible());
        assert.match(await article.locator('time').textContent(), /^Aktualisiert am/);
        const titles = await article.locator('.section-title').allTextContents();
        assert.deepEqual(titles, e.sections.map((s) => s.title));
        for (const body of await article.locator('.section-body').all()) assert.ok(await body.isVisible());
        assert.ok(await article.locator('help-share a[href^="mailto:"]').count() > 0);
        assert.ok(await article.locator('help-feedback').getByText('Wie gefällt Ihnen dieser Artikel?').isVisible());
      }
    } finally {
      await context.close();
    }
  });

  it('with JavaScript: the script tag takes the article over without a fetch, and it works', async () => {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const markdownRequests = [];
    page.on('request', (r) => r.url().endsWith('.md') && markdownRequests.push(r.url()));
    try {
      const e = index.find((x) => x.id === 'versandte-email-nicht-im-postfach' && x.lang === 'de');
      await page.goto(`${site.url}/dist/articles/${e.id}.${e.lang}.html`);
      await page.waitForFunction(() => document.querySelector('help-article')?.state === 'ready' && customElements.get('help-feedback'));
      const article = page.locator('help-article');
      // The first chunk and the takeover code were preloaded from the head, and those are the files
      // the script tag imported (a preload of the wrong URL would be fetched twice).
      const preloads = await page.evaluate(() => [...document.head.querySelectorAll('link[rel="modulepreload"]')].map((l) => new URL(l.href).pathname));
      assert.deepEqual(preloads, ['/dist/chunks/core.js', '/dist/chunks/hydrate.js']);
      const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname).filter((p) => /chunks\/(core|hydrate)\.js$/.test(p)));
      assert.deepEqual(fetched.sort(), preloads);
      // Taken over, not rendered beside the server's markup.
      assert.equal(await article.locator('[part="title"]').count(), 1);
      assert.equal(await article.locator('help-feedback form').count(), 1);
      const first = article.locator('.section-toggle').first();
      assert.equal(await first.getAttribute('aria-expanded'), 'true');
      await first.click();
      assert.equal(await first.getAttribute('aria-expanded'), 'false');
      assert.equal(await article.locator('.section-body').first().getAttribute('hidden'), 'until-found');
      await article.locator('help-feedback label[for="rating-4"]').click();
      assert.ok(await article.locator('help-feedback input#rating-4').isChecked());
      assert.deepEqual(errors, []);
      assert.deepEqual(markdownRequests, [], 'the article came with the page');
    } finally {
      await page.close();
    }
  });

  it('is rendered for the URL `npm start` serves it at, and taken over there without marked and DOMPurify', async () => {
    // The pages of `npm run build` are for http://127.0.0.1:8000 (the README's URL): their share links say so.
    const built = fs.readFileSync('dist/articles/online-buchung-einrichten.de.html', 'utf8');
    assert.ok(built.includes(encodeURIComponent('http://127.0.0.1:8000/dist/articles/online-buchung-einrichten.de.html')), 'rendered for http://127.0.0.1:8000');
    // The same script for this test server's URL (port 8000 may be taken), its pages served in place of the built ones.
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'prerendered-'));
    execFileSync(process.execPath, ['scripts/prerender.mjs', 'content', '--out', out], { env: { ...process.env, SITE_URL: site.url }, stdio: 'pipe' });
    const page = await browser.newPage();
    const warnings = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await page.route(`${site.url}/dist/articles/*.html`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: fs.readFileSync(path.join(out, path.basename(new URL(route.request().url()).pathname))) }),
    );
    try {
      // Every article, English ones and the one that shows a `<script>` snippet included.
      for (const e of index) {
        await page.goto(`${site.url}/dist/articles/${e.id}.${e.lang}.html`);
        await page.waitForFunction(() => document.querySelector('help-article')?.state === 'ready');
        const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname).filter((p) => p.endsWith('.md') || p.endsWith('/parser.js')));
        assert.deepEqual(loaded, [], `${e.id}.${e.lang}: no markdown fetched, no marked and DOMPurify`);
      }
      assert.deepEqual(warnings, []);
    } finally {
      await page.close();
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
