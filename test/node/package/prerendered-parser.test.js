// A page with a prerendered article takes it over without marked and DOMPurify
// (dist/chunks/parser.js): they load only when an article has to be built. Here the server refuses
// that file at first: a new article then shows the localized "could not be loaded" message (no
// exception in the page), and once the file is served, reloading shows the article.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { renderArticle } from '../../../ssr/render-article.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const executablePath = process.env.CHROME_PATH || '/usr/lib/chromium/chromium';
const args = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const ARTICLE = '---\ntitle: Kalender verbinden\nupdated: 2026-10-14\n---\nEinleitung.\n\n## Google\n\nSchritte.\n\n## Outlook\n\nMehr Schritte.';

describe('prerendered page: marked and DOMPurify load only when needed', () => {
  let server;
  let url;
  let browser;
  let page = '';
  let refuseParser = true;
  const served = [];

  before(async () => {
    server = http.createServer((req, res) => {
      const script = /^\/((?:chunks\/)?[\w.-]+\.js)$/.exec(req.url ?? '');
      if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
      else if (script && fs.existsSync(path.join(root, 'dist', script[1]))) {
        if (script[1] === 'chunks/parser.js' && refuseParser) return void res.writeHead(503).end();
        served.push(script[1]);
        res.writeHead(200, { 'content-type': 'text/javascript' }).end(fs.readFileSync(path.join(root, 'dist', script[1])));
      } else res.writeHead(404).end();
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${server.address().port}/`;
    const article = await renderArticle(ARTICLE, { url, src: '/kalender.de.md', share: 'none' });
    page = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Vorab gerendert</title></head><body>${article}<script src="/help-article.js" defer></script></body></html>`;
    browser = await chromium.launch({ executablePath, headless: true, args });
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('takes the article over without them, shows the script error for a new article while they fail, and the article once they load', async () => {
    const tab = await browser.newPage();
    const errors = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    await tab.goto(url);
    await tab.waitForFunction(() => document.querySelector('help-article')?.state === 'ready', null, { timeout: 15000 });
    assert.deepEqual(
      await tab.evaluate(() => document.querySelector('help-article').sections.map((s) => s.title)),
      ['Google', 'Outlook'],
    );
    assert.ok(!served.includes('chunks/parser.js'), served.join());

    const failed = await tab.evaluate(async () => {
      const el = document.querySelector('help-article');
      const reason = new Promise((resolve) => el.addEventListener('help-article-error', (e) => resolve(e.detail.reason), { once: true }));
      el.markdown = '# Neu\n\nEin neuer Text.';
      return { reason: await reason, state: el.state, message: el.shadowRoot.querySelector('[part="error"]')?.textContent.replace(/\s+/g, ' ').trim() };
    });
    assert.equal(failed.reason, 'script');
    assert.equal(failed.state, 'error');
    assert.match(failed.message, /Ein Teil der Hilfe-Seite konnte nicht geladen werden/);

    refuseParser = false;
    const shown = await tab.evaluate(async () => {
      const el = document.querySelector('help-article');
      await el.reload();
      return { state: el.state, title: el.articleTitle, intro: el.shadowRoot.querySelector('.intro')?.textContent.trim() };
    });
    assert.deepEqual(shown, { state: 'ready', title: 'Neu', intro: 'Ein neuer Text.' });
    assert.ok(served.includes('chunks/parser.js'));
    assert.deepEqual(errors, []);
    await tab.close();
  });
});
