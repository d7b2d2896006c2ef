#!/usr/bin/env node
// Where marked itself breaks: nesting depth at which it throws or passes 100 ms, and the size of
// emphasis-marker runs past 100 ms / 1 s. Plain `marked.parse` (GFM), Node, one parse per size
// (growing sizes stop once a parse takes over 3 s, so the run stays bounded).
//
//   node bench/marked-limits.mjs [--out bench/results/marked-limits.md]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Marked } from 'marked';
import { transform } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({ options: { out: { type: 'string', default: path.join(root, 'bench/results/marked-limits.md') } } });
// The widget's own bounds, read from the TypeScript source (limits.ts has no imports).
const limitsTs = fs.readFileSync(path.join(root, 'src/pipeline/limits.ts'), 'utf8');
const { code: limitsJs } = await transform(limitsTs, { loader: 'ts', format: 'esm' });
const { LIMITS } = await import(`data:text/javascript;base64,${Buffer.from(limitsJs).toString('base64')}`);
const version = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/marked/package.json'), 'utf8')).version;
const marked = new Marked({ gfm: true, async: false });

function time(src) {
  marked.parse('warm *up*');
  const start = performance.now();
  try {
    marked.parse(src);
    return { ms: performance.now() - start };
  } catch (error) {
    return { ms: performance.now() - start, error: error instanceof RangeError ? 'RangeError (stack)' : String(error).slice(0, 60) };
  }
}

const SERIES = {
  'blockquote nesting (`>` × n, one line)': { make: (n) => `${'>'.repeat(n)} x`, sizes: [10, 50, 100, 200, 500, 1000, 2000, 5000] },
  'blockquote nesting (`> ` × n, one line)': { make: (n) => `${'> '.repeat(n)}x`, sizes: [10, 50, 100, 200, 500, 1000, 2000, 5000] },
  'list nesting (one item per level, 2 spaces more each)': { make: (n) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- p${i}`).join('\n'), sizes: [8, 16, 32, 64, 128, 256, 512, 1000] },
  'list markers on one line (`- ` × n)': { make: (n) => `${'- '.repeat(n)}x`, sizes: [8, 16, 32, 64, 128, 256, 512, 1000] },
  '`*a_` × n': { make: (n) => '*a_'.repeat(n), sizes: [100, 300, 1000, 2000, 3300, 5000, 10000, 20000] },
  '`*_a` × n': { make: (n) => '*_a'.repeat(n), sizes: [100, 300, 1000, 2000, 3300, 5000, 10000, 20000] },
  '`**a` × n (unclosed strong)': { make: (n) => '**a'.repeat(n), sizes: [1000, 5000, 20000, 50000] },
  'nested emphasis `*_` × n + a + `_*` × n': { make: (n) => `${'*_'.repeat(n)}a${'_*'.repeat(n)}`, sizes: [100, 500, 1000, 5000] },
  '`[` × n': { make: (n) => '['.repeat(n), sizes: [1000, 10000, 50000, 200000] },
  '`[a](` × n': { make: (n) => '[a]('.repeat(n), sizes: [1000, 5000, 20000, 50000] },
  '`<a` × n': { make: (n) => '<a'.repeat(n), sizes: [1000, 10000, 50000] },
  'table rows (4 columns)': { make: (n) => ['| a | b | c | d |', '|---|---|---|---|', ...Array.from({ length: n }, (_, i) => `| ${i} | x | y | z |`)].join('\n'), sizes: [1000, 5000, 20000, 50000] },
};

const rows = [];
for (const [name, { make, sizes }] of Object.entries(SERIES)) {
  const cells = [];
  let first100;
  let first1s;
  let firstThrow;
  for (const n of sizes) {
    const src = make(n);
    const r = time(src);
    cells.push(`${n}: ${r.error ? `throws (${r.error}, ${r.ms.toFixed(0)} ms)` : `${r.ms < 10 ? r.ms.toFixed(1) : r.ms.toFixed(0)} ms`}`);
    if (r.error && firstThrow === undefined) firstThrow = n;
    if (!r.error && r.ms > 100 && first100 === undefined) first100 = n;
    if (!r.error && r.ms > 1000 && first1s === undefined) first1s = n;
    console.log(name, n, r);
    if (r.ms > 3000) {
      cells.push('(stopped)');
      break;
    }
  }
  rows.push(`| ${name} | ${firstThrow ?? '–'} | ${first100 ?? '–'} | ${first1s ?? '–'} | ${cells.join('; ')} |`);
}

const lines = [
  `# marked ${version}: where it throws or slows down`,
  '',
  `- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; ${os.cpus()[0]?.model ?? ''}, ${os.cpus().length} cores (shared); Node ${process.version}`,
  '- Command: `node bench/marked-limits.mjs` (one `marked.parse` per size, GFM; growing sizes stop after a parse over 3 s)',
  `- The widget's bounds (src/pipeline/limits.ts): quote depth ${LIMITS.maxQuoteDepth}, indentation ${LIMITS.maxIndent} columns, ${LIMITS.maxListMarkers} list markers on a line, ${LIMITS.maxEmphasisMarkers} \`*\`/\`_\` per block (more are escaped), over ${LIMITS.maxOpeners} \`[\`/\`<\` per block (those nothing closes are escaped), at most ${LIMITS.chunkChars} characters, ${LIMITS.chunkLines} lines and ${LIMITS.chunkCells} table cells per parse, ${LIMITS.maxElements} elements per article, ${LIMITS.maxSourceChars} characters in total. How the whole widget holds up: bench/pathological.mjs.`,
  '',
  '| input | throws from n | > 100 ms from n | > 1 s from n | n: time |',
  '|---|---:|---:|---:|---|',
  ...rows,
  '',
];
fs.writeFileSync(args.out, lines.join('\n'));
console.log(lines.join('\n'));
