#!/usr/bin/env node
// What the widget weighs: the split script tag's critical path (loader + first chunk + marked and
// DOMPurify) and a prerendered page's (loader + first chunk + takeover code) beside its later
// chunks and the total, the single-file bundle (minified, gzip, brotli) beside each dependency
// built alone the way the widget imports it, their sum (the floor of any bundle of these four),
// zero-md and md-block with their parsers, and the biggest modules inside the bundle.
//
//   npm run build && node bench/weight.mjs [--out bench/results/weight.md]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({ options: { out: { type: 'string', default: path.join(root, 'bench/results/weight.md') } } });
const bundlePath = path.join(root, 'dist/help-article.single.js');
if (!fs.existsSync(bundlePath) || !fs.existsSync(path.join(root, 'dist/chunks/core.js'))) {
  console.error('dist/help-article.single.js or dist/chunks/ is missing: run `npm run build` first.');
  process.exit(1);
}

/** Minified / gzip (level 9) / brotli (quality 11) sizes of some code, in bytes. */
export function sizes(code) {
  const buf = Buffer.from(code);
  return {
    min: buf.length,
    gzip: zlib.gzipSync(buf, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

// Each entry imports exactly what src/ imports from the package and keeps it alive on `window`.
const ENTRIES = {
  lit: `import { LitElement, html, svg, css, nothing } from 'lit'; import { property, state } from 'lit/decorators.js'; window.x = { LitElement, html, svg, css, nothing, property, state };`,
  marked: `import { Marked } from 'marked'; window.x = Marked;`,
  dompurify: `import createDOMPurify from 'dompurify'; window.x = createDOMPurify;`,
  i18next: `import i18next from 'i18next'; window.x = i18next;`,
  'zero-md (+ marked, marked-alert)': `import ZeroMd from 'zero-md'; import { Marked } from 'marked'; import markedAlert from 'marked-alert'; window.x = { ZeroMd, Marked, markedAlert };`,
  'md-block (+ marked, DOMPurify)': `import { marked } from 'marked'; import DOMPurify from 'dompurify'; window.marked = marked; window.DOMPurify = DOMPurify; import('md-block');`,
};

async function buildAlone(code) {
  const result = await esbuild.build({
    stdin: { contents: code, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    conditions: ['production'],
    platform: 'browser',
    define: { 'import.meta.url': '"http://localhost/"' },
    write: false,
    splitting: false,
    logLevel: 'silent',
  });
  return result.outputFiles.map((f) => f.text).join('');
}

const deps = {};
for (const [name, code] of Object.entries(ENTRIES)) deps[name] = sizes(await buildAlone(code));
const floorNames = ['lit', 'marked', 'dompurify', 'i18next'];
const floor = floorNames.reduce((sum, n) => ({ min: sum.min + deps[n].min, gzip: sum.gzip + deps[n].gzip, brotli: sum.brotli + deps[n].brotli }), { min: 0, gzip: 0, brotli: 0 });
// All four in one bundle (shared helpers compress together): the real floor of a single file.
const together = sizes(await buildAlone(floorNames.map((n, i) => ENTRIES[n].replace(/window\.x =/g, `window.x${i} =`)).join('\n')));
const bundle = sizes(fs.readFileSync(bundlePath, 'utf8'));

// The split script tag as a page gets it: what the first paint waits for, then the rest.
const fileSizes = (rel) => sizes(fs.readFileSync(path.join(root, rel)));
const add = (a, b) => ({ min: a.min + b.min, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli });
const criticalFiles = ['dist/help-article.js', 'dist/chunks/core.js', 'dist/chunks/parser.js'];
const laterFiles = fs
  .readdirSync(path.join(root, 'dist/chunks'))
  .filter((f) => f.endsWith('.js') && !criticalFiles.includes(`dist/chunks/${f}`))
  .map((f) => `dist/chunks/${f}`);
const critical = criticalFiles.map(fileSizes).reduce(add);
// A page with a prerendered article: the takeover code instead of marked and DOMPurify.
const prerenderedPath = ['dist/help-article.js', 'dist/chunks/core.js', 'dist/chunks/hydrate.js'].map(fileSizes).reduce(add);
const later = laterFiles.map((f) => [f, fileSizes(f)]);
const splitTotal = later.map(([, s]) => s).reduce(add, critical);

// What is inside the bundle: esbuild's view of src/define.ts built like the script-tag bundle
// (production conditions, DEV_MODE false), by input module and by package.
const devOff = {
  name: 'dev-off',
  setup(build) {
    build.onLoad({ filter: /src[\\/]internal[\\/]dev\.ts$/ }, async (a) => ({
      contents: fs.readFileSync(a.path, 'utf8').replace('export const DEV_MODE = true;', 'export const DEV_MODE = false;'),
      loader: 'ts',
    }));
  },
};
// src/define.ts built like the script-tag bundle, with extra esbuild plugins.
const buildDefine = (plugins, extra = {}) =>
  esbuild.build({
    entryPoints: [path.join(root, 'src/define.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    conditions: ['production'],
    tsconfig: path.join(root, 'tsconfig.json'),
    write: false,
    outdir: path.join(root, 'bench/.cache/weight'),
    plugins: [devOff, ...plugins],
    logLevel: 'silent',
    ...extra,
  });
const jsSizes = (result) => sizes(result.outputFiles.find((f) => f.path.endsWith('.js')).text);
const analysed = await buildDefine([], { metafile: true });
// What splitting the script-tag bundle would save: the same build with the feedback control (and
// then the share bar too) replaced by an empty element, as if each were loaded from a file of its own.
const stubbed = (files) => ({
  name: 'stub',
  setup(build) {
    build.onLoad({ filter: /src[\\/](feedback[\\/]help-feedback|share[\\/]help-share)\.ts$/ }, (a) => {
      const name = /help-feedback/.test(a.path) ? 'feedback' : 'share';
      if (!files.includes(name)) return undefined;
      const exports = name === 'feedback'
        ? 'export class HelpFeedback extends HTMLElement {} export const isLowRating = () => false;'
        : 'export class HelpShare extends HTMLElement {} export const canShareNatively = () => false;';
      return { contents: exports, loader: 'js' };
    });
  },
});
const split = {
  all: jsSizes(analysed),
  noFeedback: jsSizes(await buildDefine([stubbed(['feedback'])])),
  noFeedbackShare: jsSizes(await buildDefine([stubbed(['feedback', 'share'])])),
};

const output = Object.values(analysed.metafile.outputs).find((o) => o.entryPoint);
const modules = Object.entries(output.inputs).map(([file, { bytesInOutput }]) => ({ file, bytes: bytesInOutput }));
const pkgOf = (file) => {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  return m ? m[1] : file.startsWith('src/') ? `src/${file.split('/')[1]}` : file;
};
const byPackage = new Map();
for (const m of modules) byPackage.set(pkgOf(m.file), (byPackage.get(pkgOf(m.file)) ?? 0) + m.bytes);
const esbuildTotal = analysed.outputFiles.find((f) => f.path.endsWith('.js')).contents.length;

const kb = (b) => (b / 1024).toFixed(1);
const row = (name, s) => `| ${name} | ${[s.min, s.gzip, s.brotli].map((b) => (Number.isNaN(b) ? '–' : kb(b))).join(' | ')} |`;
let commit = '';
try {
  commit = execSync('git rev-parse --short HEAD', { cwd: root }).toString().trim();
} catch {}
const pkg = (name) => JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
const lines = [
  '# Weight of the script-tag bundle, its dependencies and the alternatives',
  '',
  `- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, commit ${commit}; Node ${process.version}, esbuild ${esbuild.version}; ${os.cpus()[0]?.model ?? ''}`,
  '- Command: `npm run build && node bench/weight.mjs`',
  `- Versions: lit ${pkg('lit')}, marked ${pkg('marked')}, DOMPurify ${pkg('dompurify')}, i18next ${pkg('i18next')}, zero-md ${pkg('zero-md')}, md-block ${pkg('md-block')}`,
  '- Sizes in KB (1024 bytes): minified; gzip level 9; brotli quality 11 (node:zlib). Each dependency is bundled alone with esbuild (`--bundle --minify`, production conditions) from an entry that imports exactly what `src/` imports from it.',
  '',
  '## The split script tag (`<script src=".../dist/help-article.js">`)',
  '',
  '| what | min KB | gzip KB | brotli KB |',
  '|---|---:|---:|---:|',
  ...criticalFiles.map((f) => row(f, fileSizes(f))),
  row('**critical path** (loader, first chunk, marked and DOMPurify: what the first paint waits for)', critical),
  row('**a prerendered page before the takeover** (loader, first chunk, takeover code; marked and DOMPurify only when an article has to be built)', prerenderedPath),
  ...later.map(([f, s]) => row(f.endsWith('/hydrate.js') ? `${f} (pages with a prerendered article only, before the takeover)` : `${f} (after the first paint)`, s)),
  row('total of the split script tag', splitTotal),
  row('target for the critical path: 60 KB gzip', { min: NaN, gzip: 61440, brotli: NaN }),
  '',
  '## The single file and its parts',
  '',
  '| what | min KB | gzip KB | brotli KB |',
  '|---|---:|---:|---:|',
  row('**dist/help-article.single.js** (single-file bundle, rollup + terser)', bundle),
  ...floorNames.map((n) => row(`${n} alone`, deps[n])),
  row('sum of the four, each alone', floor),
  row('the four in one esbuild bundle (the floor)', together),
  row('widget code on top of the floor (bundle − floor)', { min: bundle.min - together.min, gzip: bundle.gzip - together.gzip, brotli: bundle.brotli - together.brotli }),
  row('zero-md (+ marked, marked-alert; no highlight/KaTeX/Mermaid, which it loads on demand)', deps['zero-md (+ marked, marked-alert)']),
  row('md-block (+ marked, DOMPurify)', deps['md-block (+ marked, DOMPurify)']),
  '',
  '## What a split would save (esbuild, same settings; the element replaced by an empty one)',
  '',
  '| what | min KB | gzip KB | brotli KB |',
  '|---|---:|---:|---:|',
  row('`src/define.ts`, everything', split.all),
  row('without the feedback control (`<help-feedback>` and its delivery code)', split.noFeedback),
  row('without the feedback control and the share bar', split.noFeedbackShare),
  row('the floor + 10 KB (the aim)', { min: together.min + 10240, gzip: together.gzip + 10240, brotli: together.brotli + 10240 }),
  '',
  `## What is inside (esbuild metafile of \`src/define.ts\`, production, minified: ${kb(esbuildTotal)} KB; bytes before compression)`,
  '',
  '| package / folder | min KB | share |',
  '|---|---:|---:|',
  ...[...byPackage].sort((a, b) => b[1] - a[1]).map(([name, bytes]) => `| ${name} | ${kb(bytes)} | ${((100 * bytes) / esbuildTotal).toFixed(0)} % |`),
  '',
  '| biggest modules | min KB |',
  '|---|---:|',
  ...modules.sort((a, b) => b.bytes - a.bytes).slice(0, 15).map((m) => `| ${m.file.replace(/^node_modules\//, '')} | ${kb(m.bytes)} |`),
  '',
];
fs.mkdirSync(path.dirname(args.out), { recursive: true });
fs.writeFileSync(args.out, lines.join('\n'));
console.log(lines.join('\n'));
