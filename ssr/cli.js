#!/usr/bin/env node
// help-article-render: a markdown article to prerendered HTML (a snippet to paste, or a page).
//
//   help-article-render article.de.md [--page] [--script /assets/help-article.js] [--url https://help.example.com/hilfe/x]
//     [--src /content/article.de.md] [--lang de] [--collapsed] [--feedback-endpoint URL] [--feedback-summary] [--share "email copy"]
//     [--category-href /kategorie/{slug}] [--article-href /hilfe/{id}] [--home-href /hilfe/] [--out file.html]
//
// Re-run it when the article changes: the markup holds the article's text.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { renderArticle } from './render-article.js';
import { articlePage } from './page.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    page: { type: 'boolean' },
    script: { type: 'string' },
    url: { type: 'string' },
    src: { type: 'string' },
    lang: { type: 'string' },
    collapsed: { type: 'boolean' },
    'feedback-endpoint': { type: 'string' },
    share: { type: 'string' },
    'category-href': { type: 'string' },
    'article-href': { type: 'string' },
    'home-href': { type: 'string' },
    'feedback-summary': { type: 'boolean' },
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help || positionals.length !== 1) {
  console.error('usage: help-article-render <article.md> [--page] [--script URL] [--url URL] [--src URL] [--lang de] [--collapsed] [--feedback-endpoint URL] [--feedback-summary] [--share targets] [--category-href T] [--article-href T] [--home-href URL] [--out file]');
  process.exit(values.help ? 0 : 2);
}
const file = positionals[0];
const markdown = fs.readFileSync(file, 'utf8');
const article = await renderArticle(markdown, {
  url: values.url,
  src: values.src ?? file.split('/').pop(),
  lang: values.lang,
  collapsed: values.collapsed,
  feedbackEndpoint: values['feedback-endpoint'],
  feedbackSummary: values['feedback-summary'],
  share: values.share,
  categoryHref: values['category-href'],
  articleHref: values['article-href'],
  homeHref: values['home-href'],
});
const title = /^title:\s*(.+)$/m.exec(markdown)?.[1]?.replace(/^["']|["']$/g, '') ?? /^#\s+(.+)$/m.exec(markdown)?.[1] ?? '';
const lang = /<help-article[^>]*\slang="([^"]+)"/.exec(article)?.[1] ?? 'de';
const output = values.page ? articlePage(article, { title, lang, script: values.script }) : `${article}\n`;
if (values.out) fs.writeFileSync(values.out, output);
else process.stdout.write(output);
