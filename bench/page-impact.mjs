#!/usr/bin/env node
// What the widget does to the demo help page (demo/index.html, served by the real server):
// time to the article (help-article-load), FCP, LCP and cumulative layout shift, against the
// same page with the article as static HTML and no widget script. Interleaved runs, medians.
//
//   npm run build && node bench/page-impact.mjs [--runs 12] [--out bench/results/page-impact.md]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startServer } from 'help-feedback-collector';
import { registerSite } from '../scripts/lib/site.mjs';
import { launch, blockExternal } from './lib/browser.mjs';

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
};

async function measure(html) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const blocked = await blockExternal(page);
  if (html) await page.route(`${server.url}/`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  await page.addInitScript(OBSERVE);
  await page.goto(`${server.url}/`, { waitUntil: 'load' });
  if (!html) await page.waitForFunction(() => window.__m.article !== undefined, null, { timeout: 15000 });
  else await page.evaluate(() => { window.__m.article = performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd; });
  // Let late shifts (images, fonts, feedback summary) happen, then end LCP with an input-free wait.
  await page.waitForTimeout(800);
  const m = await page.evaluate(() => ({ ...window.__m, dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd }));
  await context.close();
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

const samples = { widget: [], static: [] };
for (let i = 0; i < RUNS + 1; i++) {
  for (const variant of i % 2 ? ['static', 'widget'] : ['widget', 'static']) {
    const r = await measure(variant === 'static' ? staticPage : undefined);
    if (i > 0) samples[variant].push(r);
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
const row = (name, key, unit = 'ms', digits = 0) => {
  const w = samples.widget.map((r) => r[key]);
  const s = samples.static.map((r) => r[key]);
  const f = (x) => (unit === 'ms' ? x.toFixed(digits) : x.toFixed(3));
  return `| ${name} | ${f(median(w))} (${f(q(w, 0.25))}–${f(q(w, 0.75))}) | ${f(median(s))} (${f(q(s, 0.25))}–${f(q(s, 0.75))}) | ${unit === 'ms' ? `+${(median(w) - median(s)).toFixed(0)} ms` : `${(median(w) - median(s)).toFixed(3)}`} |`;
};
const blocked = [...samples.widget, ...samples.static].flatMap((r) => r.blocked);
const lines = [
  '# Page impact: demo/index.html with the widget vs the same page with the article as static HTML',
  '',
  `- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; ${os.cpus()[0]?.model ?? ''}, ${os.cpus().length} cores (shared); Node ${process.version}; Chromium headless, 1280×900, loopback (no network latency)`,
  `- Command: \`npm run build && node bench/page-impact.mjs\` (${RUNS} runs per variant, interleaved, after one warm-up pair; fresh browser context per run, so no HTTP cache)`,
  '- Widget: the page as served by `npm start` (script-tag bundle, `defer`, article fetched from `/content/`). Static: the same HTML with the script removed and `<help-article>` replaced by the article markup the widget rendered (light DOM, without the widget\'s styles).',
  '- Article: time of `help-article-load` since navigation start (static: DOMContentLoaded). FCP/LCP from PerformanceObserver; CLS = sum of layout-shift values without recent input, observed until 800 ms after load.',
  `- Requests that tried to leave 127.0.0.1: ${blocked.length ? blocked.join(', ') : 'none'}`,
  '',
  '| metric | with widget: median (p25–p75) | static article: median (p25–p75) | difference |',
  '|---|---:|---:|---:|',
  row('article shown (ms)', 'article'),
  row('DOMContentLoaded (ms)', 'dcl'),
  row('first contentful paint (ms)', 'fcp'),
  row('largest contentful paint (ms)', 'lcp'),
  row('cumulative layout shift', 'cls', ''),
  row('layout shifts (count)', 'shifts', ''),
  '',
];
fs.writeFileSync(args.out, lines.join('\n'));
console.log(lines.join('\n'));
