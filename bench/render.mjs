#!/usr/bin/env node
// Render cost of one article in headless Chromium: <help-article> (script-tag bundle) vs the bare
// pipeline (marked.parse + DOMPurify.sanitize + innerHTML) vs zero-md vs md-block, all on one
// page, interleaved in a shuffled order, the same markdown for all. Two floors show where the
// cost sits: lit-floor (the widget's pipeline in a bare LitElement) and shadow-floor (the bare
// pipeline in a styled shadow root).
//
//   npm run build && node bench/render.mjs [--iterations 30] [--big-iterations 12] [--out bench/results/render.md]
//
// Writes a markdown table (median, p25–p75, ratio of medians to the bare pipeline).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';
import { startStaticServer } from './lib/static-server.mjs';
import { benchArticles } from './lib/articles.mjs';
import { launch, blockExternal } from './lib/browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    iterations: { type: 'string', default: '30' },
    'big-iterations': { type: 'string', default: '12' },
    warmup: { type: 'string', default: '3' },
    only: { type: 'string' },
    out: { type: 'string', default: path.join(root, 'bench/results/render.md') },
  },
});
const ITER = Number(args.iterations);
const BIG_ITER = Number(args['big-iterations']);
const WARMUP = Number(args.warmup);
const CONTENDERS = ['help-article', 'bare', 'lit-floor', 'shadow-floor', 'zero-md', 'md-block'];

if (!fs.existsSync(path.join(root, 'dist/help-article.js'))) {
  console.error('dist/help-article.js is missing: run `npm run build` first.');
  process.exit(1);
}

// The comparison pages' scripts, built from node_modules (same marked and DOMPurify as the widget).
const buildDir = path.join(root, 'bench/.cache/build');
fs.mkdirSync(buildDir, { recursive: true });
await esbuild.build({
  entryPoints: {
    bare: 'bench/pages/bare-entry.js',
    'zero-md': 'bench/pages/zero-md-entry.js',
    'md-block': 'bench/pages/md-block-entry.js',
    'shadow-floor': 'bench/pages/shadow-floor-entry.js',
    'lit-floor': 'bench/pages/lit-floor-entry.js',
  },
  absWorkingDir: root,
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2022',
  outdir: buildDir,
  // The project's package.json lists its own side-effect files only; these entries have some too.
  ignoreAnnotations: true,
  // zero-md's dist registers itself when its module URL has ?register; this build defines it instead.
  define: { 'import.meta.url': '"http://127.0.0.1/zero-md.js"' },
  logLevel: 'warning',
});

const server = await startStaticServer({ root, mounts: { '/build/': buildDir } });
const browser = await launch(['--js-flags=--expose-gc']);
const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
const blocked = await blockExternal(page);
const errors = [];
page.on('pageerror', (e) => errors.push(String(e)));
page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
await page.goto(`${server.url}/bench/pages/render.html`);
await page.waitForFunction(() => customElements.get('help-article') && customElements.get('md-block') && customElements.get('zero-md') && customElements.get('shadow-floor') && customElements.get('lit-floor') && window.bareRender);

const quantile = (sorted, q) => {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
};
const stats = (values) => {
  const s = [...values].sort((a, b) => a - b);
  return { n: s.length, median: quantile(s, 0.5), p25: quantile(s, 0.25), p75: quantile(s, 0.75), min: s[0], max: s[s.length - 1] };
};

// Deterministic shuffle (mulberry32) so every run interleaves the same way.
let seed = 0x5eed;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const shuffled = (list) => {
  const a = [...list];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
};

