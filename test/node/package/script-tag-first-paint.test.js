// The split script tag paints the article before i18next arrives: the server holds back the
// i18next chunk until the article is on screen, with its labels, date and section count. Once the
// chunk is let through, `HelpArticleWidget.i18n` is there and the labels read the same.
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

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>First paint</title><script src="/help-article.js"></script></head>
<body><help-article src="/article.en.md" share="none" feedback-endpoint="/api/feedback"></help-article></body></html>`;
const ARTICLE = '---\nupdated: 2026-10-14\n---\n# Sync your calendar\n\nIntro.\n\n## Google\n\nSteps.\n\n## Outlook\n\nMore steps.';

describe('split script tag: the first paint does not wait for i18next', () => {
  let server;
  let url;
  let browser;
  let releaseI18n;
  const held = new Promise((resolve) => (releaseI18n = resolve));
  const served = [];

  before(async () => {
    server = http.createServer(async (req, res) => {
      const script = /^\/((?:chunks\/)?[\w.-]+\.js)$/.exec(req.url ?? '');
      if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
      else if (req.url === '/article.en.md') res.writeHead(200, { 'content-type': 'text/markdown; charset=utf-8' }).end(ARTICLE);
      else if (script && fs.existsSync(path.join(root, 'dist', script[1]))) {
        if (script[1].startsWith('chunks/i18n-')) await held;
        served.push(script[1]);
        res.writeHead(200, { 'content-type': 'text/javascript' }).end(fs.readFileSync(path.join(root, 'dist', script[1])));
      } else res.writeHead(404).end();
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${server.address().port}/`;
    browser = await chromium.launch({ executablePath, headless: true, args });
  });

  after(async () => {
    releaseI18n();
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('shows the article with its labels while the i18next chunk is held, and keeps them after', async () => {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url);
    await page.waitForFunction(() => document.querySelector('help-article')?.state === 'ready', null, { timeout: 15000 });
    const labels = () =>
      page.evaluate(() => {
        const shadow = document.querySelector('help-article').shadowRoot;
        const text = (selector) => shadow.querySelector(selector)?.textContent.trim();
        return { time: text('time'), count: text('.section-count'), toggleAll: text('[part="toggle-all"]'), title: text('[part="title"]') };
      });
    const before = await labels();
    assert.deepEqual(before, { time: 'Updated October 14, 2026', count: '2 sections', toggleAll: 'Collapse all sections', title: 'Sync your calendar' });
    assert.ok(!served.some((f) => f.startsWith('chunks/i18n-')), served.join());
    assert.equal(await page.evaluate(() => window.HelpArticleWidget.i18n), undefined);

    releaseI18n();
    await page.waitForFunction(() => window.HelpArticleWidget.i18n?.isInitialized, null, { timeout: 15000 });
    await page.evaluate(() => window.HelpArticleWidget.whenComplete());
    assert.deepEqual(await labels(), before);
    // The feedback control, defined after the first paint, asks its question in the page's language.
    const question = await page.waitForFunction(() => document.querySelector('help-article').shadowRoot.querySelector('help-feedback')?.shadowRoot?.querySelector('[part="question"]')?.textContent.trim());
    assert.equal(await question.jsonValue(), 'How would you rate this article?');
    assert.deepEqual(errors, []);
    await page.close();
  });
});
