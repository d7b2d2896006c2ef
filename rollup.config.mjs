// Builds:
// - dist/help-article.js: the script-tag bundle (IIFE, everything inside, minified, production Lit);
// - dist/esm/: ES modules for bundlers, the four libraries external, dev-mode warnings stripped;
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
const external = (id) => /^(lit|@lit|marked|dompurify|i18next)(\/|$)/.test(id);
const esm = (dir, plugins) => ({
  input: { index: 'src/index.ts', define: 'src/define.ts', 'report/define': 'src/report/define.ts' },
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

export default [
  {
    input: 'src/define.ts',
    plugins: [production(), compactCss(), nodeResolve({ browser: true, exportConditions: ['production'] }), ts()],
    output: {
      file: 'dist/help-article.js',
      format: 'iife',
      name: 'HelpArticleWidget',
      sourcemap: true,
      plugins: [terser({ ecma: 2020, module: false, compress: { passes: 2 }, format: { comments: false, ascii_only: true } })],
    },
  },
  // The owner report (issue 9): a bundle of its own, never part of dist/help-article.js.
  {
    input: 'src/report/define.ts',
    plugins: [production(), compactCss(), nodeResolve({ browser: true, exportConditions: ['production'] }), ts()],
    output: {
      file: 'dist/help-feedback-report.js',
      format: 'iife',
      name: 'HelpFeedbackReport',
      sourcemap: true,
      plugins: [terser({ ecma: 2020, module: false, compress: { passes: 2 }, format: { comments: false, ascii_only: true } })],
    },
  },
  esm('dist/esm', [production(), compactCss()]),
  {
    input: {
      lit: 'lit',
      'lit-decorators': 'lit/decorators.js',
      marked: 'marked',
      dompurify: 'dompurify',
      i18next: 'i18next',
    },
    plugins: [nodeResolve({ browser: true, exportConditions: ['production'] })],
    output: { dir: 'dist/vendor', format: 'es', entryFileNames: '[name].js', plugins: [terser({ module: true, format: { ascii_only: true } })] },
  },
  esm('dist/esm-dev', []),
];
