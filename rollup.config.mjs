// Builds:
// - dist/help-article.js + dist/chunks/: the script tag, split (a classic loader and ES chunks, production Lit);
// - dist/help-article.single.js: the script tag as one file (IIFE, everything inside);
// - dist/esm/: ES modules for bundlers, the four libraries (and the optional @lit-labs/ssr-client of
//   help-article-widget/hydrate) external, dev-mode warnings stripped;
// - dist/esm-dev/: the same with dev-mode warnings (picked by the `development` export condition);
// - dist/vendor/: the ES build's libraries as browser modules, for pages that use an import map
//   instead of a bundler (the admin demo).
// The feedback wire contract (server/contract.js, part of the collector package) is bundled into
// every build: the widget package never depends on the collector at run time.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import minifyLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import esbuild from 'rollup-plugin-esbuild';

const ts = () => esbuild({ tsconfig: 'tsconfig.json', target: 'es2022', include: /\.ts$/ });
const production = () =>
  replace({ preventAssignment: false, delimiters: ['', ''], values: { 'export const DEV_MODE = true;': 'export const DEV_MODE = false;' } });
// Lit's css`` templates ship as written; lightningcss drops their comments and indentation.
// html`` templates stay as written, so a server render and the browser's see the same strings.
const compactCss = () =>
  minifyLiterals({ include: ['src/**/*.ts'], failOnError: true, options: { shouldMinify: () => false } });
const external = (id) => /^(lit|@lit|@lit-labs\/ssr-client|marked|dompurify|i18next)(\/|$)/.test(id);
const esm = (dir, plugins) => ({
  // article/embedded-markdown: its writing half is the server render's only (ssr/render-article.js),
  // so it is an entry of its own, or tree-shaking would drop it.
  input: { index: 'src/index.ts', define: 'src/define.ts', hydrate: 'src/hydrate.ts', 'report/define': 'src/report/define.ts', 'article/embedded-markdown': 'src/article/embedded-markdown.ts' },
  external,
  plugins: [...plugins, ts()],
  output: {
    dir,
    format: 'es',
    preserveModules: true,
    preserveModulesRoot: 'src',
    sourcemap: true,
    // The contract lives in the collector's folder; in the build it is one module of the widget's own.
    entryFileNames: (chunk) =>
      chunk.facadeModuleId?.endsWith('/server/contract.js') ? 'contract.js' : chunk.facadeModuleId?.endsWith('/server/csv.js') ? 'csv.js' : '[name].js',
  },
});

const minify = () => terser({ ecma: 2020, module: false, compress: { passes: 2 }, format: { comments: false, ascii_only: true } });
const scriptTagPlugins = () => [production(), compactCss(), nodeResolve({ browser: true, exportConditions: ['production'] }), ts()];

// The script tag, split (issue 10): dist/help-article.js is a small classic loader; it imports
// dist/chunks/core.js and dist/chunks/parser.js (marked, DOMPurify) (what the first paint needs),
// which import the share bar and feedback control chunks after the article is on screen; a page
// with a prerendered article loads dist/chunks/hydrate.js instead of parser.js.
const scriptTagLoader = {
  input: 'src/script-tag/loader.ts',
  plugins: scriptTagPlugins(),
  output: { file: 'dist/help-article.js', format: 'iife', sourcemap: true, plugins: [minify()] },
};
const scriptTagChunks = {
  input: { core: 'src/script-tag/core.ts' },
  plugins: scriptTagPlugins(),
  // No facade chunk: core.js is the entry and holds the code the later chunks share.
  preserveEntrySignatures: 'allow-extension',
  output: {
    dir: 'dist/chunks',
    format: 'es',
    sourcemap: true,
    entryFileNames: '[name].js',
    // hydrate.js and parser.js keep their names: pages that prerender preload hydrate.js
    // (ssr/page.js), and the loader asks for parser.js beside core.js.
    chunkFileNames: (chunk) => (chunk.name === 'hydrate' || chunk.name === 'parser' ? '[name].js' : '[name]-[hash].js'),
    plugins: [terser({ ecma: 2020, module: true, compress: { passes: 2 }, format: { comments: false, ascii_only: true } })],
  },
};
// The single file for hosts that need exactly one (everything inside, one classic script).
const scriptTagSingle = {
  input: 'src/define.ts',
  plugins: scriptTagPlugins(),
  output: {
    file: 'dist/help-article.single.js',
    format: 'iife',
    name: 'HelpArticleWidget',
    sourcemap: true,
    inlineDynamicImports: true,
    plugins: [minify()],
  },
};

export default [
  scriptTagLoader,
  scriptTagChunks,
  scriptTagSingle,
  // The owner report (issue 9): a bundle of its own, never part of the reader's script tag.
  {
    input: 'src/report/define.ts',
    plugins: [production(), compactCss(), nodeResolve({ browser: true, exportConditions: ['production'] }), ts()],
    output: {
      file: 'dist/help-feedback-report.js',
      format: 'iife',
      name: 'HelpFeedbackReport',
      sourcemap: true,
      plugins: [minify()],
    },
  },
  esm('dist/esm', [production(), compactCss()]),
  {
    input: {
      lit: 'lit',
      'lit-decorators': 'lit/decorators.js',
      'lit-unsafe-html': 'lit/directives/unsafe-html.js',
      marked: 'marked',
      dompurify: 'dompurify',
      i18next: 'i18next',
    },
    plugins: [nodeResolve({ browser: true, exportConditions: ['production'] })],
    output: { dir: 'dist/vendor', format: 'es', entryFileNames: '[name].js', plugins: [terser({ module: true, format: { ascii_only: true } })] },
  },
  esm('dist/esm-dev', []),
];
