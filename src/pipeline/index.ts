import { readFrontMatter, type FrontMatter } from './front-matter.js';
import { boundMarkdown, splitChunks, LIMITS } from './limits.js';
import { markdownToHtml } from './markdown.js';
import { sanitizeHtml, SanitizerBlockedError, type LinkOptions } from './sanitize.js';
import { groupBlocks, SectionSplitter, type ArticleParts } from './sections.js';

/**
 * The article pipeline, values in and values out: markdown → front matter + bounded markdown →
 * HTML per group → sanitized fragment → intro and sections. No module state between calls.
 */
export { SanitizerBlockedError, LINK_SCHEMES, type LinkOptions } from './sanitize.js';
export { LIMITS } from './limits.js';

/** Everything the element needs to show one article. */
export interface ArticleModel extends ArticleParts {
  /** Front-matter fields as read (not yet merged with attributes). */
  meta: FrontMatter;
  /** Front-matter problems, for the dev-mode warning. */
  problems: string[];
  /** Set when part of the article is shown as plain text because it hit a limit. */
  degraded?: 'too-large' | 'too-complex' | 'blocked';
  /** The article was parsed in several groups (over chunkChars): lay out only what is on screen. */
  long?: boolean;
}

/** Options of one pipeline run. */
export interface PipelineOptions extends LinkOptions {
  /** Anchor id of a heading with no text to make one from (a word in the article's language). */
  emptyHeadingId?: string;
  /** Aborts a run that a newer source has made obsolete. */
  signal?: AbortSignal;
}

function plainText(text: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const pre = document.createElement('pre');
  pre.className = 'fallback';
  pre.textContent = text.length > LIMITS.maxFallbackChars ? `${text.slice(0, LIMITS.maxFallbackChars)} …` : text;
  fragment.append(pre);
  return fragment;
}

// Gives the page a turn between slices so a long article never blocks input or the host's own
// timers. A plain task, not scheduler.yield(): its continuation runs ahead of the page's queued
// tasks, so a host's timers and network callbacks waited for the whole article (4.8 s on 1 MB).
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

// Joins consecutive pieces while the group stays within chunkChars and piecesPerGroup (a larger
// piece stays alone). Thousands of tiny sections parse far slower per byte than prose.
function groupPieces(pieces: string[]): string[][] {
  const groups: string[][] = [];
  let group: string[] = [];
  let size = 0;
  for (const piece of pieces) {
    if (group.length && (size + piece.length > LIMITS.chunkChars || group.length >= LIMITS.piecesPerGroup)) {
      groups.push(group);
      group = [];
      size = 0;
    }
    group.push(piece);
    size += piece.length + 1;
  }
  if (group.length) groups.push(group);
  return groups;
}

/** A source read and bounded, cut into parse groups: the input of both build functions. */
export interface PreparedArticle {
  meta: FrontMatter;
  problems: string[];
  groups: string[][];
  degraded?: ArticleModel['degraded'];
  tooLarge?: string;
}

/** Reads front matter, bounds the markdown and cuts it into parse groups. Pure and synchronous. */
export function prepareArticle(source: string): PreparedArticle {
  const { data: meta, body, problems } = readFrontMatter(source);
  const problemText = problems.map((p) => `line ${p.line}: ${p.message}`);
  if (body.length > LIMITS.maxSourceChars) return { meta, problems: problemText, groups: [], tooLarge: body };
  const bounded = boundMarkdown(body);
  // A short article is one parse; a long one is parsed in groups of heading-cut pieces of up to
  // chunkChars, so that marked and DOMPurify run once per group and not once per heading.
  const groups = bounded.text.length <= LIMITS.chunkChars ? [[bounded.text]] : groupPieces(splitChunks(bounded.text));
  return { meta, problems: problemText, groups, degraded: bounded.reshaped ? 'too-complex' : undefined };
}

// Parses one group; says why some of it had to stay plain text, if it did.
function renderGroup(group: string[], content: DocumentFragment, options: LinkOptions): ArticleModel['degraded'] {
  try {
    content.append(sanitizeHtml(markdownToHtml(group.join('\n')), options));
    return undefined;
  } catch (error) {
    if (error instanceof SanitizerBlockedError) {
      // Without a working sanitizer no HTML may reach the page: the text is still readable.
      content.append(plainText(group.join('\n')));
      return 'blocked';
    }
    // marked throws on input it cannot handle (stack depth): parse the pieces one by one and
    // keep the ones that fail readable as plain text.
    const pieces = group.length > 1 ? group : splitChunks(group[0]);
    for (const piece of pieces) {
      try {
        content.append(sanitizeHtml(markdownToHtml(piece), options));
      } catch {
        content.append(plainText(piece));
      }
    }
    return 'too-complex';
  }
}

function finish(prepared: PreparedArticle, splitter: SectionSplitter, degraded: ArticleModel['degraded']): ArticleModel {
  const long = prepared.groups.length > 1 || prepared.tooLarge !== undefined;
  const parts = splitter.parts();
  if (long) for (const part of [parts.intro, ...parts.sections.map((s) => s.body)]) groupBlocks(part);
  return { meta: prepared.meta, problems: prepared.problems, degraded, long, ...parts };
}

/** True when the prepared article parses in one piece: {@link buildArticleSync} can build it. */
export function isSmall(prepared: PreparedArticle): boolean {
  return prepared.tooLarge === undefined && prepared.groups.length === 1;
}

/**
 * The same pipeline without yielding, for articles that parse in one piece (see {@link isSmall}):
 * lets the element show them in its first render. Returns undefined for longer sources.
 */
export function buildArticleSync(prepared: PreparedArticle, options: PipelineOptions): ArticleModel | undefined {
  if (!isSmall(prepared)) return undefined;
  const content = document.createDocumentFragment();
  const degraded = renderGroup(prepared.groups[0], content, options) ?? prepared.degraded;
  const splitter = new SectionSplitter(options.emptyHeadingId);
  splitter.add(content);
  return finish(prepared, splitter, degraded);
}

/**
 * markdown → front matter + bounded markdown → HTML per group → sanitized fragment → sections.
 * Never throws for bad markdown: what cannot be parsed in bounds, or sanitized under the page's
 * policy, is kept as plain text.
 */
export async function buildArticle(prepared: PreparedArticle, options: PipelineOptions): Promise<ArticleModel> {
  const splitter = new SectionSplitter(options.emptyHeadingId);
  if (prepared.tooLarge !== undefined) {
    splitter.add(plainText(prepared.tooLarge));
    return finish(prepared, splitter, 'too-large');
  }
  let degraded = prepared.degraded;
  const { groups } = prepared;
  const started = performance.now();
  // Reading and bounding a long source was a slice of its own.
  let sliceStart = -Infinity;

  for (let i = 0; i < groups.length; i++) {
    // Yield only once a slice of work is done: a yield per small chunk would hand the page a
    // rendering turn (style, layout, paint of the skeleton) several times for a short article.
    if (performance.now() - sliceStart > LIMITS.sliceMs) {
      await yieldToPage();
      sliceStart = performance.now();
    }
    options.signal?.throwIfAborted();
    if (performance.now() - started > LIMITS.timeBudgetMs) {
      splitter.add(plainText(groups.slice(i).flat().join('\n')));
      degraded = 'too-complex';
      break;
    }
    const piece = document.createDocumentFragment();
    degraded = renderGroup(groups[i], piece, options) ?? degraded;
    splitter.add(piece);
  }
  return finish(prepared, splitter, degraded);
}
