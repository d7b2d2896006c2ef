#!/usr/bin/env node
// Tabulates the figures of pathological.bench.ts (<dir>/<engine>.jsonl), one engine per column
// group, optionally beside an earlier run of the same bench (--before <dir>), e.g. the code before
// a change:
//   node bench/engines/report.mjs [--dir bench/results/engines] [--before dir] [--out file.md]
import fs from 'node:fs';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({ options: { dir: { type: 'string', default: 'bench/results/engines' }, before: { type: 'string' }, out: { type: 'string' } } });
const read = (dir, engine) => {
  const file = `${dir}/${engine}.jsonl`;
  if (!dir || !fs.existsSync(file)) return undefined;
  return new Map(fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l)).map((r) => [r.name, r]));
};
const runs = ['chromium', 'firefox', 'webkit'].flatMap((engine) => [
  ...(read(args.before, engine) ? [{ label: `${engine} before`, data: read(args.before, engine) }] : []),
  ...(read(args.dir, engine) ? [{ label: engine, data: read(args.dir, engine) }] : []),
]);
const names = [...new Set(runs.flatMap((r) => [...r.data.keys()]))];
const ms = (x) => (x === undefined ? '' : Math.round(x).toLocaleString('en'));
const bold = (x, limit) => (x > limit ? `**${ms(x)}**` : ms(x));
const header = ['input', ...runs.flatMap((r) => [`${r.label}: rendered, s`, `${r.label}: timer gap, ms`, `${r.label}: longest chunk, ms (marked / DOMPurify)`])];
const rows = names.map((n) => `| ${n} | ${runs.flatMap(({ data }) => {
  const r = data.get(n);
  if (!r) return ['', '', ''];
  const s = r.stage;
  const outcome = r.element.events.length > 1 ? ` (${r.element.events.slice(1).join()})` : '';
  // Where the gap fell (build, complete, scroll 0.5/1/0), when the run recorded it.
  const where = r.element.gapPhase ? ` (${r.element.gapPhase})` : '';
  return [`${(r.element.completeMs / 1000).toFixed(1)}${outcome}`, `${bold(r.element.gap, 500)}${where}`, s ? `${bold(s.longest.chunk, 200)} (${ms(s.longest.marked)} / ${ms(s.longest.purify)})` : ''];
}).join(' | ')} |`);
const text = [`| ${header.join(' | ')} |`, `|---|${runs.flatMap(() => ['---:', '---:', '---:']).join('|')}|`, ...rows].join('\n');
if (args.out) fs.writeFileSync(args.out, `${text}\n`);
console.log(text);