const results = [];
const started = Date.now();
for (const article of benchArticles()) {
  if (args.only && !article.short.startsWith(args.only)) continue;
  const iterations = article.markdown.length > 500_000 ? BIG_ITER : ITER;
  const samples = Object.fromEntries(CONTENDERS.map((c) => [c, { ready: [], laidOut: [], text: 0 }]));
  for (let i = -WARMUP; i < iterations; i++) {
    for (const name of shuffled(CONTENDERS)) {
      await page.evaluate(() => window.gc?.());
      const r = await page.evaluate(([n, md]) => window.benchRender(n, md), [name, article.markdown]);
      if (i < 0) continue;
      samples[name].ready.push(r.ready);
      samples[name].laidOut.push(r.laidOut);
      samples[name].text = r.textLength;
    }
  }
  const bare = stats(samples.bare.laidOut).median;
  for (const name of CONTENDERS) {
    const ready = stats(samples[name].ready);
    const laidOut = stats(samples[name].laidOut);
    results.push({ article: article.name, bytes: article.markdown.length, name, ready, laidOut, ratio: laidOut.median / bare, text: samples[name].text });
    console.log(`${article.short.padEnd(5)} ${name.padEnd(13)} median ${laidOut.median.toFixed(2)} ms (p25 ${laidOut.p25.toFixed(2)}, p75 ${laidOut.p75.toFixed(2)}), ready ${ready.median.toFixed(2)} ms, ×${(laidOut.median / bare).toFixed(2)} bare, n=${laidOut.n}, text ${samples[name].text}`);
  }
}
await browser.close();
await server.close();

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const chromeVersion = browser.version();
const fmt = (x) => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
const pkg = (name) => JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
let commit = '';
try {
  commit = execSync('git rev-parse --short HEAD', { cwd: root }).toString().trim();
} catch {}
const lines = [
  '# Render cost: <help-article> vs the bare pipeline vs zero-md vs md-block (and two floors)',
  '',
  `- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, commit ${commit}`,
  `- Machine: ${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB, ${os.type()} ${os.release()}; Node ${process.version}; Chromium ${chromeVersion} headless`,
  `- Command: \`npm run build && node bench/render.mjs\` (${ITER} iterations per contender and article, ${BIG_ITER} for 1 MB, after ${WARMUP} warm-up rounds; contenders interleaved in shuffled order on one page; \`gc()\` before each render; ${((Date.now() - started) / 1000).toFixed(0)} s)`,
  `- Versions: marked ${pkg('marked')}, DOMPurify ${pkg('dompurify')}, lit ${pkg('lit')}, zero-md ${pkg('zero-md')}, md-block ${pkg('md-block')}`,
  '- Time: from handing the markdown to the contender to its own "done" signal (`help-article-load`, `zero-md-rendered`, md-block\'s `rendered` attribute, return of the bare function), plus the forced style and layout of the result. "ready" is without that layout.',
  `- Requests that tried to leave 127.0.0.1 (aborted): ${blocked.length ? blocked.map((u) => '`' + u + '`').join(', ') : 'none'}${errors.length ? `; page errors: ${errors.slice(0, 3).join(' | ')}` : ''}`,
  '',
  '| article | contender | median ms | p25–p75 ms | ready (no layout) median ms | × bare (median) |',
  '|---|---|---:|---:|---:|---:|',
  ...results.map((r) => `| ${r.article} (${(r.bytes / 1000).toFixed(0)} KB) | ${r.name} | ${fmt(r.laidOut.median)} | ${fmt(r.laidOut.p25)}–${fmt(r.laidOut.p75)} | ${fmt(r.ready.median)} | ${r.ratio.toFixed(2)} |`),
  '',
  'How the contenders are set up (all local, nothing from a CDN):',
  '',
  '- **help-article**: `dist/help-article.js` (script-tag bundle, production Lit), a fresh element per render with `share="none"`, markdown set through the `markdown` property. It sanitizes, splits sections, yields to the page between chunks and renders with Lit into its shadow root.',
  '- **bare**: `marked.parse` + `DOMPurify.sanitize` (default config) + `innerHTML` on a `div`, bundled from node_modules with esbuild.',
  '- **lit-floor**: the floor of the design, not a product: the widget\'s own pipeline from `src/` (front matter, limits, callouts, link checks, section split) rendered by a bare `LitElement` with the widget\'s stylesheets, and nothing else of `<help-article>` (no header, tags, section buttons, copy links, toolbar, footer, labels). The distance from lit-floor to help-article is what that structure costs.',
  '- **shadow-floor**: the bare pipeline\'s HTML set as `innerHTML` of a shadow root that adopts the widget\'s stylesheets, without Lit: what encapsulation and the article\'s look cost on their own.',
  '- **zero-md**: 3.x `ZeroMd` subclass whose `load()` passes local loaders: `new Marked({async: true})` from node_modules and `marked-alert`; base-URL, heading-id and highlight extensions are not installed here and are no-ops; template reduced to its `:host` style (the default links CSS from jsDelivr). zero-md does **not** sanitize. It waits two animation frames per render by design.',
  '- **md-block**: 0.0.1 with `untrusted` (DOMPurify); it was written for marked ≤ 4 (positional renderer arguments, a slugger), so `bench/pages/md-block-globals.js` gives it marked 18 through a small adapter on `window.marked`, and DOMPurify on `window.DOMPurify`.',
  '',
];
fs.mkdirSync(path.dirname(args.out), { recursive: true });
fs.writeFileSync(args.out, lines.join('\n'));
console.log(`wrote ${path.relative(root, args.out)}`);
if (blocked.length) console.log('blocked requests:', blocked);
if (errors.length) console.log('page errors:', errors);
