#!/usr/bin/env node
/**
 * Writes the article index the demo site lists articles from:
 * `node scripts/content-index.mjs [dir] [--out file]` (defaults `content`, `dist/content-index.json`).
 * Entries are `{ id, lang, title, categories, updated, path, sections: [{ id, title }] }`,
 * sorted by language, then title. Section ids are the ones the widget gives the `##` headings.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArticle } from './lib/load-src.mjs';

const FILE_NAME = /^(.+)\.([a-z]{2})\.md$/;

/** Reads every `<id>.<lang>.md` in `dir` and returns the sorted index entries. */
export async function buildIndex(dir) {
  const entries = [];
  for (const name of readdirSync(dir).sort()) {
    const match = FILE_NAME.exec(name);
    if (!match) continue;
    const { frontMatter, sections } = await parseArticle(readFileSync(join(dir, name), 'utf8'), match[2]);
    const data = frontMatter.data;
    entries.push({
      id: data.id ?? match[1],
      lang: data.lang ?? match[2],
      title: data.title ?? match[1],
      categories: data.categories ?? [],
      updated: data.updated ?? null,
      path: `/${basename(dir)}/${name}`,
      sections,
    });
  }
  return entries.sort((a, b) => a.lang.localeCompare(b.lang) || a.title.localeCompare(b.title, a.lang));
}

async function main(argv) {
  const outFlag = argv.indexOf('--out');
  const out = outFlag >= 0 ? argv[outFlag + 1] : 'dist/content-index.json';
  const rest = outFlag >= 0 ? [...argv.slice(0, outFlag), ...argv.slice(outFlag + 2)] : argv;
  const [dir = 'content'] = rest;
  if (!out) {
    console.error('content-index: --out needs a file name');
    return 2;
  }
  const entries = await buildIndex(dir);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(entries, null, 2)}\n`);
  console.log(`${out}: ${entries.length} articles`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
