#!/usr/bin/env node
// Where the main thread's time goes for each input of the pathological corpus, stage by stage,
// in Chromium: cutting into chunks (splitChunks), marked, DOMPurify with the link and image
// rules (sanitizeHtml), and the section split. For each stage the total and the longest single
// call. marked's share is what parsing in a Worker could take off the main thread (DOMPurify needs
// the DOM and stays); the longest call of a stage is the longest task it can cause.
//
//   node bench/pipeline-stages.mjs [--only text] [--out bench/results/pipeline-stages.md]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { launch } from './lib/browser.mjs';
import { startStaticServer } from './lib/static-server.mjs';
import { PATHOLOGICAL } from '../test/fixtures/pathological/inputs.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({ options: { only: { type: 'string' }, out: { type: 'string', default: path.join(root, 'bench/results/pipeline-stages.md') } } });
// Sources over the size limit are never parsed.
const names = Object.keys(PATHOLOGICAL).filter((n) => PATHOLOGICAL[n].expect !== 'too-large' && (!args.only || n.includes(args.only)));

// The pipeline's own modules, bundled as they ship (production condition, minified).
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'stages-'));
await build({
  stdin: {
    contents: `export { splitChunks, boundMarkdown, LIMITS } from './src/pipeline/limits.ts';
      export { markdownToHtml } from './src/pipeline/markdown.ts';
      export { sanitizeHtml } from './src/pipeline/sanitize.ts';
      export { SectionSplitter } from './src/pipeline/sections.ts';`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  minify: true,
  conditions: ['production'],
  tsconfig: path.join(root, 'tsconfig.json'),
  target: 'es2022',
  outfile: path.join(out, 'stages.js'),
  logLevel: 'warning',
});
const server = await startStaticServer({ root, mounts: { '/stages/': out } });
const browser = await launch();

async function inPage(name) {
  const { PATHOLOGICAL } = await import('/test/fixtures/pathological/inputs.mjs');
  const p = await import('/stages/stages.js');
  const source = PATHOLOGICAL[name].make();
  const options = { baseUrl: location.href, lang: 'de' };
  const calls = { cut: [], marked: [], sanitize: [], split: [] };
  const add = (stage, ms) => calls[stage].push(ms);
  const splitter = new p.SectionSplitter(undefined, true);
  let elements = 0;
  let chunks = 0;
  const iterator = p.splitChunks(source);
  for (;;) {
    let t = performance.now();
    const next = iterator.next();
    add('cut', performance.now() - t);
    if (next.done || elements >= p.LIMITS.maxElements) break;
    chunks++;
    t = performance.now();
    let html;
    try {
      html = p.markdownToHtml(p.boundMarkdown(next.value.text).text);
    } catch {
      continue;
    }
    add('marked', performance.now() - t);
    t = performance.now();
    const fragment = p.sanitizeHtml(html, options);
    add('sanitize', performance.now() - t);
    elements += fragment.querySelectorAll('*').length;
    t = performance.now();
    splitter.add(fragment);
    add('split', performance.now() - t);
  }
  // Total, 95th percentile and longest call of each stage (a single call can hold a GC pause).
  const stages = {};
  for (const [stage, list] of Object.entries(calls)) {
    const sorted = list.sort((a, b) => a - b);
    stages[stage] = [sorted.reduce((a, b) => a + b, 0), sorted[Math.floor(0.95 * (sorted.length - 1))] ?? 0, sorted.at(-1) ?? 0];
  }
  return { chars: source.length, chunks, elements, stages };
}

const rows = [];
const totals = { cut: 0, marked: 0, sanitize: 0, split: 0 };
for (const name of names) {
  const page = await browser.newPage();
  await page.goto(`${server.url}/package.json`);
  const r = await page.evaluate(inPage, name);
  await page.close();
  for (const k of Object.keys(totals)) totals[k] += r.stages[k][0];
  const all = Object.values(r.stages).reduce((n, s) => n + s[0], 0);
  const f = (s) => `${s[0].toFixed(0)} / ${s[1].toFixed(1)} / ${s[2].toFixed(0)}`;
  rows.push(`| ${name} | ${r.chunks} | ${r.elements.toLocaleString('en')} | ${f(r.stages.cut)} | ${f(r.stages.marked)} | ${f(r.stages.sanitize)} | ${f(r.stages.split)} | ${((100 * r.stages.marked[0]) / all).toFixed(0)} % |`);
  console.log(rows.at(-1));
}
await browser.close();
await server.close();
fs.rmSync(out, { recursive: true, force: true });

const sum = Object.values(totals).reduce((a, b) => a + b, 0);
const lines = [
  '# Pipeline stages on the main thread, per pathological input (Chromium)',
  '',
  `- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; ${os.cpus()[0]?.model ?? ''}, ${os.cpus().length} cores (shared); Chromium ${browser.version()}, headless, unthrottled`,
  `- Command: \`node bench/pipeline-stages.mjs${args.only ? ` --only '${args.only}'` : ''}\` (src/pipeline bundled with esbuild, production build; one run)`,
  '- Each cell: total ms / 95th percentile of one call / longest call (ms); the longest call can hold a garbage-collection pause. cut = splitChunks (one step = one chunk), marked = boundMarkdown + marked, sanitize = DOMPurify + link and image rules, split = sections and groups. Stops at the element budget like the widget.',
  `- Over all inputs: cut ${totals.cut.toFixed(0)} ms, marked ${totals.marked.toFixed(0)} ms, sanitize ${totals.sanitize.toFixed(0)} ms, split ${totals.split.toFixed(0)} ms: marked is ${((100 * totals.marked) / sum).toFixed(0)} % of the pipeline's main-thread time, the most a Worker could move off it.`,
  '',
  '| input | chunks | elements | cut | marked | sanitize | split | marked share |',
  '|---|---:|---:|---:|---:|---:|---:|---:|',
  ...rows,
  '',
];
if (!args.only) fs.writeFileSync(args.out, lines.join('\n'));
console.log(lines.slice(0, 6).join('\n'));
