#!/usr/bin/env node
// How each input of the pathological corpus (test/fixtures/pathological/inputs.mjs) holds up in
// Chromium with the script-tag bundle: the longest main-thread task (Long Tasks API), the longest
// animation frame (Long Animation Frames: tasks plus style, layout and paint), the longest gap
// between the page's own 10 ms timers, the time until `help-article-load`, and the image requests
// the page made. Each input is rendered on a fresh page, then the page is scrolled to the end and
// back (content that is laid out only when on screen), unthrottled and with the CPU slowed 4× via
// the DevTools protocol (Emulation.setCPUThrottlingRate). Median of --runs runs.
//
//   npm run build && node bench/pathological.mjs [--runs 1] [--rates 1,4] [--only text] [--out bench/results/pathological.md]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { launch, blockExternal } from './lib/browser.mjs';
import { startStaticServer } from './lib/static-server.mjs';
import { PATHOLOGICAL } from '../test/fixtures/pathological/inputs.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '1' },
    rates: { type: 'string', default: '1,4' },
    only: { type: 'string' },
    out: { type: 'string', default: path.join(root, 'bench/results/pathological.md') },
    json: { type: 'string' },
    timeout: { type: 'string', default: '60' },
    bundle: { type: 'string', default: path.join(root, 'dist/help-article.js') },
  },
});
const RUNS = Number(args.runs);
const TIMEOUT_MS = Number(args.timeout) * 1000;
const RATES = args.rates.split(',').map(Number);
// Anchors measured the same way in the same run: real help articles, the floor of any render.
const ANCHORS = {
  'anchor: a 4 KB help article (content/kalender-synchronisieren.de.md)': '/content/kalender-synchronisieren.de.md',
  'anchor: the same article 200 times (800 KB, 1,200 sections)': '/content/kalender-synchronisieren.de.md?times=200',
};
const names = [...Object.keys(ANCHORS), ...Object.keys(PATHOLOGICAL)].filter((n) => !args.only || n.includes(args.only));

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const PAGE = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>bench</title></head><body><script src="/bundle/${path.basename(args.bundle)}"></script></body></html>`;

const server = await startStaticServer({ root, mounts: { '/bundle/': path.dirname(path.resolve(args.bundle)) } });
const browser = await launch();

// Runs in the page: renders one corpus input and measures until the page is quiet again.
async function inPage([name, anchor]) {
  const { PATHOLOGICAL } = await import('/test/fixtures/pathological/inputs.mjs');
  let markdown;
  if (anchor) {
    const url = new URL(anchor, location.href);
    const text = await (await fetch(url.pathname)).text();
    markdown = Array.from({ length: Number(url.searchParams.get('times') ?? 1) }, (_, i) => (i ? text.replace(/^---[\s\S]*?\n---\n/, '') : text)).join('\n\n');
  } else markdown = PATHOLOGICAL[name].make();
  await customElements.whenDefined('help-article');
  await new Promise((r) => setTimeout(r, 300));
  const m = { longestTask: 0, longestFrame: 0, longestGap: 0, events: [] };
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.entryType === 'longtask') m.longestTask = Math.max(m.longestTask, e.duration);
      else if (e.duration > m.longestFrame) {
        m.longestFrame = e.duration;
        // Where the frame went: script, or style and layout.
        m.frameScript = e.scripts.reduce((n, s) => n + s.duration, 0);
        m.frameLayout = e.startTime + e.duration - e.styleAndLayoutStart;
        m.frameAt = e.startTime;
      }
    }
  });
  observer.observe({ type: 'longtask' });
  observer.observe({ type: 'long-animation-frame' });
  let last = performance.now();
  const beat = setInterval(() => {
    const now = performance.now();
    m.longestGap = Math.max(m.longestGap, now - last);
    last = now;
  }, 10);
  const quiet = async (ms) => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    await new Promise((r) => setTimeout(r, ms));
  };
  const el = document.createElement('help-article');
  el.setAttribute('share', 'none');
  const start = performance.now();
  const loaded = new Promise((resolve) => {
    el.addEventListener('help-article-load', () => {
      m.events.push('load');
      m.loadMs = performance.now() - start;
      resolve();
    });
    el.addEventListener('help-article-error', (e) => {
      m.events.push(e.detail.reason);
      m.loadMs ??= performance.now() - start;
      resolve();
    });
  });
  el.markdown = markdown;
  document.body.append(el);
  await loaded;
  await quiet(500);
  m.loadedAt = performance.now();
  const scroller = document.scrollingElement;
  for (const f of [0.5, 1, 0]) {
    scroller.scrollTop = f * scroller.scrollHeight;
    await quiet(300);
  }
  await new Promise((r) => setTimeout(r, 100));
  m.framePhase = m.frameAt === undefined ? '' : m.frameAt < m.loadedAt ? 'while loading' : 'scrolling';
  clearInterval(beat);
  observer.disconnect();
  const shadow = el.shadowRoot;
  m.elements = shadow.querySelectorAll('*').length;
  m.chars = markdown.length;
  return m;
}

async function measure(name, rate) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await blockExternal(page);
  let images = 0;
  page.on('request', (r) => {
    if (r.resourceType() === 'image') images++;
  });
  await page.route('**/bilder/**', (route) => route.fulfill({ status: 200, contentType: 'image/png', body: PNG }));
  await page.route(`${server.url}/bench-page`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: PAGE }));
  await page.goto(`${server.url}/bench-page`);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  // An input that holds the page for minutes is recorded as stopped, not waited for.
  const timeout = new Promise((resolve) => setTimeout(() => resolve({ stopped: true }), TIMEOUT_MS * rate));
  const m = await Promise.race([page.evaluate(inPage, [name, ANCHORS[name]]), timeout]);
  await context.close().catch(() => {});
  if (m.stopped) return { stopped: true, events: [`stopped after ${(TIMEOUT_MS * rate) / 1000} s`], longestTask: Infinity, longestFrame: Infinity, longestGap: Infinity, loadMs: Infinity, images, elements: 0, chars: PATHOLOGICAL[name]?.make().length ?? 0 };
  return { ...m, images };
}

const results = {};
for (const name of names) {
  results[name] = {};
  for (const rate of RATES) {
    const runs = [];
    for (let run = 0; run < RUNS; run++) runs.push(await measure(name, rate));
    // The median run of each figure: one busy moment of a shared machine is not the widget's.
    const median = (key) => runs.map((r) => r[key]).sort((a, b) => a - b)[Math.floor((RUNS - 1) / 2)];
    const worst = { ...runs[0], runs: runs.map((r) => ({ task: r.longestTask, frame: r.longestFrame, gap: r.longestGap })) };
    for (const key of ['longestTask', 'longestFrame', 'longestGap', 'loadMs']) worst[key] = median(key);
    results[name][rate] = worst;
    console.log(`${rate}× ${name}: ${worst.events.join('+')} load ${worst.loadMs.toFixed(0)} ms, task ${worst.longestTask.toFixed(0)}, frame ${worst.longestFrame.toFixed(0)}, gap ${worst.longestGap.toFixed(0)} (frame: script ${worst.frameScript?.toFixed(0)}, style+layout ${worst.frameLayout?.toFixed(0)}, ${worst.framePhase}), ${worst.images} images, ${worst.elements} elements`);
  }
}
await browser.close();
await server.close();
if (args.json) fs.writeFileSync(args.json, JSON.stringify(results, null, 2));

const ms = (x) => (x === Infinity ? '?' : x ? x.toFixed(0) : '–');
const mark = (x, limit) => (x > limit ? `**${ms(x)}**` : ms(x));
const version = (await browser.version?.()) ?? '';
const header = ['input', 'chars', 'outcome', ...RATES.flatMap((r) => [`${r}×: load ms`, `${r}×: task ms`, `${r}×: frame ms`, `${r}×: timer gap ms`]), 'image requests', 'elements'];
const rows = names.map((name) => {
  const r = results[name];
  const first = r[RATES[0]];
  return `| ${name} | ${first.chars.toLocaleString('en')} | ${first.events.join(' + ')} | ${RATES.flatMap((rate) => [ms(r[rate].loadMs), mark(r[rate].longestTask, 200), mark(r[rate].longestFrame, 200), mark(r[rate].longestGap, 500)]).join(' | ')} | ${first.images} | ${first.elements.toLocaleString('en')} |`;
});
const worst = (rate, key) => Math.max(...names.map((n) => results[n][rate][key]));
const lines = [
  '# Pathological markdown in Chromium: longest task, frame and timer gap',
  '',
  `- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; ${os.cpus()[0]?.model ?? ''}, ${os.cpus().length} cores (shared); Chromium ${version}, headless; dist/help-article.js (production bundle)`,
  `- Command: \`npm run build && node bench/pathological.mjs${args.runs !== '1' ? ` --runs ${args.runs}` : ''}${args.rates !== '1,4' ? ` --rates ${args.rates}` : ''}${args.only ? ` --only '${args.only}'` : ''}\` (${RUNS > 1 ? `median of ${RUNS} runs` : 'one run'} per input and rate)`,
  '- Each input is set as the `markdown` property of a fresh `<help-article>` on its own page; measured from then until the page is quiet after `help-article-load`, then scrolled to the middle, the end and the top (300 ms each). **task**: longest Long Tasks entry; **frame**: longest Long Animation Frame (script plus style, layout and paint); **timer gap**: longest gap between ticks of a 10 ms `setInterval`; – means none over 50 ms. Targets: task and frame ≤ 200 ms, timer gap ≤ 500 ms (bold: over).',
  `- Rates: ${RATES.map((r) => (r === 1 ? '1× (unthrottled)' : `${r}× (CDP Emulation.setCPUThrottlingRate)`)).join(', ')}. Images are answered with a 1×1 PNG; "image requests" counts the requests the page made (unthrottled run).`,
  `- Worst over all inputs: ${RATES.map((r) => `${r}×: task ${ms(worst(r, 'longestTask'))} ms, frame ${ms(worst(r, 'longestFrame'))} ms, timer gap ${ms(worst(r, 'longestGap'))} ms`).join('; ')}.`,
  '',
  `| ${header.join(' | ')} |`,
  `|${header.map((_, i) => (i < 1 || i === 2 ? '---' : '---:')).join('|')}|`,
  ...rows,
  '',
];
if (!args.only) fs.writeFileSync(args.out, lines.join('\n'));
console.log(lines.join('\n'));
