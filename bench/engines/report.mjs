#!/usr/bin/env node
// Tabulates bench/results/engines/<engine>.jsonl (written by pathological.bench.ts) side by side:
//   node bench/engines/report.mjs [--out bench/results/pathological-engines.md]
import fs from 'node:fs';
import { parseArgs } from 'node:util';
const { values: args } = parseArgs({ options: { dir: { type: 'string', default: 'bench/results/engines' }, out: { type: 'string' } } });
const engines = ['chromium', 'firefox', 'webkit'].filter((e) => fs.existsSync(`${args.dir}/${e}.jsonl`));
const data = Object.fromEntries(engines.map((e) => [e, new Map(fs.readFileSync(`${args.dir}/${e}.jsonl`, 'utf8').trim().split('\n').map((l) => JSON.parse(l)).map((r) => [r.name, r]))]));
const names = [...new Set(engines.flatMap((e) => [...data[e].keys()]))];
const ms = (x) => (x === undefined ? '' : Math.round(x).toLocaleString('en'));
const bold = (x, limit) => (x > limit ? `**${ms(x)}**` : ms(x));
const header = ['input', ...engines.flatMap((e) => [`${e}: complete ms`, `${e}: timer gap`, `${e}: longest chunk (marked / purify)`])];
const rows = names.map((n) => `| ${n} | ${engines.flatMap((e) => {
  const r = data[e].get(n);
  if (!r) return ['', '', ''];
  const s = r.stage;
  return [`${ms(r.element.completeMs)}${r.element.events.length > 1 ? ` (${r.element.events.slice(1).join()})` : ''}`, bold(r.element.gap, 500), s ? `${bold(s.longest.chunk, 200)} (${ms(s.longest.marked)} / ${ms(s.longest.purify)})${s.stopped ? ' stopped' : ''}` : ''];
}).join(' | ')} |`);
const text = [`| ${header.join(' | ')} |`, `|---|${engines.flatMap(() => ['---:', '---:', '---:']).join('|')}|`, ...rows].join('\n');
if (args.out) fs.writeFileSync(args.out, text + '\n');
console.log(text);
