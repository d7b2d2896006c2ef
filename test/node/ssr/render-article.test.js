// help-article-widget/ssr: the article rendered in Node through Lit SSR reads as a whole without
// JavaScript: title, date, categories, sections (open, or closed with hidden="until-found"), share
// links and the feedback question, inside a declarative shadow root.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { JSDOM } from 'jsdom';
import { renderArticle } from 'help-article-widget/ssr';
import { builtFrom, PIPELINE_VERSION } from '../../../dist/esm/pipeline/built-from.js';
import { embeddedText } from '../../../dist/esm/article/embedded-markdown.js';

const SEED = fs.readFileSync('content/versandte-email-nicht-im-postfach.de.md', 'utf8');

/** The rendered shadow root of the first <help-article>, parsed (jsdom keeps it as a template). */
function shadowOf(markup) {
  const { document } = new JSDOM(`<!doctype html><body>${markup}</body>`).window;
  const host = document.querySelector('help-article');
  const template = host.querySelector(':scope > template[shadowrootmode="open"]');
  assert.ok(template, 'declarative shadow root');
  return { host, root: template.content };
}

describe('renderArticle (Node, Lit SSR, DOMPurify on jsdom)', () => {
  it('renders the whole article: title, date, categories, sections, share links, feedback question', async () => {
    const markup = await renderArticle(SEED, { src: '/content/versandte-email-nicht-im-postfach.de.md', url: 'https://help.example.com/hilfe/x', feedbackEndpoint: '/api/feedback', categoryHref: '/kategorie/{slug}' });
    const { host, root } = shadowOf(markup);
    assert.equal(host.getAttribute('state'), 'ready');
    assert.equal(root.querySelector('[part="title"]').textContent, 'Versandte E-Mail nicht im Postfach');
    assert.match(root.querySelector('time').textContent, /^Aktualisiert am \d+\. \w+ \d{4}$/);
    const categories = root.querySelector('[part="categories"]');
    assert.ok([...categories.querySelectorAll('a')].some((a) => a.getAttribute('href').startsWith('/kategorie/')), 'category links');
    const sections = [...root.querySelectorAll('.section-title')].map((s) => s.textContent);
    assert.equal(sections.length, 3);
    for (const body of root.querySelectorAll('.section-body')) {
      assert.equal(body.hasAttribute('hidden'), false, 'open by default');
      assert.ok(body.textContent.trim().length > 20);
    }
    const share = root.querySelector('help-share > template[shadowrootmode]').content;
    const hrefs = [...share.querySelectorAll('a[href]')].map((a) => a.getAttribute('href'));
    assert.ok(hrefs.some((h) => h.startsWith('mailto:') && h.includes(encodeURIComponent('https://help.example.com/hilfe/x'))), hrefs.join('\n'));
    const feedback = root.querySelector('help-feedback > template[shadowrootmode]').content;
    assert.match(feedback.textContent, /Wie gefällt Ihnen dieser Artikel\?/);
    assert.equal(feedback.querySelectorAll('input[checked]').length, 0, 'no rating chosen before the reader chooses');
    assert.equal(root.querySelectorAll('script').length, 0);
  });

  it('closes sections with hidden="until-found" when collapsed, and speaks English for an English article', async () => {
    const en = fs.readFileSync('content/versandte-email-nicht-im-postfach.en.md', 'utf8');
    const { root } = shadowOf(await renderArticle(en, { src: '/content/versandte-email-nicht-im-postfach.en.md', collapsed: true, share: 'none' }));
    const bodies = [...root.querySelectorAll('.section-body')];
    assert.ok(bodies.length > 1);
    for (const body of bodies) assert.equal(body.getAttribute('hidden'), 'until-found');
    assert.match(root.querySelector('[part="toggle-all"]').textContent, /Expand all|Open all|expand/i);
    assert.equal(root.querySelector('help-share'), null);
  });

  it('sanitizes like the browser: no handler, no javascript: link, no script survives', async () => {
    const md = '# T\n\n<img src=x onerror=alert(1)> <a href="javascript:alert(2)">x</a> <script>alert(3)</script>\n\n## S\n\n<svg onload=alert(4)></svg>';
    const { root } = shadowOf(await renderArticle(md, { share: 'none' }));
    const html = root.querySelector('.intro').innerHTML + root.querySelector('.section-body').innerHTML;
    assert.doesNotMatch(html, /onerror|onload|javascript:|<script/i, html);
    assert.match(html, /<img src="https:\/\/localhost\/x"/);
  });

  it('renders a long article in full (the browser fills its later groups frame by frame)', async () => {
    const long = `# Lang\n\n${Array.from({ length: 40 }, (_, i) => `## Teil ${i}\n\n${'Ein Absatz mit Text. '.repeat(30)}\n`).join('\n')}`;
    const { root } = shadowOf(await renderArticle(long, { share: 'none' }));
    assert.equal(root.querySelectorAll('.section-title').length, 40);
    assert.match(root.querySelectorAll('.section-body')[39].textContent, /Ein Absatz mit Text\./);
  });

  it('embeds the markdown for the page so that it cannot end or escape its script element', async () => {
    const page = async (md) => new JSDOM(`<!doctype html><body>${await renderArticle(md, { src: '/a.de.md', share: 'none' })}<p id="after">after</p></body>`).window.document;
    const embedded = (document) => document.querySelector('script[type="text/markdown"][data-src]');
    for (const md of ['# T\n\nText <!-- eine Notiz --> mehr.', '# T\n\n```html\n<script src="https://x.example/embed.js"></script>\n```', '# T\n\n<!--<script>\n\nText.', '# T\n\n</SCRIPT >'] ) {
      const document = await page(md);
      // The page after the article is parsed as HTML, and the script's text reads back as the markdown.
      assert.ok(document.getElementById('after'), md);
      const script = embedded(document);
      assert.ok(script, md);
      assert.equal(embeddedText(script), md);
    }
    // Markdown that holds the written form already cannot be told apart: not embedded (the page fetches `src`).
    assert.equal(embedded(await page('# T\n\n`<\\/script>` im Text.')), null);
  });

  it('stamps what the article was built from with the release (PIPELINE_VERSION follows package.json)', () => {
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
    assert.equal(PIPELINE_VERSION, pkg.version, 'src/pipeline/built-from.ts: PIPELINE_VERSION follows package.json');
    const options = { baseUrl: 'https://h.example/a.de.md', lang: 'de', pageOrigin: 'https://h.example' };
    assert.notEqual(builtFrom('# A', options), builtFrom('# B', options));
    assert.notEqual(builtFrom('# A', options), builtFrom('# A', { ...options, lang: 'en' }));
  });
});
