// custom-elements.json describes the published package: its module paths point at the ES build
// (`dist/esm/…js`), which ships, not at `src/…ts`, which does not.
import { posix } from 'node:path';

const toBuild = (value) => value.replace(/^(?:\.?\/)?src\/(.*)\.[jt]s$/, 'dist/esm/$1.js');

// Re-exports name their module relative to the re-exporting file (`./article/help-article.js` in
// src/index.ts): made relative to the package first, like every other path.
function resolveRelative(module) {
  const dir = posix.dirname(module.path);
  for (const entry of module.exports ?? []) {
    const target = entry.declaration?.module;
    if (typeof target === 'string' && target.startsWith('.')) {
      entry.declaration.module = posix.normalize(posix.join(dir, target)).replace(/\.js$/, '.ts');
    }
  }
}

function rewritePaths(node) {
  if (Array.isArray(node)) return node.forEach(rewritePaths);
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if ((key === 'path' || key === 'module') && typeof value === 'string') node[key] = toBuild(value);
    else rewritePaths(value);
  }
}

export default {
  globs: ['src/**/*.ts'],
  // The script-tag loader and its first chunk are not modules of the ES build.
  exclude: ['src/script-tag/**'],
  litelement: true,
  plugins: [
    {
      name: 'paths-into-the-package',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.forEach(resolveRelative);
        rewritePaths(customElementsManifest.modules);
      },
    },
  ],
};
