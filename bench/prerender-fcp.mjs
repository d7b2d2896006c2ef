#!/usr/bin/env node
// Where the prerendered page's first contentful paint goes (issue 10: FCP ≤ 1.1× the static page):
// the demo page with the seed article prerendered (help-article-widget/ssr), as served and then with
// parts taken away (the preload lines, the script, the share bar and feedback control, the shadow
// roots' styles), beside the static page (the article's markup in the light DOM, no widget styles,
// no script). FCP only, from PerformanceObserver; interleaved runs, fresh context each, medians.
//
//   npm run build && node bench/prerender-fcp.mjs [--runs 16] [--out bench/results/prerender-fcp.md]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startServer } from 'help-feedback-collector';
import { registerSite } from '../scripts/lib/site.mjs';
import { launch } from './lib/browser.mjs';
import { renderArticle } from '../ssr/render-article.js';
import { preloadLinks } from '../ssr/page.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '16' }, out: { type: 'string', default: path.join(root, 'bench/results/prerender-fcp.md') } } });
const RUNS = Number(args.runs);

const server = await startServer({ extend: registerSite });
const browser = await launch();
const demo = fs.readFileSync(path.join(root, 'demo/index.html'), 'utf8');
const SRC = '/content/versandte-email-nicht-im-postfach.de.md';
const seed = fs.readFileSync(path.join(root, SRC.slice(1)), 'utf8');
const article = await renderArticle(seed, {
  url: `${server.url}/`,
  src: SRC,
  categoryHref: '/?category={slug}&lang={lang}',
  articleHref: '/?article={id}&lang={lang}',
  feedbackEndpoint: '/api/feedback',
  feedbackSummary: true,
});
const first = await browser.newPage();
await first.goto(`${server.url}/`);
await first.waitForFunction(() => document.querySelector('help-article')?.state === 'ready');
const staticArticle = await first.evaluate(() => document.querySelector('help-article').shadowRoot.querySelector('article').outerHTML);
await first.close();

const SCRIPT = /<script src="\/dist\/help-article\.js"[^>]*><\/script>/;
const prerendered = demo.replace(/<help-article[\s\S]*?<\/help-article>/, () => article.replace('<help-article', '<help-article id="article"'));
const noScript = prerendered.replace(SCRIPT, '');
const VARIANTS = {
  'prerendered, as served (preload lines, script tag)': prerendered.replace('</head>', () => `${preloadLinks('/dist/help-article.js')}</head>`),
  'without the preload lines': prerendered,
  'without any script': noScript,
  'without script, share bar and feedback control': noScript.replace(/<help-share[\s\S]*?<\/help-share>/, '').replace(/<help-feedback[\s\S]*?<\/help-feedback>/, ''),
  "without script and the shadow roots' styles": noScript.replace(/<style>[\s\S]*?<\/style>/g, ''),
  static: demo.replace(SCRIPT, '').replace(/<help-article[\s\S]*?<\/help-article>/, () => `<div class="static-article">${staticArticle}</div>`),
};
for (const [name, html] of Object.entries(VARIANTS)) if (name !== 'prerendered, as served (preload lines, script tag)' && html === VARIANTS['prerendered, as served (preload lines, script tag)']) throw new Error(`variant "${name}" is unchanged`);

const samples = Object.fromEntries(Object.keys(VARIANTS).map((k) => [k, []]));
for (let i = 0; i < RUNS + 1; i++) {
  const order = i % 2 ? Object.keys(VARIANTS).reverse() : Object.keys(VARIANTS);
  for (const name of order) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.route(`${server.url}/`, (r) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: VARIANTS[name] }));
    await page.addInitScript(() => {
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) if (e.name === 'first-contentful-paint') window.__fcp = e.startTime;
      }).observe({ type: 'paint', buffered: true });
    });
    await page.goto(`${server.url}/`, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__fcp !== undefined);
    if (i > 0) samples[name].push(await page.evaluate(() => window.__fcp));
    await context.close();
  }
}
await browser.close();
await server.close();

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const q = (xs, p) => sorted(xs)[Math.round((xs.length - 1) * p)];
const median = (xs) => sorted(xs)[Math.floor((xs.length - 1) / 2)];
const base = median(samples.static);
const lines = [
  "# Where a prerendered page's first contentful paint goes",
  '',
  `- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; ${os.cpus()[0].model.trim()}, ${os.cpus().length} cores; Chromium headless, 1280×900, loopback`,
  `- Command: \`npm run build && node bench/prerender-fcp.mjs\` (${RUNS} runs per variant, interleaved, after one warm-up round; fresh browser context per run)`,
  '- Page: demo/index.html with the seed article prerendered by `renderArticle` (declarative shadow DOM, styles inlined, markdown embedded), then with parts taken away; static: the article as the widget rendered it, in the light DOM, without the widget\'s styles and script.',
  '',
  '| variant | HTML bytes | FCP ms, median (p25–p75) | ÷ static |',
  '|---|---:|---:|---:|',
  ...Object.entries(samples).map(([name, xs]) => `| ${name} | ${VARIANTS[name].length} | ${median(xs).toFixed(0)} (${q(xs, 0.25).toFixed(0)}–${q(xs, 0.75).toFixed(0)}) | ${(median(xs) / base).toFixed(2)}× |`),
  '',
];
fs.writeFileSync(args.out, lines.join('\n'));
console.log(lines.join('\n'));
