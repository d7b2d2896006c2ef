import { isValidArticleId } from '../internal/article-id.js';

/**
 * A reader for the small front-matter subset articles use (`id`, `title`, `categories`,
 * `updated`, `lang`): `key: value` lines, inline `[a, b]` lists and `- item` block lists.
 * Deliberately not YAML: a full parser would triple the bundle for five keys.
 */

/** The front-matter fields the widget understands. */
export interface FrontMatter {
  id?: string;
  title?: string;
  categories?: string[];
  updated?: string;
  lang?: string;
}

/** A problem found in the front matter, with its 1-based line in the source file. */
export interface FrontMatterProblem {
  line: number;
  message: string;
}

/** What `readFrontMatter` returns: the fields, the markdown after the block, and problems. */
export interface FrontMatterResult {
  data: FrontMatter;
  body: string;
  /** Number of source lines before `body` starts (for line numbers in messages). */
  bodyLine: number;
  problems: FrontMatterProblem[];
}

const KNOWN = new Set(['id', 'title', 'categories', 'updated', 'lang']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const LANG = /^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/;

function unquote(value: string): string {
  const v = value.trim();
  if (v.length >= 2 && ((v[0] === '"' && v.endsWith('"')) || (v[0] === "'" && v.endsWith("'")))) {
    return v.slice(1, -1);
  }
  return v;
}

function inlineList(value: string): string[] {
  // Commas inside quotes belong to the item: [A, "B, C"] → A | B, C
  const items: string[] = [];
  for (const m of value.slice(1, -1).matchAll(/\s*("[^"]*"|'[^']*'|[^,]*)\s*(?:,|$)/g)) items.push(unquote(m[1]));
  return items.filter((item) => item.length > 0);
}

// A front-matter block opens with a `key:` line; anything else after a leading `---` is markdown
// (a thematic break, or the underline of a setext heading) and is rendered as written.
const KEY_LINE = /^[A-Za-z_][\w-]*[ \t]*:(?:[ \t]|$)/;
const NOT_FRONT_MATTER = 'front matter not read: the article starts with --- but no "key: value" line follows, so it is shown as markdown (a rule or a heading)';

/**
 * Splits an optional leading `---` block off `source` and reads it. A block counts as front matter
 * only when its first line is `key: value`; otherwise the source is all markdown. Never throws.
 */
export function readFrontMatter(source: string): FrontMatterResult {
  const text = source.replace(/^\uFEFF/, '');
  const empty: FrontMatterResult = { data: {}, body: text, bodyLine: 0, problems: [] };
  if (!/^---[ \t]*\r?\n/.test(text)) return empty;

  // Only the block is split into lines: the body may be megabytes.
  const first = text.indexOf('\n') + 1;
  const next = text.indexOf('\n', first);
  const firstLine = text.slice(first, next < 0 ? undefined : next).replace(/\r$/, '');
  if (!KEY_LINE.test(firstLine)) return { ...empty, problems: [{ line: 1, message: NOT_FRONT_MATTER }] };
  const end = /^---\r?$/m.exec(text.slice(first)) ?? /^(?:---|\.\.\.)[ \t]*\r?$/m.exec(text.slice(first));
  if (!end) {
    return { ...empty, problems: [{ line: 1, message: 'front matter is not closed with ---: the article is shown as written' }] };
  }
  const lines = text.slice(0, first + end.index).split(/\r?\n/);
  const close = lines.length - 1;
  const after = first + end.index + end[0].length;

  const data: FrontMatter = {};
  const problems: FrontMatterProblem[] = [];
  let listKey: 'categories' | undefined;

  for (let i = 1; i < close; i++) {
    const line = lines[i];
    const lineNo = i + 1;
    if (/^\s*(#.*)?$/.test(line)) continue;

    const item = /^\s+-\s+(.*)$/.exec(line) ?? /^-\s+(.*)$/.exec(line);
    if (item) {
      if (listKey) {
        const value = unquote(item[1]);
        if (value) (data[listKey] ??= []).push(value);
      } else {
        problems.push({ line: lineNo, message: 'list item without a list key above it' });
      }
      continue;
    }

    const pair = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!pair) {
      problems.push({ line: lineNo, message: `cannot read "${line.trim().slice(0, 40)}" (expected key: value)` });
      listKey = undefined;
      continue;
    }
    const key = pair[1];
    const raw = pair[2].replace(/\s+#.*$/, '').trim();
    listKey = undefined;
    if (!KNOWN.has(key)) {
      problems.push({ line: lineNo, message: `unknown key "${key}"` });
      continue;
    }
    if (key === 'categories') {
      if (raw === '') {
        listKey = 'categories';
        data.categories = [];
      } else if (raw.startsWith('[')) {
        if (!raw.endsWith(']')) problems.push({ line: lineNo, message: '"categories" list is not closed with ]' });
        data.categories = inlineList(raw.endsWith(']') ? raw : `${raw}]`);
      } else {
        data.categories = raw.split(',').map(unquote).filter(Boolean);
      }
      continue;
    }
    const quote = /^["']/.exec(raw)?.[0];
    if (quote && (raw.length < 2 || !raw.endsWith(quote))) {
      problems.push({ line: lineNo, message: `"${key}" has a ${quote} that is not closed` });
    }
    const value = quote && !raw.endsWith(quote) ? raw.slice(1).trim() : unquote(raw);
    if (!value) {
      problems.push({ line: lineNo, message: `"${key}" is empty` });
    } else if (key === 'updated' && !(ISO_DATE.test(value) && !Number.isNaN(Date.parse(value)))) {
      problems.push({ line: lineNo, message: `"updated" is not an ISO date (YYYY-MM-DD): "${value}"` });
    } else if (key === 'lang' && !LANG.test(value)) {
      problems.push({ line: lineNo, message: `"lang" is not a language tag: "${value}"` });
    } else if (key === 'id' && !isValidArticleId(value)) {
      problems.push({ line: lineNo, message: `"id" may only hold A–Z, a–z, 0–9, ".", "_", "~" and "-": "${value}"` });
    } else {
      (data as Record<string, string>)[key] = value;
    }
  }

  return { data, body: text.slice(text[after] === '\n' ? after + 1 : after), bodyLine: close + 1, problems };
}
