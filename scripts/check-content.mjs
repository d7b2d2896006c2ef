#!/usr/bin/env node
/**
 * The help team's content check: `node scripts/check-content.mjs [dir…]` (default `content`).
 * Prints one `path:line: message` per problem and exits 1 when there is any; otherwise prints
 * a one-line summary and exits 0. Articles are `<id>.<lang>.md`, every id in every language.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArticle } from './lib/load-src.mjs';

/** The languages every article must exist in, with their names for messages. */
export const LANGUAGES = { de: 'German', en: 'English' };

const FILE_NAME = /^(.+)\.([a-z]{2})\.md$/;
const FRONT_MATTER_KEYS = ['id', 'title', 'categories', 'lang'];
// What may follow a line that announces something with ":" (a list, or a table, code, callout).
const ANNOUNCED = new Set(['list', 'table', 'code', 'blockquote']);

/** Checks the article folders and returns the problems found plus what was checked. */
export async function checkContent(dirs) {
  const problems = [];
  const ids = new Set();
  const langs = new Set();
  let files = 0;

  for (const dir of dirs) {
    const articles = await readFolder(dir, problems);
    files += articles.size;
    for (const article of articles.values()) {
      ids.add(article.id);
      langs.add(article.lang);
      const report = (line, message) => problems.push({ file: article.path, line, message });
      checkFrontMatter(article, report);
      checkAnnouncements(article.parsed.tokens, report);
      checkHeadings(article, report);
      checkLinks(article, articles, dir, report);
    }
    checkLanguages(articles, problems);
  }

  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { problems, articles: ids.size, languages: langs.size, files };
}

async function readFolder(dir, problems) {
  const articles = new Map();
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.md')) continue;
    const path = join(dir, name);
    if (!statSync(path).isFile()) continue;
    const match = FILE_NAME.exec(name);
    if (!match || !(match[2] in LANGUAGES)) {
      const langs = Object.keys(LANGUAGES).map((l) => `<id>.${l}.md`).join(' or ');
      problems.push({ file: path, line: 1, message: `file name must be ${langs}` });
      continue;
    }
    const [, id, lang] = match;
    const parsed = await parseArticle(readFileSync(path, 'utf8'), lang);
    articles.set(`${id}.${lang}`, { id, lang, name, path, parsed });
  }
  return articles;
}

/** 1-based line of `key:` inside the front matter block, or 1 when the key is absent. */
function keyLine(article, key) {
  const lines = article.parsed.source.split('\n').slice(0, article.parsed.frontMatter.bodyLine);
  const index = lines.findIndex((line) => new RegExp(`^${key}\\s*:`).test(line));
  return index >= 0 ? index + 1 : 1;
}

function checkFrontMatter(article, report) {
  const { frontMatter, hasFrontMatter } = article.parsed;
  const messages = frontMatter.problems.map((p) => [p.line, p.message.startsWith('front matter') ? p.message : `front matter: ${p.message}`]);
  if (!hasFrontMatter) {
    // A leading --- that is no front matter, or one never closed, says so; otherwise none is there.
    if (messages.length) for (const [line, message] of messages) report(line, message);
    else report(1, 'missing front matter (a --- block with id, title, categories, updated and lang)');
    return;
  }
  for (const [line, message] of messages) report(line, message);

  const { data } = frontMatter;
  for (const key of FRONT_MATTER_KEYS) {
    const value = data[key];
    if (value === undefined) {
      // A key that is there but whose value was rejected is already reported on its own line.
      if (keyLine(article, key) === 1) report(1, `front matter has no "${key}"`);
    } else if (Array.isArray(value) && value.length === 0) {
      report(keyLine(article, key), `"${key}" is empty`);
    }
  }
  if (data.id !== undefined && data.id !== article.id) {
    report(keyLine(article, 'id'), `id "${data.id}" does not match the file name (expected "${article.id}")`);
  }
  if (data.lang !== undefined && data.lang !== article.lang) {
    report(keyLine(article, 'lang'), `lang "${data.lang}" does not match the file name (expected "${article.lang}")`);
  }
}

