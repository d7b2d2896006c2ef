#!/usr/bin/env node
// What the widget does to the demo help page (demo/index.html, served by the real server):
// time to the article (help-article-load), FCP, LCP and cumulative layout shift, for the page as
// served (script tag), the same page with the article prerendered (help-article-widget/ssr, script
// tag kept), the floor of any script-rendered article (the same page, the markdown fetched and put
// in by marked + DOMPurify + innerHTML, nothing else), and the page with the article as static
// HTML and no script. Each unthrottled and with the CPU throttled 4x through the DevTools protocol
// (Chromium). Interleaved runs, medians.
//
//   npm run build && node bench/page-impact.mjs [--runs 12] [--out bench/results/page-impact.md]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';
import { startServer } from 'help-feedback-collector';
import { registerSite } from '../scripts/lib/site.mjs';
import { launch, blockExternal } from './lib/browser.mjs';
import { renderArticle } from '../ssr/render-article.js';
import { preloadLinks } from '../ssr/page.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '12' }, out: { type: 'string', default: path.join(root, 'bench/results/page-impact.md') } } });
const RUNS = Number(args.runs);

const server = await startServer({ extend: registerSite });
const browser = await launch();

const OBSERVE = () => {
  window.__m = { cls: 0, shifts: 0 };
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) if (e.name === 'first-contentful-paint') window.__m.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) window.__m.lcp = e.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) if (!e.hadRecentInput) { window.__m.cls += e.value; window.__m.shifts++; }
  }).observe({ type: 'layout-shift', buffered: true });
  document.addEventListener('help-article-load', () => { window.__m.article ??= performance.now(); }, true);
  // When the script tag's first chunk has run: what the article's first render waits for.
  customElements.whenDefined('help-article').then(() => { window.__m.defined = performance.now(); });
};

async function measure(html, { waitForArticle = !html, cpu = 1 } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  if (cpu > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: cpu });
  const blocked = await blockExternal(page);
  // A takeover that found the markup different renders afresh and says so: then this is not the
  // prerendered page it claims to be.
  const mismatches = [];
  page.on('console', (m) => m.text().includes('does not match this page') && mismatches.push(m.text()));
  if (html) await page.route(`${server.url}/`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  await page.route(`${server.url}/bench/floor.js`, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: floorScript }));
  await page.addInitScript(OBSERVE);
  await page.goto(`${server.url}/`, { waitUntil: 'load' });
  if (waitForArticle) await page.waitForFunction(() => window.__m.article !== undefined, null, { timeout: 30000 });
  else await page.evaluate(() => { window.__m.article = performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd; });
  // Let late shifts (images, fonts, feedback summary) happen, then end LCP with an input-free wait.
  await page.waitForTimeout(800);
  const m = await page.evaluate(() => ({ ...window.__m, dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd }));
  await context.close();
  if (mismatches.length) throw new Error(`the prerendered markup was not taken over: ${mismatches[0]}`);
  return { ...m, blocked };
}

// The static variant: the article as the widget rendered it (light DOM, no script).
const first = await browser.newPage();
await first.goto(`${server.url}/`);
await first.waitForFunction(() => document.querySelector('help-article')?.state === 'ready');
const articleHtml = await first.evaluate(() => document.querySelector('help-article').shadowRoot.querySelector('article').outerHTML);
await first.close();
const demo = fs.readFileSync(path.join(root, 'demo/index.html'), 'utf8');
const staticPage = demo
  .replace(/<script src="\/dist\/help-article\.js"[^>]*><\/script>/, '')
  .replace(/<help-article[\s\S]*?<\/help-article>/, `<div class="static-article">${articleHtml}</div>`);
if (staticPage.includes('/dist/help-article.js') || !staticPage.includes('static-article')) throw new Error('could not make the static variant of demo/index.html');

// The prerendered variant: the same page with <help-article> as the server renders it.
const seed = fs.readFileSync(path.join(root, 'content/versandte-email-nicht-im-postfach.de.md'), 'utf8');
const prerendered = (
  await renderArticle(seed, {
    url: `${server.url}/`,
    src: '/content/versandte-email-nicht-im-postfach.de.md',
    categoryHref: '/?category={slug}&lang={lang}',
    articleHref: '/?article={id}&lang={lang}',
    feedbackEndpoint: '/api/feedback',
    feedbackSummary: true,
  })
).replace('<help-article', '<help-article id="article"');
// With the head's preload lines a prerendering page gets from ssr/page.js (docs/prerender.md).
const prerenderedPage = demo
  .replace(/<help-article[\s\S]*?<\/help-article>/, () => prerendered)
  .replace('</head>', () => `${preloadLinks('/dist/help-article.js')}</head>`);
if (!prerenderedPage.includes('shadowrootmode')) throw new Error('could not make the prerendered variant of demo/index.html');

// The floor: the page with the widget's script and element replaced by the bare pipeline's (same
// marked and DOMPurify, bundled and minified like the widget), the markdown fetched as the widget does.
const floorScript = (
  await esbuild.build({ entryPoints: ['bench/pages/floor-entry.js'], absWorkingDir: root, bundle: true, minify: true, format: 'iife', target: 'es2022', write: false, ignoreAnnotations: true, logLevel: 'warning' })
).outputFiles[0].text;
const floorPage = demo
  .replace(/<script src="\/dist\/help-article\.js"([^>]*)><\/script>/, '<script src="/bench/floor.js"$1></script>')
  .replace(/<help-article[\s\S]*?<\/help-article>/, '<div class="static-article" id="floor" data-src="/content/versandte-email-nicht-im-postfach.de.md"></div>');
