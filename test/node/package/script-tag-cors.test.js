// The split script tag served from another origin than the page (a CDN, the help center's own
// host): its ES chunks need Access-Control-Allow-Origin. Without the header the reader sees a
// localized message in place of a blank article, and the host hears `help-article-error`
// (reason `script`); with it the article renders and the share bar and feedback control follow.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const executablePath = process.env.CHROME_PATH || '/usr/lib/chromium/chromium';
const args = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const listen = (server) => new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`)));

describe('split script tag from another origin', () => {
  let pages;
  let files;
  let filesUrl;
  let pagesUrl;
  let browser;

  before(async () => {
    // The widget's files (dist/): under /cors/ with the header, elsewhere without.
    files = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const cors = url.pathname.startsWith('/cors/');
      const file = path.join(root, 'dist', path.normalize(url.pathname.replace(/^\/cors\//, '/')).replace(/^(\.\.[/\\])+/, ''));
      if (!/\.js$/.test(file) || !fs.existsSync(file)) return res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', ...(cors ? { 'access-control-allow-origin': '*' } : {}) }).end(fs.readFileSync(file));
    });
    filesUrl = await listen(files);
    pages = http.createServer((req, res) => {
      const cors = req.url?.includes('cors=1');
      const lang = req.url?.includes('lang=en') ? 'en' : 'de';
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html>
<html lang="${lang}"><head><title>Other origin</title><script src="${filesUrl}${cors ? '/cors' : ''}/help-article.js"></script></head>
<body><help-article share="copy" feedback-endpoint="${filesUrl}/none"><script type="text/markdown"># Titel\n\nText.\n\n## Teil\n\nMehr.</script></help-article>
<script>window.errors = []; document.addEventListener('help-article-error', (e) => errors.push(e.detail.reason));</script></body></html>`);
    });
    pagesUrl = await listen(pages);
    browser = await chromium.launch({ executablePath, headless: true, args });
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => pages?.close(resolve));
    await new Promise((resolve) => files?.close(resolve));
  });

  for (const [lang, message] of [
    ['de', 'Der Artikel kann nicht angezeigt werden: Ein Teil der Hilfe-Seite konnte nicht geladen werden. Bitte laden Sie die Seite neu.'],
    ['en', 'The article cannot be shown: part of the help page could not be loaded. Please reload the page.'],
  ]) {
    it(`without Access-Control-Allow-Origin shows a ${lang} message, not a blank article`, async () => {
      const page = await browser.newPage();
      const logged = [];
      page.on('console', (m) => m.type() === 'error' && logged.push(m.text()));
      await page.goto(`${pagesUrl}/?lang=${lang}`);
      await page.waitForFunction(() => document.querySelector('help-article')?.getAttribute('state') === 'error', null, { timeout: 15000 });
      const seen = await page.evaluate(() => ({
        message: document.querySelector('help-article [role="alert"]')?.textContent,
        visible: document.querySelector('help-article [role="alert"]')?.getBoundingClientRect().height > 0,
        errors: window.errors,
        defined: Boolean(customElements.get('help-article')),
      }));
      assert.equal(seen.message, message);
      assert.equal(seen.visible, true);
      assert.deepEqual(seen.errors, ['script']);
      assert.equal(seen.defined, false);
      assert.ok(logged.some((t) => t.includes('Access-Control-Allow-Origin') && t.includes('chunks/core.js')), logged.join('\n'));
      await page.close();
    });
  }

  it('with the header renders the article, then defines the share bar and feedback control', async () => {
    const page = await browser.newPage();
    await page.goto(`${pagesUrl}/?cors=1`);
    await page.waitForFunction(() => document.querySelector('help-article')?.state === 'ready', null, { timeout: 15000 });
    await page.waitForFunction(() => document.querySelector('help-article').shadowRoot.querySelector('help-feedback')?.shadowRoot?.textContent.includes('Wie gefällt'), null, { timeout: 15000 });
    const seen = await page.evaluate(() => ({
      title: document.querySelector('help-article').shadowRoot.querySelector('[part="title"]').textContent,
      share: Boolean(document.querySelector('help-article').shadowRoot.querySelector('help-share')?.shadowRoot?.querySelector('button')),
      errors: window.errors,
      api: typeof window.HelpArticleWidget.addTranslations,
    }));
    assert.deepEqual(seen, { title: 'Titel', share: true, errors: [], api: 'function' });
    await page.close();
  });
});
