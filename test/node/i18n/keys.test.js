// Every label key the code asks for exists in every built-in language, and every label a language
// holds is asked for somewhere: no missing labels, no dead ones. Keys are read from the source as
// the code writes them: 'ns:key' literals, `ns:prefix.${…}` templates and getResource(…, 'ns', 'key').
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSrc } from '../../../scripts/lib/load-src.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const NAMESPACES = ['article', 'categories', 'feedback', 'share', 'report'];
const PLURAL = /_(?:zero|one|two|few|many|other)$/;

function sources(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    // The label files themselves are not code that asks for labels.
    if (entry.isDirectory()) return /[\\/]i18n$/.test(dir) && ['de', 'en'].includes(entry.name) ? [] : sources(file);
    return file.endsWith('.ts') ? [fs.readFileSync(file, 'utf8')] : [];
  });
}

/** `{a: {b: 'x'}}` → `['ns:a.b']`, plural suffixes folded into their key. */
function keysOf(tree, ns, prefix = '') {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${ns}:${prefix}${key.replace(PLURAL, '')}`] : keysOf(value, ns, `${prefix}${key}.`),
  );
}

const ns = NAMESPACES.join('|');
const code = sources(path.join(ROOT, 'src')).join('\n');
const literals = new Set([...code.matchAll(new RegExp(`['"]((?:${ns}):[\\w.-]+)['"]`, 'g'))].map((m) => m[1]));
for (const m of code.matchAll(new RegExp(`getResource\\([^,]+,\\s*'(${ns})',\\s*'([\\w.-]+)'\\)`, 'g'))) literals.add(`${m[1]}:${m[2]}`);
const prefixes = new Set([...code.matchAll(new RegExp('`((?:' + ns + '):[\\w.-]*)\\$\\{', 'g'))].map((m) => m[1]));

// The report's labels are registered by the report itself (src/report/labels.ts), not in de/index.ts.
const { de, en, deReport, enReport } = await loadSrc();
const languages = { de: { ...de, report: deReport }, en: { ...en, report: enReport } };

test('the code asks for labels (the scan finds them)', () => {
  assert.ok(literals.size > 30, `found ${literals.size} literal keys`);
  assert.ok(prefixes.size >= 4, `found ${[...prefixes].join(', ')}`);
});

for (const [lang, labels] of Object.entries(languages)) {
  const keys = new Set(NAMESPACES.flatMap((n) => keysOf(labels[n] ?? {}, n)));

  test(`${lang}: every key the code uses exists`, () => {
    const missing = [...literals].filter((key) => !keys.has(key));
    assert.deepEqual(missing, [], `missing in ${lang}`);
    for (const prefix of prefixes) {
      assert.ok([...keys].some((key) => key.startsWith(prefix)), `${lang} has no label under ${prefix}…`);
    }
  });

  test(`${lang}: every label is used by the code`, () => {
    const dead = [...keys].filter((key) => !literals.has(key) && ![...prefixes].some((prefix) => key.startsWith(prefix)));
    assert.deepEqual(dead, [], `labels of ${lang} no code asks for`);
  });
}