/**
 * A line ending with ":" announces a list (or a table, code or a callout). When the scraped
 * seed lost its lists, exactly these lines were left dangling.
 */
function checkAnnouncements(tokens, report) {
  const blocks = tokens.filter((t) => t.type !== 'space');
  blocks.forEach((token, index) => {
    if (token.type === 'paragraph' || token.type === 'text') {
      const lines = token.raw.replace(/\n+$/, '').split('\n');
      lines.forEach((line, i) => {
        if (!line.trimEnd().endsWith(':')) return;
        const last = i === lines.length - 1;
        if (!last) {
          report(token.line + i, `"${excerpt(line)}" ends with ":" but running text follows: the list it announces is missing`);
        } else if (!announces(blocks[index + 1])) {
          const next = blocks[index + 1] ? `a ${describe(blocks[index + 1])}` : 'nothing';
          report(token.line + i, `"${excerpt(line)}" ends with ":" but ${next} follows: the list it announces is missing`);
        }
      });
    }
    if (token.type === 'blockquote') checkAnnouncements(token.tokens ?? [], report);
    if (token.type === 'list') for (const item of token.items) checkAnnouncements(item.tokens ?? [], report);
  });
}

function announces(next) {
  if (!next) return false;
  if (ANNOUNCED.has(next.type)) return true;
  // A paragraph holding nothing but an image (a screenshot introduced with ":") is fine too.
  return (
    next.type === 'paragraph' &&
    next.tokens.some((t) => t.type === 'image') &&
    next.tokens.every((t) => t.type === 'image' || (t.type === 'text' && !t.text.trim()) || t.type === 'br')
  );
}

function describe(token) {
  return { paragraph: 'paragraph', heading: 'heading', hr: 'rule', html: 'HTML block', text: 'text' }[token.type] ?? token.type;
}

function excerpt(line) {
  const text = line.trim();
  return text.length > 60 ? `…${text.slice(-59)}` : text;
}

function checkHeadings(article, report) {
  const { headings, tokens } = article.parsed;
  const blocks = tokens.filter((t) => t.type !== 'space');

  for (const heading of headings) {
    if (heading.level === 1) {
      report(heading.line, `"# ${heading.text}": the title comes from the front matter; sections start with ##`);
    }
    if (!/[\p{L}\p{N}]/u.test(heading.base)) {
      const id = heading.base === '' ? 'empty' : `"${heading.base}"`;
      report(heading.line, `heading "${heading.text}" has no letters or digits: its section id is ${id}`);
    } else if (heading.level === 2 && heading.id !== heading.base) {
      report(heading.line, `warning: duplicate heading "${heading.text}", its id becomes ${heading.id}`);
    }

    // Empty: nothing but blank lines until the next heading of the same or a higher level.
    const start = blocks.indexOf(heading.token);
    const next = blocks.slice(start + 1).find((t) => t.type !== 'heading' || t.depth <= heading.level);
    if (heading.level >= 2 && (!next || next.type === 'heading')) {
      const kind = heading.level === 2 ? 'section' : 'subsection';
      const between = blocks.slice(start + 1, next ? blocks.indexOf(next) : blocks.length);
      if (between.length === 0) report(heading.line, `${kind} "${heading.text}" is empty`);
    }
  }
}

/** Every link and image below `token`, in document order. */
function* inlineLinks(token) {
  if (!token || typeof token !== 'object') return;
  if (token.type === 'link' || token.type === 'image') yield token;
  for (const key of ['tokens', 'items', 'header', 'rows']) {
    const value = token[key];
    if (!Array.isArray(value)) continue;
    for (const child of value.flat()) yield* inlineLinks(child);
  }
}

function checkLinks(article, articles, dir, report) {
  const own = new Set(article.parsed.headings.map((h) => h.id));
  for (const block of article.parsed.tokens) {
    let cursor = 0;
    for (const link of inlineLinks(block)) {
      const at = block.raw.indexOf(link.raw, cursor);
      if (at >= 0) cursor = at + 1;
      const line = block.line + (at >= 0 ? block.raw.slice(0, at).split('\n').length - 1 : 0);
      const problem = checkLink(link, article, articles, own, dir);
      if (problem) report(line, problem);
    }
  }
}

