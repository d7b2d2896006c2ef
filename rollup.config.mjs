// Builds three outputs:
// - dist/help-article.js: the script-tag bundle (IIFE, everything inside, minified, production Lit);
// - dist/esm/: ES modules for bundlers, dependencies external, dev-mode warnings stripped;
// - dist/esm-dev/: the same with dev-mode warnings (picked by the `development` export condition);
// - dist/vendor/: the ES build's dependencies as browser modules, for pages that use an import map
//   instead of a bundler (the admin demo).
import { nodeResolve } from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

const ts = () => esbuild({ tsconfig: 'tsconfig.json', target: 'es2022', include: /\.ts$/ });
const production = () =>
  replace({ preventAssignment: false, delimiters: ['', ''], values: { 'export const DEV_MODE = true;': 'export const DEV_MODE = false;' } });
// Lit's css`` templates ship as written; in the production builds their comments and
// indentation go (about 4 KB minified). Spaces before ':' stay: they matter in selectors.
const compactCss = () => ({
  name: 'compact-css',
  transform(code, id) {
    if (!/\.styles\.ts$|[\\/]styles[\\/]tokens\.ts$/.test(id)) return null;
    const compacted = code.replace(/css`([^`]*)`/g, (_, text) => {
      const css = text
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\s+/g, ' ')
        .replace(/\s*([{};,>])\s*/g, '$1')
        .replace(/:\s+/g, ':')
        .trim();
      return `css\`${css}\``;
    });
    return { code: compacted, map: null };
  },
});
const external = (id) => /^(lit|@lit|marked|dompurify|i18next)(\/|$)/.test(id);
const esm = (dir, plugins) => ({
  input: { index: 'src/index.ts', define: 'src/define.ts' },
  external,
  plugins: [...plugins, ts()],
  output: { dir, format: 'es', preserveModules: true, preserveModulesRoot: 'src', sourcemap: true },
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
      plugins: [terser({ ecma: 2020, module: false, compress: { passes: 2 }, format: { comments: false } })],
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
    output: { dir: 'dist/vendor', format: 'es', entryFileNames: '[name].js', plugins: [terser({ module: true })] },
  },
  esm('dist/esm-dev', []),
];
