// The prerender path sanitizes exactly like the browser: every payload of the XSS corpus
// (test/fixtures/xss) and every input of the pathological corpus (test/fixtures/pathological)
// rendered by renderArticle in Node (DOMPurify on jsdom) gives the same intro and section HTML as
// <help-article> in Chromium (the single-file bundle), and ends the same way (rendered, or the
// readable fallback with its reason).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { chromium } from 'playwright-core';
import { renderArticle } from 'help-article-widget/ssr';
import { startStaticServer } from '../../../bench/lib/static-server.mjs';
import { PATHOLOGICAL } from '../../fixtures/pathological/inputs.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const executablePath = process.env.CHROME_PATH || '/usr/lib/chromium/chromium';
const args = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const corpus = ['dompurify-fixtures.json', 'extra-payloads.json'].flatMap((f) => JSON.parse(fs.readFileSync(path.join(root, 'test/fixtures/xss', f), 'utf8')));
const article = (payload) => `# Titel\n\nIntro ${payload}\n\n## Teil\n\n${payload}\n\n[link](${payload.replace(/\s+/g, ' ')})\n`;
// Lit's markers are comments; the content between them is what both paths must agree on.
const clean = (html) => html.replace(/<!--[^]*?-->/g, '');

/** Intro and section bodies of prerendered markup. */
function serverParts(markup) {
  const { document } = new JSDOM(`<!doctype html><body>${markup}</body>`).window;
  const shadow = document.querySelector('help-article > template[shadowrootmode]').content;
  return [...shadow.querySelectorAll('.intro, .section-body')].map((el) => clean(el.innerHTML));
}

describe('prerender path and browser path give the same sanitized output', () => {
  let site;
  let browser;

  before(async () => {
    site = await startStaticServer({ root });
    browser = await chromium.launch({ executablePath, headless: true, args });
  });

  after(async () => {
    await browser?.close();
    await site?.close();
  });

  it(`XSS corpus (${corpus.length} payloads): identical intro and section HTML`, async () => {
    const page = await browser.newPage();
    const pageUrl = `${site.url}/test/fixtures/bundle-page.html`;
    await page.route(pageUrl, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><html lang="de"><head><script src="/dist/help-article.single.js"></script></head><body></body></html>' }),
    );
    await page.goto(pageUrl);
    const markdowns = corpus.map((p) => article(p.payload));
    const inBrowser = await page.evaluate(async (list) => {
      window.__xss = window.alert = () => {};
      const out = [];
      for (const md of list) {
        const el = document.createElement('help-article');
        el.setAttribute('share', 'none');
        el.markdown = md;
        document.body.append(el);
        await el.loadComplete;
        out.push([...el.shadowRoot.querySelectorAll('.intro, .section-body')].map((x) => x.innerHTML.replace(/<!--[^]*?-->/g, '')));
        el.remove();
      }
      return out;
    }, markdowns);
    const differ = [];
    for (const [i, md] of markdowns.entries()) {
      const onServer = serverParts(await renderArticle(md, { url: pageUrl, share: 'none' }));
      if (JSON.stringify(onServer) !== JSON.stringify(inBrowser[i])) differ.push({ i, title: corpus[i].title, onServer, inBrowser: inBrowser[i] });
    }
    // One known difference, measured here: an unclosed <button> whose content DOMPurify keeps is
    // hoisted into the paragraph in Chromium (a <p> inside a <p>, which no parser makes) and beside
    // it on jsdom. Same text, nothing executable on either side; any other difference fails.
    const KNOWN = ['Bypass using event handlers and unknown attributes'];
    assert.deepEqual(differ.map((d) => d.title), KNOWN, JSON.stringify(differ.filter((d) => !KNOWN.includes(d.title)), null, 1));
    for (const d of differ) {
      const text = (parts) => parts.map((h) => new JSDOM(h).window.document.body.textContent).join('');
      assert.equal(text(d.onServer), text(d.inBrowser));
      assert.doesNotMatch(d.onServer.join(''), /<button|\son\w+=|javascript:/i);
    }
    await page.close();
  });

  // The corpus through both paths: Chromium renders each input (the single file, the inputs
  // generated in the page from the same module), the prerender path in Node; both must end in the
  // same state with the same notice and the same sanitized HTML (compared by digest). jsdom takes
  // 10–35 s for each input over 700 KB, 12 minutes for the whole corpus: `npm test` runs the inputs
  // up to 700 KB (every class but `size`), `SSR_CORPUS=all` all of them
  // (`SSR_CORPUS=all node --test test/node/ssr/same-output.test.js`, docs/prerender.md).
  const MAX_CHARS = process.env.SSR_CORPUS === 'all' ? Infinity : 700_000;
  const inputs = Object.entries(PATHOLOGICAL).filter(([, input]) => input.make().length <= MAX_CHARS);
  const digest = (parts) => crypto.createHash('sha256').update(parts.join('\u0000')).digest('hex');
  // Started with the first input and awaited by each: Chromium renders the corpus while Node
  // prerenders it, one core each.
  let inBrowser;
  const browserResults = () => {
    if (!inBrowser) (inBrowser = renderInBrowser()).catch(() => undefined);
    return inBrowser;
  };
  const renderInBrowser = async () => {
    const page = await browser.newPage();
    const pageUrl = `${site.url}/test/fixtures/bundle-page.html`;
    await page.route(pageUrl, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><html lang="de"><head><script src="/dist/help-article.single.js"></script></head><body></body></html>' }),
    );
    await page.goto(pageUrl);
    const results = await page.evaluate(async (wanted) => {
      const { PATHOLOGICAL } = await import('/test/fixtures/pathological/inputs.mjs');
      const names = new Set(wanted);
      const hex = async (text) => [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))].map((b) => b.toString(16).padStart(2, '0')).join('');
      const out = {};
      for (const [name, input] of Object.entries(PATHOLOGICAL)) {
        if (!names.has(name)) continue;
        const el = document.createElement('help-article');
        el.setAttribute('share', 'none');
        el.markdown = input.make();
        document.body.append(el);
        await el.loadComplete;
        const parts = [...el.shadowRoot.querySelectorAll('.intro, .section-body')].map((x) => x.innerHTML.replace(/<!--[^]*?-->/g, ''));
        out[name] = { state: el.state, notice: el.shadowRoot.querySelector('[part~="notice"]')?.textContent ?? null, parts: parts.length, digest: await hex(parts.join('\u0000')) };
        el.remove();
      }
      return out;
    }, inputs.map(([name]) => name));
    await page.close();
    return results;
  };

  for (const [name, input] of inputs) {
    it(`pathological: ${name} ends as "${input.expect}", as in the browser`, async () => {
      const browserSide = browserResults();
      const markup = await renderArticle(input.make(), { url: `${site.url}/test/fixtures/bundle-page.html`, share: 'none' });
      const { document } = new JSDOM(`<!doctype html><body>${markup}</body>`).window;
      const host = document.querySelector('help-article');
      const shadow = host.querySelector(':scope > template[shadowrootmode]').content;
      const notice = shadow.querySelector('[part~="notice"]')?.textContent ?? null;
      const parts = [...shadow.querySelectorAll('.intro, .section-body')].map((el) => clean(el.innerHTML));
      assert.equal(host.getAttribute('state'), 'ready');
      if (input.expect === 'load') assert.equal(notice, null, notice);
      else assert.equal(notice, (await import('../../../dist/esm/i18n/de/article.js')).default.error[input.expect]);
      assert.deepEqual({ state: 'ready', notice, parts: parts.length, digest: digest(parts) }, (await browserSide)[name]);
    });
  }
});