function checkLink(link, article, articles, own, dir) {
  const isImage = link.type === 'image';
  if (isImage && !link.text.trim()) return `image "${link.href}" has no alt text`;
  const href = link.href ?? '';
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) return undefined;

  const hash = href.indexOf('#');
  const path = safeDecode(hash >= 0 ? href.slice(0, hash) : href);
  const fragment = hash >= 0 ? safeDecode(href.slice(hash + 1)) : undefined;

  if (path === '') {
    if (!own.has(fragment)) return `link to "#${fragment}": no heading in this article has that id`;
    return undefined;
  }

  if (!isImage && path.endsWith('.md')) {
    if (path.includes('/')) return `link "${href}": link other articles as <id>.md, without a folder`;
    const perLanguage = FILE_NAME.exec(path);
    if (perLanguage && perLanguage[2] in LANGUAGES && articles.has(`${perLanguage[1]}.${perLanguage[2]}`)) {
      return `link "${href}": write ${perLanguage[1]}.md, the widget picks the reader's language`;
    }
    const id = path.slice(0, -'.md'.length);
    const target = articles.get(`${id}.${article.lang}`);
    if (!target) return `link to missing article "${path}" (there is no ${id}.${article.lang}.md)`;
    if (fragment !== undefined && !target.parsed.headings.some((h) => h.id === fragment)) {
      return `link to missing section "${path}#${fragment}" (${id}.${article.lang}.md has no heading with that id)`;
    }
    return undefined;
  }

  if (!existsSync(join(dir, posix.normalize(path)))) {
    return isImage ? `image "${path}" not found` : `link target "${path}" not found`;
  }
  return undefined;
}

function safeDecode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function checkLanguages(articles, problems) {
  const byId = new Map();
  for (const article of articles.values()) {
    if (!byId.has(article.id)) byId.set(article.id, {});
    byId.get(article.id)[article.lang] = article;
  }
  const langs = Object.keys(LANGUAGES);
  for (const [id, versions] of byId) {
    const present = langs.filter((l) => versions[l]);
    for (const lang of langs) {
      if (versions[lang]) continue;
      const other = versions[present[0]];
      problems.push({ file: other.path, line: 1, message: `no ${LANGUAGES[lang]} version (${id}.${lang}.md is missing)` });
    }
    // Every front-matter id must equal its file name's id (checkFrontMatter), so the
    // versions of one article share their id; categories must correspond one to one.
    const [first, ...rest] = present.map((l) => versions[l]);
    for (const article of rest) {
      const a = first.parsed.frontMatter.data;
      const b = article.parsed.frontMatter.data;
      const countA = a.categories?.length ?? 0;
      const countB = b.categories?.length ?? 0;
      if (countA && countB && countA !== countB) {
        problems.push({
          file: article.path,
          line: keyLine(article, 'categories'),
          message: `${plural(countB, 'category', 'categories')} here, ${countA} in the ${LANGUAGES[first.lang]} version`,
        });
      }
    }
  }
}

function plural(n, word, words = `${word}s`) {
  return `${n} ${n === 1 ? word : words}`;
}

async function main(argv) {
  const dirs = argv.length ? argv : ['content'];
  for (const dir of dirs) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      console.error(`check-content: ${dir} is not a folder`);
      return 2;
    }
  }
  const { problems, articles, languages, files } = await checkContent(dirs);
  for (const p of problems) console.log(`${p.file}:${p.line}: ${p.message}`);
  if (problems.length) {
    const fileCount = new Set(problems.map((p) => p.file)).size;
    console.log(`${plural(problems.length, 'problem')} in ${plural(fileCount, 'file')}`);
    return 1;
  }
  console.log(`${plural(articles, 'article')} in ${plural(languages, 'language')} (${plural(files, 'file')}), no problems`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
