// custom-elements.json describes the published package: its module paths point at the ES build
// (`dist/esm/…js`), which ships, not at `src/…ts`, which does not.
const toBuild = (value) => value.replace(/^(?:\.?\/)?src\/(.*)\.[jt]s$/, 'dist/esm/$1.js');

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
        rewritePaths(customElementsManifest.modules);
      },
    },
  ],
};