if (floorPage.includes('/dist/help-article.js') || !floorPage.includes('id="floor"')) throw new Error('could not make the floor variant of demo/index.html');

const VARIANTS = { widget: () => undefined, prerendered: () => prerenderedPage, floor: () => floorPage, static: () => staticPage };
const SHOWN = ['widget', 'prerendered', 'floor'];
const samples = {};
for (const cpu of [1, 4]) {
  for (const name of Object.keys(VARIANTS)) samples[`${name}@${cpu}`] = [];
  for (let i = 0; i < RUNS + 1; i++) {
    const order = i % 2 ? Object.keys(VARIANTS).reverse() : Object.keys(VARIANTS);
    for (const variant of order) {
      const r = await measure(VARIANTS[variant](), { waitForArticle: variant !== 'static', cpu });
      if (i > 0) samples[`${variant}@${cpu}`].push(r);
    }
  }
}
await browser.close();
await server.close();

const median = (xs) => {
  const s = xs.filter((x) => x !== undefined).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};
const q = (xs, p) => {
  const s = xs.filter((x) => x !== undefined).sort((a, b) => a - b);
  return s[Math.round((s.length - 1) * p)];
};
const cell = (xs, unit) => {
  const f = (x) => (unit === 'ms' ? x.toFixed(0) : x.toFixed(3));
  // A metric a variant has not (the static page defines no element).
  if (Number.isNaN(median(xs))) return '–';
  return `${f(median(xs))} (${f(q(xs, 0.25))}–${f(q(xs, 0.75))})`;
};
const ratio = (a, b) => (Number.isNaN(median(b)) ? '' : `${(median(a) / median(b)).toFixed(2)}×`);
const row = (name, key, unit = 'ms') => {
  const cols = [];
  for (const cpu of [1, 4]) {
    const st = samples[`static@${cpu}`].map((r) => r[key]);
    const shown = SHOWN.map((v) => samples[`${v}@${cpu}`].map((r) => r[key]));
    cols.push(...shown.map((xs) => cell(xs, unit)), cell(st, unit), unit === 'ms' && ratio(shown[0], st) ? shown.map((xs) => ratio(xs, st) || '–').join(' / ') : '');
  }
  return `| ${name} | ${cols.join(' | ')} |`;
};
const blocked = Object.values(samples).flat().flatMap((r) => r.blocked);
const lines = [
  '# Page impact: demo/index.html with the widget, prerendered, and as static HTML',
  '',
  `- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; ${os.cpus()[0]?.model ?? ''}, ${os.cpus().length} cores (shared); Node ${process.version}; Chromium headless, 1280×900, loopback (no network latency)`,
  `- Command: \`npm run build && node bench/page-impact.mjs\` (${RUNS} runs per variant, interleaved, after one warm-up pair; fresh browser context per run, so no HTTP cache)`,
  '- Widget: the page as served by `npm start` (split script tag, `defer`, article fetched from `/content/`). Prerendered: the same page with `<help-article>` rendered by `renderArticle` (help-article-widget/ssr; declarative shadow DOM, markdown embedded), script tag kept, and the two `modulepreload` lines of `ssr/page.js` in the head; its "article shown" is `help-article-load` (taken over by the script). Floor: the same page with the widget\'s script and element replaced by `bench/pages/floor-entry.js` (marked + DOMPurify, bundled and minified, deferred like the widget), which fetches the same markdown and sets `marked.parse` → `DOMPurify.sanitize` as `innerHTML` of a plain element: the least a script-rendered, sanitized article can cost (no Lit, no shadow root, no title, tags or section structure). Static: the same HTML with the script removed and `<help-article>` replaced by the article markup the widget rendered (light DOM, without the widget\'s styles).',
  '- Article: time of `help-article-load` since navigation start (static: DOMContentLoaded). Defined: `customElements.whenDefined(\'help-article\')` (the first chunk fetched, compiled and run; none on the static page). FCP/LCP from PerformanceObserver; CLS = sum of layout-shift values without recent input, observed until 800 ms after load.',
  `- Requests that tried to leave 127.0.0.1: ${blocked.length ? blocked.join(', ') : 'none'}`,
  '',
  '| metric | widget | prerendered | floor | static | widget / prerendered / floor vs static | widget, CPU 4× | prerendered, CPU 4× | floor, CPU 4× | static, CPU 4× | ratios, CPU 4× |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  row('article shown (ms)', 'article'),
  row('DOMContentLoaded (ms)', 'dcl'),
  row('`help-article` defined (ms)', 'defined'),
  row('first contentful paint (ms)', 'fcp'),
  row('largest contentful paint (ms)', 'lcp'),
  row('cumulative layout shift', 'cls', ''),
  row('layout shifts (count)', 'shifts', ''),
  '',
  'Medians with p25–p75. CPU 4×: `Emulation.setCPUThrottlingRate` through a CDP session (Chromium only).',
  '',
];
fs.writeFileSync(args.out, lines.join('\n'));
console.log(lines.join('\n'));
