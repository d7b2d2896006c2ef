/**
 * The content scripts read articles with the widget's own modules, so the help team's check
 * and the widget can never disagree about front matter or section ids. esbuild bundles the
 * TypeScript sources in memory; nothing is written to disk.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { Marked } from 'marked';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const ENTRY = `
export { readFrontMatter } from './src/pipeline/front-matter.ts';
export { slugify, Slugger } from './src/internal/slug.ts';
export { default as de } from './src/i18n/de/index.ts';
export { default as en } from './src/i18n/en/index.ts';
export { default as deReport } from './src/i18n/de/report.ts';
export { default as enReport } from './src/i18n/en/report.ts';
`;

let loading;

/** Bundles `src/pipeline/front-matter.ts` and `src/internal/slug.ts` once and imports the result. */
export function loadSrc() {
  loading ??= (async () => {
    const result = await build({
      stdin: { contents: ENTRY, resolveDir: ROOT, sourcefile: 'content-scripts-entry.ts', loader: 'ts' },
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      logLevel: 'silent',
    });
    const code = Buffer.from(result.outputFiles[0].contents).toString('base64');
    return import(`data:text/javascript;base64,${code}`);
  })();
  return loading;
}

/** The plain text of inline tokens, as a reader sees it (and as the widget slugs it). */
export function plainText(tokens = []) {
  return tokens
    .map((t) => (t.tokens ? plainText(t.tokens) : t.type === 'br' ? ' ' : (t.text ?? '')))
    .join('');
}

// Nested block tokens (blockquote contents, list item contents) keep their lines one to one
// with the source, so a container's first line plus the newlines before a child is its line.
function annotateLines(tokens, firstLine) {
  let line = firstLine;
  for (const token of tokens) {
    token.line = line;
    if (token.type === 'blockquote' && token.tokens) annotateLines(token.tokens, line);
    if (token.type === 'list') {
      let itemLine = line;
      for (const item of token.items) {
        item.line = itemLine;
        annotateLines(item.tokens ?? [], itemLine);
        itemLine += countNewlines(item.raw);
      }
    }
    line += countNewlines(token.raw ?? '');
  }
}

function countNewlines(text) {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n += 1;
  return n;
}

/**
 * Reads one article file: front matter (with the widget's reader), the body's block tokens
 * (each with its 1-based `line` in the file) and the top-level headings with the ids the
 * widget gives them.
 */
export async function parseArticle(source, lang = 'de') {
  const { readFrontMatter, slugify, Slugger, ...labels } = await loadSrc();
  const normalized = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const frontMatter = readFrontMatter(normalized);
  // Read as front matter (a block that opens with `key:` and is closed), not just a leading ---.
  const hasFrontMatter = frontMatter.bodyLine > 0;
  const tokens = new Marked({ gfm: true }).lexer(frontMatter.body);
  annotateLines(tokens, frontMatter.bodyLine + 1);

  // The id of an empty heading is a word in the article's language, as in the widget.
  const slugger = new Slugger((labels[frontMatter.data.lang ?? lang] ?? labels.de).article.emptyHeadingId);
  const headings = tokens
    .filter((t) => t.type === 'heading')
    .map((t) => {
      const text = plainText(t.tokens).trim();
      return { level: t.depth, text, line: t.line, base: slugify(text), id: slugger.slug(text), token: t };
    });

  const sections = headings.filter((h) => h.level === 2).map((h) => ({ id: h.id, title: h.text }));
  return { source: normalized, frontMatter, hasFrontMatter, tokens, headings, sections };
}
