// A page with a prerendered article takes it over without marked and DOMPurify
// (dist/chunks/parser.js): they load only when an article has to be built. Here the server refuses
// that file at first: a new article then shows the localized "could not be loaded" message (no
// exception in the page), and once the file is served, reloading shows the article. Where the
// markup does not match, or the takeover code itself does not load, the reader still gets the
// article: rendered afresh from what the page holds, or the server's markup left on screen.
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
  const pages = {};
  const refused = new Set(['chunks/parser.js']);
  const served = [];

  before(async () => {
    server = http.createServer((req, res) => {
      const script = /^\/((?:chunks\/)?[\w.-]+\.js)$/.exec(req.url ?? '');
      const html = req.url === '/' ? page : pages[req.url ?? ''];
      if (html) res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
      else if (script && fs.existsSync(path.join(root, 'dist', script[1]))) {
        if (refused.has(script[1])) return void res.writeHead(503).end();
        served.push(script[1]);
        res.writeHead(200, { 'content-type': 'text/javascript' }).end(fs.readFileSync(path.join(root, 'dist', script[1])));
      } else res.writeHead(404).end();
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${server.address().port}/`;
    const article = await renderArticle(ARTICLE, { url, src: '/kalender.de.md', share: 'none' });
    const wrap = (markup) =>
      `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Vorab gerendert</title></head><body>${markup}` +
      // Before the script tag runs: the server's article element, and every skeleton ever added.
      `<script>window.serverArticle = document.querySelector('help-article').shadowRoot.querySelector('article'); window.skeletons = 0;
      new MutationObserver((records) => { for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1 && (n.matches('.skeleton') || n.querySelector('.skeleton'))) skeletons++; })
        .observe(document.querySelector('help-article').shadowRoot, { childList: true, subtree: true });</script>` +
      `<script src="/help-article.js" defer></script></body></html>`;
    page = wrap(article);
    const tagged = await renderArticle(ARTICLE, { url, src: '/kalender.de.md', share: 'none', categories: 'Kalender', categoryHref: '/kategorie/{slug}' });
    // The host changed an attribute after the render: the markup does not match the page.
    pages['/recategorized'] = wrap(tagged.replace('category-href="/kategorie/{slug}"', 'category-href="/thema/{slug}"'));
    // Built from other markdown or options than the page's (say, rendered by an older release): built again here.
    pages['/stale'] = wrap(article.replace(/ data-built="[^"]*"/, ' data-built="other"'));
    // Beside the prerendered article, one to build (inline markdown); its `state` values are recorded from the start.
    pages['/mixed'] = wrap(article).replace(
      '<script src="/help-article.js" defer>',
      `<help-article id="inline" share="none"><script type="text/markdown"># Zweiter Artikel\n\nText.\n\n## Teil\n\nMehr.</script></help-article>
      <script>window.states = []; new MutationObserver(() => states.push(document.getElementById('inline').getAttribute('state'))).observe(document.getElementById('inline'), { attributes: true, attributeFilter: ['state'] });</script>
      <script src="/help-article.js" defer>`,
    );
    for (const at of ['/recategorized', '/stale']) if (pages[at] === wrap(at === '/stale' ? article : tagged)) throw new Error(`${at} not changed`);
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

    refused.delete('chunks/parser.js');
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

  const state = (tab) =>
    tab.evaluate(() => {
      const el = document.querySelector('help-article');
      const root = el.shadowRoot;
      return {
        state: el.state,
        serverArticleShown: serverArticle.isConnected,
        intro: root.querySelector('.intro')?.textContent.trim(),
        sections: [...root.querySelectorAll('.section-title')].map((t) => t.textContent.trim()),
        error: root.querySelector('[part="error"]') !== null,
        skeletons,
      };
    });

  it('renders a read-back article that does not match the page afresh, without marked and DOMPurify', async () => {
    refused.add('chunks/parser.js');
    served.length = 0;
    const tab = await browser.newPage();
    const errors = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    await tab.goto(`${url}recategorized`);
    await tab.waitForFunction(() => document.querySelector('help-article')?.state === 'ready', null, { timeout: 15000 });
    await tab.evaluate(() => document.querySelector('help-article').loadComplete);
    assert.deepEqual(await state(tab), { state: 'ready', serverArticleShown: false, intro: 'Einleitung.', sections: ['Google', 'Outlook'], error: false, skeletons: 0 });
    const tag = await tab.evaluate(async () => {
      return document.querySelector('help-article').shadowRoot.querySelector('a[part="category"]')?.getAttribute('href');
    });
    assert.equal(tag, '/thema/kalender');
    assert.ok(!served.includes('chunks/parser.js'), served.join());
    assert.deepEqual(errors, []);
    await tab.close();
  });

  it('keeps the server\'s article on screen when it has to be built and marked and DOMPurify fail to load', async () => {
    refused.add('chunks/parser.js');
    const tab = await browser.newPage();
    const errors = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    await tab.addInitScript(() => {
      window.reasons = [];
      document.addEventListener('help-article-error', (e) => reasons.push(e.detail.reason));
    });
    await tab.goto(`${url}stale`);
    await tab.waitForFunction(() => document.querySelector('help-article')?.state === 'error', null, { timeout: 15000 });
    assert.deepEqual(await state(tab), { state: 'error', serverArticleShown: true, intro: 'Einleitung.', sections: ['Google', 'Outlook'], error: false, skeletons: 0 });
    assert.deepEqual(await tab.evaluate(() => reasons), ['script']);
    // Once the file is there, the article is built and taken over.
    refused.delete('chunks/parser.js');
    await tab.evaluate(() => document.querySelector('help-article').reload());
    assert.deepEqual(await state(tab), { state: 'ready', serverArticleShown: true, intro: 'Einleitung.', sections: ['Google', 'Outlook'], error: false, skeletons: 0 });
    assert.deepEqual(errors, []);
    await tab.close();
  });

  it('renders the article afresh in its first update when the takeover code does not load (no skeleton)', async () => {
    refused.clear();
    refused.add('chunks/hydrate.js');
    const tab = await browser.newPage();
    const errors = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    await tab.goto(url);
    await tab.waitForFunction(() => document.querySelector('help-article')?.state === 'ready', null, { timeout: 15000 });
    assert.deepEqual(await state(tab), { state: 'ready', serverArticleShown: false, intro: 'Einleitung.', sections: ['Google', 'Outlook'], error: false, skeletons: 0 });
    assert.deepEqual(errors, []);
    refused.clear();
    await tab.close();
  });

  it('shows an article to build beside a prerendered one in its first render (no loading skeleton)', async () => {
    refused.clear();
    const tab = await browser.newPage();
    const errors = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    await tab.goto(`${url}mixed`);
    await tab.waitForFunction(() => [...document.querySelectorAll('help-article')].every((el) => el.state === 'ready'), null, { timeout: 15000 });
    assert.deepEqual(await state(tab), { state: 'ready', serverArticleShown: true, intro: 'Einleitung.', sections: ['Google', 'Outlook'], error: false, skeletons: 0 });
    const inline = await tab.evaluate(() => ({ states, title: document.getElementById('inline').articleTitle }));
    assert.deepEqual(inline, { states: ['ready'], title: 'Zweiter Artikel' });
    assert.deepEqual(errors, []);
    await tab.close();
  });
});
