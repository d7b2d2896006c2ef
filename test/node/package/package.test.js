// The published shape of the package, checked against the build (`npm run build` runs first in npm test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

test('every exports target exists after the build', () => {
  const targets = Object.values(pkg.exports).flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t)));
  for (const target of targets) assert.ok(existsSync(target), `missing ${target}`);
});

test('custom-elements.json describes the four tags with their attributes and events', () => {
  const manifest = JSON.parse(readFileSync(pkg.customElements, 'utf8'));
  const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName);
  const byTag = Object.fromEntries(elements.map((d) => [d.tagName, d]));
  assert.deepEqual(Object.keys(byTag).sort(), ['help-article', 'help-categories', 'help-feedback', 'help-share']);
  const article = byTag['help-article'];
  for (const name of ['src', 'article-id', 'categories', 'collapsed', 'lang', 'category-href', 'feedback-endpoint', 'share']) {
    assert.ok(article.attributes.some((a) => a.name === name), `attribute ${name} is documented`);
  }
  assert.deepEqual(article.events.map((e) => e.name).sort(), ['help-article-error', 'help-article-load', 'help-article-toggle', 'help-section-toggle']);
  // Module paths point into the package (dist/), which ships; src/ does not.
  for (const module of manifest.modules) assert.match(module.path, /^dist\/esm\/.+\.js$/, module.path);
  for (const module of manifest.modules.filter((m) => m.declarations?.length)) assert.ok(existsSync(module.path), `${module.path} exists`);
  // Re-exports (index.js) and superclasses name the module they come from: a file of the package too.
  const references = manifest.modules.flatMap((m) => [...(m.exports ?? []), ...(m.declarations ?? []).map((d) => d.superclass ?? {})]);
  for (const ref of references.map((r) => r.declaration ?? r).filter((r) => r.module)) {
    assert.match(ref.module, /^dist\/esm\/.+\.js$/, ref.module);
    // A module of types only (i18n/translation) has no JavaScript, only its declarations.
    const types = ref.module.replace(/^dist\/esm\/(.*)\.js$/, 'dist/types/src/$1.d.ts');
    assert.ok(existsSync(ref.module) || existsSync(types), `${ref.module} (or ${types}) exists`);
  }
});

test('the ES build keeps dependencies external and the script-tag builds have none', () => {
  const esm = readFileSync('dist/esm/pipeline/index.js', 'utf8') + readFileSync('dist/esm/pipeline/markdown.js', 'utf8');
  assert.match(esm, /from ['"]marked['"]/);
  const single = readFileSync('dist/help-article.single.js', 'utf8');
  assert.doesNotMatch(single, /\bimport\s*[{(*'"]|\brequire\(/, 'the single file imports nothing');
  // The loader imports two things beside it: its first chunk and, beside it, marked and DOMPurify.
  const loader = readFileSync('dist/help-article.js', 'utf8');
  assert.deepEqual(loader.match(/\bimport\s*[{(*'"]|\brequire\(/g), ['import(', 'import(']);
  assert.match(loader, /"chunks\/core\.js"/);
  assert.match(loader, /"chunks\/parser\.js"/);
  const chunks = readdirSync('dist/chunks').filter((f) => f.endsWith('.js'));
  for (const code of [single, loader, ...chunks.map((f) => readFileSync(`dist/chunks/${f}`, 'utf8'))]) {
    assert.doesNotMatch(code, /Lit is in dev mode/, 'the script tag uses production Lit');
    assert.doesNotMatch(code, /help-article-widget\] /, 'dev-mode warnings are stripped');
    assert.doesNotMatch(code, /from\s*['"](lit|marked|dompurify|i18next)/, 'no bare import is left');
  }
  // The share bar and the feedback control are chunks of their own, off the first file.
  const core = readFileSync('dist/chunks/core.js', 'utf8');
  assert.ok(chunks.some((f) => f.startsWith('help-share-')) && chunks.some((f) => f.startsWith('help-feedback-')), chunks.join());
  assert.doesNotMatch(core, /customElements\.define\("help-feedback"|feedback-endpoint.*help-feedback-send/);
  // marked and DOMPurify are in parser.js, not in core.js (a prerendered article is taken over without them).
  const parser = readFileSync('dist/chunks/parser.js', 'utf8');
  for (const [name, marker] of [['marked', /Unexpected end of input|lheading/], ['DOMPurify', /ALLOWED_TAGS/]]) {
    assert.match(parser, marker, `${name} is in parser.js`);
    assert.doesNotMatch(core, marker, `${name} is not in core.js`);
  }
});

test('the types declare the elements for TypeScript users', () => {
  const types = readFileSync('dist/types/src/article/help-article.d.ts', 'utf8');
  assert.match(types, /'help-article': HelpArticle/);
  assert.match(types, /'help-article-load': CustomEvent<ArticleLoadDetail>/);
});
