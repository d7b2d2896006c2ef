// The script-tag bundle on a page that names no charset anywhere (no <meta charset>, no charset
// in any Content-Type): the browser then reads the page and the script as windows-1252. An
// ASCII-only bundle still defines the elements and shows its German labels and an article with
// umlauts correctly.
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

const page = (script) => `<!doctype html>
<html lang="de"><head><title>Ohne Zeichensatz</title><script src="/${script}"></script></head>
<body><help-article src="/artikel.de.md" share="none"></help-article></body></html>`;
const ARTICLE = '# Größe ändern\n\nSo ändern Sie die Schriftgröße: „Ansicht“ → Zoom.\n\n## Übersicht\n\nÄ Ö Ü ä ö ü ß €\n\n## Schließen\n\nFertig.';

describe('script-tag bundle on a page without a charset', () => {
  let server;
  let url;
  let browser;

  before(async () => {
    server = http.createServer((req, res) => {
      // No charset in any header, and none in the page. The loader and its chunks come from dist/.
      const script = /^\/((?:chunks\/)?[\w.-]+\.js)$/.exec(req.url ?? '');
      if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html' }).end(page('help-article.js'));
      else if (req.url === '/single') res.writeHead(200, { 'content-type': 'text/html' }).end(page('help-article.single.js'));
      else if (script && fs.existsSync(path.join(root, 'dist', script[1]))) {
        res.writeHead(200, { 'content-type': 'text/javascript' }).end(fs.readFileSync(path.join(root, 'dist', script[1])));
      }
      else if (req.url === '/artikel.de.md') res.writeHead(200, { 'content-type': 'text/markdown' }).end(Buffer.from(ARTICLE, 'utf8'));
      else res.writeHead(404).end();
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${server.address().port}/`;
    browser = await chromium.launch({ executablePath, headless: true, args });
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('is ASCII only: the loader, every chunk and the single file', () => {
    const files = ['help-article.js', 'help-article.single.js', ...fs.readdirSync(path.join(root, 'dist/chunks')).filter((f) => f.endsWith('.js')).map((f) => `chunks/${f}`)];
    for (const file of files) {
      const bundle = fs.readFileSync(path.join(root, 'dist', file));
      const first = bundle.findIndex((byte) => byte > 0x7e || (byte < 0x20 && byte !== 0x0a && byte !== 0x09 && byte !== 0x0d));
      assert.equal(first, -1, `${file}: non-ASCII byte at ${first}`);
    }
  });

  for (const [name, at] of [['split script tag', ''], ['single file', 'single']]) {
  it(`${name}: defines the elements and renders an article with umlauts and the German labels`, async () => {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url + at);
    assert.equal(await page.evaluate(() => document.characterSet), 'windows-1252', 'the page is read as windows-1252');
    await page.waitForFunction(() => document.querySelector('help-article')?.state === 'ready', null, { timeout: 15000 });
    // The split script tag defines the share bar and feedback control after the first paint.
    await page.waitForFunction(() => customElements.get('help-share') && customElements.get('help-feedback'), null, { timeout: 15000 });
    const seen = await page.evaluate(() => {
      const shadow = document.querySelector('help-article').shadowRoot;
      return {
        defined: ['help-article', 'help-categories', 'help-share', 'help-feedback'].map((tag) => Boolean(customElements.get(tag))),
        title: shadow.querySelector('[part="title"]')?.textContent,
        sections: [...shadow.querySelectorAll('.section-title')].map((s) => s.textContent),
        text: shadow.querySelector('[part="intro"]')?.textContent.trim(),
        toggleAll: shadow.querySelector('[part="toggle-all"]')?.textContent.trim(),
      };
    });
    assert.deepEqual(errors, []);
    assert.deepEqual(seen.defined, [true, true, true, true]);
    assert.equal(seen.title, 'Größe ändern');
    assert.deepEqual(seen.sections, ['Übersicht', 'Schließen']);
    assert.equal(seen.text, 'So ändern Sie die Schriftgröße: „Ansicht“ → Zoom.');
    assert.equal(seen.toggleAll, 'Alle Abschnitte schließen');
    await page.close();
  });
  }
});
