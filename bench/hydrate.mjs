#!/usr/bin/env node
// What taking over a prerendered article costs in the browser: the same prerendered page (the seed
// article, rendered by help-article-widget/ssr for the URL it is served at) with the split script
// tag, which hydrates it (src/internal/hydrate.ts), and with the single file, which renders it afresh
// into the same shadow root. Measured in the page from `customElements.define('help-article')` to
// the end of the element's first update (`updateComplete`): hydrating, the article read back from
// the server's markup (src/article/read-back.ts, no marked or DOMPurify) and Lit's hydration over
// its nodes (HTML strings checked by digest, texts and attributes compared); afresh, the article
// built from the embedded markdown and a new DOM. Also counted: the nodes of
// the article that are still the server's afterwards. Interleaved runs, medians (p25–p75).
//
//   npm run build && node bench/hydrate.mjs [--runs 15] [--out bench/results/hydrate.md]
import fs from 'node:fs';
import os from 'node:os';
import zlib from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startStaticServer } from './lib/static-server.mjs';
import { launch } from './lib/browser.mjs';
import { renderArticle } from '../ssr/render-article.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '15' }, out: { type: 'string', default: path.join(root, 'bench/results/hydrate.md') } } });
const RUNS = Number(args.runs);
const SRC = '/content/versandte-email-nicht-im-postfach.de.md';

// What embedding the content's HTML a second time (beside the markup) would add to the page.
const { JSDOM } = await import('jsdom');
const server = await startStaticServer({ root });
const browser = await launch();
const markdown = fs.readFileSync(path.join(root, SRC.slice(1)), 'utf8');
const pageUrl = `${server.url}/bench/hydrate-page.html`;
const article = await renderArticle(markdown, { url: pageUrl, src: SRC, feedbackEndpoint: '/api/feedback' });

const shadow = new JSDOM(article).window.document.querySelector('help-article > template').content;
const contentHtml = [...shadow.querySelectorAll('.intro, .section-title, .section-body')].map((el) => el.innerHTML.replace(/<!--[^]*?-->/g, '')).join('');
const gz = (s) => zlib.gzipSync(Buffer.from(s), { level: 9 }).length;

// Before the widget: time its first update from the moment the tag is defined.
const probe = `<script>
  const define = customElements.define.bind(customElements);
  customElements.define = (name, ctor, options) => {
    if (name !== 'help-article') return define(name, ctor, options);
    const el = document.querySelector('help-article');
    const before = [...el.shadowRoot.querySelectorAll('*')];
    const t0 = performance.now();
    define(name, ctor, options);
    window.takeover = el.updateComplete.then(() => ({ ms: performance.now() - t0, kept: before.filter((n) => n.isConnected).length, of: before.length }));
  };
</script>`;
const page = (script) => `<!doctype html><html lang="de"><head><meta charset="utf-8"></head><body>${article}${probe}<script src="${script}"></script></body></html>`;
const VARIANTS = { hydrate: page('/dist/help-article.js'), 'render afresh': page('/dist/help-article.single.js') };

const samples = Object.fromEntries(Object.keys(VARIANTS).map((v) => [v, []]));
for (let run = 0; run < RUNS; run++) {
  for (const [name, body] of Object.entries(VARIANTS)) {
    const tab = await browser.newPage();
    await tab.route(pageUrl, (route) => route.fulfill({ contentType: 'text/html', body }));
    await tab.goto(pageUrl);
    await tab.waitForFunction(() => window.takeover);
    samples[name].push(await tab.evaluate(() => window.takeover));
    await tab.close();
  }
}
await browser.close();
await server.close();

const q = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * (s.length - 1) + 0.5))];
};
const cell = (xs) => `${q(xs, 0.5).toFixed(1)} (${q(xs, 0.25).toFixed(1)}–${q(xs, 0.75).toFixed(1)})`;
const lines = [
  '# Taking over a prerendered article: hydration against rendering afresh',
  '',
  `- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; ${os.cpus()[0]?.model ?? ''}, ${os.cpus().length} cores; Chromium (playwright-core), headless`,
  `- Command: \`npm run build && node bench/hydrate.mjs --runs ${RUNS}\``,
  '- Page: the seed article prerendered for the page URL; first update measured from `customElements.define`.',
  '',
  '| variant | first update (ms) | nodes of the shadow root still the server\'s |',
  '|---|---:|---:|',
  ...Object.entries(samples).map(([name, xs]) => `| ${name} | ${cell(xs.map((x) => x.ms))} | ${xs[0].kept} of ${xs[0].of} |`),
  '',
  `The hydrating page reads the content's HTML back from the markup; embedding it a second time instead would add ${contentHtml.length} B (${gz(contentHtml)} B gzip) to a page of ${article.length} B (${gz(article)} B gzip) for this article; the markdown already embedded is ${markdown.length} B (${gz(markdown)} B gzip).`,
  '',
];
fs.mkdirSync(path.dirname(args.out), { recursive: true });
fs.writeFileSync(args.out, lines.join('\n'));
console.log(lines.join('\n'));
