// The prerender path sanitizes exactly like the browser: every payload of the XSS corpus
// (test/fixtures/xss) rendered by renderArticle in Node (DOMPurify on jsdom) gives the same
// intro and section HTML as <help-article> in Chromium (the single-file bundle). The
// pathological corpus (test/fixtures/pathological) goes through the prerender path in Node too:
// it finishes, never throws, and ends as the browser must (rendered, or the readable fallback
// with its reason).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
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

  // jsdom takes up to a minute for the biggest inputs (megabytes of unclosed HTML): the test runs
  // every input up to 100,000 characters; bench/pathological.mjs covers the rest in the browser.
  const inputs = Object.entries(PATHOLOGICAL).map(([name, input]) => [name, input, input.make()]).filter(([, , md]) => md.length <= 100_000);
  for (const [name, input, markdown] of inputs) {
    it(`pathological: ${name} ends as "${input.expect}" through the prerender path`, async () => {
      const markup = await renderArticle(markdown, { share: 'none' });
      const { document } = new JSDOM(`<!doctype html><body>${markup}</body>`).window;
      const host = document.querySelector('help-article');
      const shadow = host.querySelector(':scope > template[shadowrootmode]').content;
      assert.equal(host.getAttribute('state'), 'ready');
      const notice = shadow.querySelector('[part~="notice"]');
      if (input.expect === 'load') assert.equal(notice, null, notice?.textContent);
      else assert.equal(notice?.textContent, (await import('../../../dist/esm/i18n/de/article.js')).default.error[input.expect]);
    });
  }
});
