#!/usr/bin/env node
// Prerenders every article of content/ into dist/articles/<id>.<lang>.html (part of `npm run
// build`): whole pages that `npm start`'s help site serves, readable with JavaScript off, with the
// script tag for sections, deep links, share and feedback.
//
//   node scripts/prerender.mjs [content-dir] [--out dist/articles]
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { renderArticle } from '../ssr/render-article.js';
import { articlePage } from '../ssr/page.js';
import { buildIndex } from './content-index.mjs';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { out: { type: 'string', default: 'dist/articles' } } });
const dir = positionals[0] ?? 'content';
fs.mkdirSync(values.out, { recursive: true });
const index = await buildIndex(dir);
// The URL `npm start` prints and serves at (README): a page served at another origin (`localhost`
// is one) renders its article afresh instead of taking it over.
const site = process.env.SITE_URL ?? `http://127.0.0.1:${process.env.PORT ?? 8000}`;
for (const entry of index) {
  const markdown = fs.readFileSync(path.join(dir, path.basename(entry.path)), 'utf8');
  const article = await renderArticle(markdown, {
    src: entry.path,
    // The page's own URL (links, images, share links).
    url: `${site}/dist/articles/${entry.id}.${entry.lang}.html`,
    lang: entry.lang,
    articleId: entry.id,
    feedbackEndpoint: '/api/feedback',
    categoryHref: `/?category={slug}&lang=${entry.lang}`,
    articleHref: `/dist/articles/{id}.{lang}.html`,
    homeHref: `/?lang=${entry.lang}`,
  });
  const head = '<link rel="icon" href="/demo/favicon.svg" type="image/svg+xml">\n<link rel="stylesheet" href="/demo/site.css">\n';
  const page = articlePage(`<main id="main" class="prerendered">\n${article}\n</main>`, { title: `${entry.title} – Belbo`, lang: entry.lang, script: '/dist/help-article.js', head });
  fs.writeFileSync(path.join(values.out, `${entry.id}.${entry.lang}.html`), page);
}
console.log(`${values.out}: ${index.length} articles prerendered`);
