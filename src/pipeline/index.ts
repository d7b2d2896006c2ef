import { readFrontMatter, type FrontMatter } from './front-matter.js';
import { boundDepth, boundMarkdown, splitChunks, LIMITS, type Chunk } from './limits.js';
import { SanitizerBlockedError, type LinkOptions } from './policy.js';
import { placeDeferred, SectionSplitter, type ArticleParts } from './sections.js';

/**
 * The article pipeline, values in and values out: markdown → front matter → chunks of bounded
 * size → HTML per chunk → sanitized fragment → intro and sections. No module state between calls
 * but the parser's two libraries, once loaded (`loadParser`).
 */
export { SanitizerBlockedError, LINK_SCHEMES, type LinkOptions } from './policy.js';
export { placeDeferred, type DeferredGroup, type DeferredShelf } from './sections.js';
export { LIMITS } from './limits.js';

/** Everything the element needs to show one article. */
export interface ArticleModel extends ArticleParts {
  /** Front-matter fields as read (not yet merged with attributes). */
  meta: FrontMatter;
  /** Front-matter problems, for the dev-mode warning. */
  problems: string[];
  /** Set when part of the article is shown as plain text because it hit a limit. */
  degraded?: 'too-large' | 'too-complex' | 'blocked';
  /** The article was parsed in several chunks (over chunkChars): lay out only what is on screen. */
  long?: boolean;
}

/** The pipeline's two libraries (marked, DOMPurify), handed over by src/pipeline/parser.ts when it loads. */
export interface Parser {
  markdownToHtml(source: string): string;
  sanitizeHtml(html: string, options: LinkOptions, images: number): DocumentFragment;
}

let parser: Parser | undefined;
let parserLoading: Promise<Parser> | undefined;

/** Called once by src/pipeline/parser.ts. */
export function provideParser(value: Parser): void {
  parser = value;
}

/**
 * Loads marked and DOMPurify (most of the pipeline's weight) if no entry has yet. The script tag
 * takes a prerendered article over without them (src/article/read-back.ts) and loads them when an
 * article has to be built; every other entry imports them up front.
 */
export function loadParser(): Promise<Parser> {
  if (parser) return Promise.resolve(parser);
  parserLoading ??= import('./parser.js').then(
    () => parser!,
    (error: unknown) => {
      parserLoading = undefined;
      throw error;
    },
  );
  return parserLoading;
}

/** Options of one pipeline run. */
export interface PipelineOptions extends LinkOptions {
  /** Anchor id of a heading with no text to make one from (a word in the article's language). */
  emptyHeadingId?: string;
  /** Aborts a run that a newer source has made obsolete. */
  signal?: AbortSignal;
}

// Text shown as it is, in blocks of at most chunkChars cut at line ends (a long article lays
// out only the blocks on screen).
function plainText(text: string, content: DocumentFragment): void {
  for (let pos = 0; pos < text.length; ) {
    let end = Math.min(text.length, pos + LIMITS.chunkChars);
    // At most `fallbackLines` lines a block, so a group of blocks stays small to lay out.
    for (let at = text.indexOf('\n', pos), n = 1; at >= 0 && at < end; at = text.indexOf('\n', at + 1), n++) {
      if (n === LIMITS.fallbackLines) end = at + 1;
    }
    const line = text.lastIndexOf('\n', end - 1);
    if (end < text.length && line > pos) end = line + 1;
    const pre = document.createElement('pre');
    pre.className = 'fallback';
    pre.textContent = text.slice(pos, end);
    content.append(pre);
    pos = end;
  }
}

// Gives the page a turn between slices so a long article never blocks input or the host's own
// timers. A plain task, not scheduler.yield(): its continuation runs ahead of the page's queued
// tasks, so a host's timers and network callbacks waited for the whole article (4.8 s on 1 MB).
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** A source read and bounded: the input of both build functions. */
export interface PreparedArticle {
  meta: FrontMatter;
  problems: string[];
  /** The markdown after the front matter. */
  body: string;
  /** The chunks of a short body, cut already; a long one is cut while it is built. */
  chunks?: Chunk[];
  /** Set when the body is over `LIMITS.maxSourceChars`: it is not parsed. */
  tooLarge?: boolean;
}

/** Reads front matter and, for a short body, cuts it into chunks. Pure, synchronous and cheap. */
export function prepareArticle(source: string): PreparedArticle {
  const { data: meta, body, problems } = readFrontMatter(source);
  const problemText = problems.map((p) => `line ${p.line}: ${p.message}`);
  if (body.length > LIMITS.maxSourceChars) return { meta, problems: problemText, body, tooLarge: true };
  // A long body is cut in the slices of buildArticle: cutting 5 MB at once would be a long task.
  return { meta, problems: problemText, body, chunks: body.length <= LIMITS.chunkChars ? [...splitChunks(body)] : undefined };
}

// The work done so far for one article, against its budgets (counted, never timed).
interface Budget {
  elements: number;
  images: number;
  degraded?: ArticleModel['degraded'];
}

// Replaces what is nested deeper than `LIMITS.maxDepth` by its text; true when an element sits at
// that depth. A walk, not a `* > * > …` selector: jsdom (the prerender path) matched that one
// element by element, seconds for a hostile article.
function flattenDeep(fragment: DocumentFragment): boolean {
  let deep = false;
  const walk = (first: Element | null, depth: number): void => {
    for (let el = first; el; el = el.nextElementSibling) {
      if (depth < LIMITS.maxDepth) walk(el.firstElementChild, depth + 1);
      else {
        deep = true;
        if (el.firstElementChild) el.textContent = el.textContent;
      }
    }
  };
  walk(fragment.firstElementChild, 1);
  return deep;
}

// Parses one chunk into `content`; what cannot be parsed, or sanitized under the page's policy,
// stays readable as plain text.
function renderChunk(libraries: Parser, chunk: Chunk, content: DocumentFragment, budget: Budget, options: LinkOptions): void {
  const bounded = boundMarkdown(chunk.text);
  if (bounded.reshaped || chunk.reshaped) budget.degraded ??= 'too-complex';
  let fragment: DocumentFragment;
  try {
    const html = boundDepth(libraries.markdownToHtml(bounded.text));
    if (html.reshaped) budget.degraded ??= 'too-complex';
    fragment = libraries.sanitizeHtml(html.text, options, LIMITS.maxImages - budget.images);
  } catch (error) {
    // Without a working sanitizer no HTML may reach the page; marked throws on input it cannot
    // handle (stack depth).
    plainText(chunk.text, content);
    budget.degraded = error instanceof SanitizerBlockedError ? 'blocked' : (budget.degraded ?? 'too-complex');
    return;
  }
  if (flattenDeep(fragment)) budget.degraded ??= 'too-complex';
  budget.elements += fragment.querySelectorAll('*').length;
  budget.images += fragment.querySelectorAll('img, video, audio').length;
  content.append(fragment);
}

function finish(prepared: PreparedArticle, splitter: SectionSplitter, degraded: ArticleModel['degraded'], long: boolean): ArticleModel {
  return { meta: prepared.meta, problems: prepared.problems, degraded, long, ...splitter.parts() };
}

// Waits for the next frame, so that each slice of inserted content is styled on its own (a
// background tab has no frames: there a timer stands in).
function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => resolve());
    setTimeout(resolve, 100);
  });
}

// Waits for idle time (after the next frame). Firefox asks its parent process whether each new
// link was visited, in one batch per idle period, and takes the answer in one task: 20,000 links
// put in frame after frame were one batch that held the page for 450–720 ms after the fill.
// Safari has no requestIdleCallback: a timer stands in.
function idle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 100 });
    else setTimeout(resolve, 0);
  });
}

/**
 * Puts a long article's deferred groups (see `ArticleParts.deferred`) into place once its parts
 * are rendered: `LIMITS.fillElements` elements per frame, and idle time after each
 * `LIMITS.fillLinks` links.
 */
export async function fillDeferred(model: ArticleModel, signal?: AbortSignal): Promise<void> {
  let elements = 0;
  let links = 0;
  // The first render's frame first: in WebKit its layout and the layout of a first filled slice
  // ran back to back, the page's timers waiting 200–300 ms.
  let first = true;
  for (const deferred of model.deferred) {
    const { content } = deferred;
    if (first || elements >= LIMITS.fillElements) {
      first = false;
      await nextFrame();
      // Each slice goes in from a task of its own, not from the frame callback, so its layout is
      // the next frame's work and the page gets a turn in between.
      await yieldToPage();
      elements = 0;
      if (links >= LIMITS.fillLinks) {
        await idle();
        links = 0;
      }
    }
    if (signal?.aborted) return;
    elements += content.querySelectorAll('*').length;
    links += content.querySelectorAll('a[href]').length;
    placeDeferred(deferred);
  }
}

/** True when the prepared article parses in one piece: {@link buildArticleSync} can build it. */
export function isSmall(prepared: PreparedArticle): boolean {
  return prepared.chunks?.length === 1;
}

/**
 * The same pipeline without yielding, for articles that parse in one piece (see {@link isSmall}):
 * lets the element show them in its first render. Returns undefined for longer sources, and while
 * the parser is not loaded (see {@link loadParser}).
 */
export function buildArticleSync(prepared: PreparedArticle, options: PipelineOptions): ArticleModel | undefined {
  if (!isSmall(prepared) || !parser) return undefined;
  const content = document.createDocumentFragment();
  const budget: Budget = { elements: 0, images: 0 };
  renderChunk(parser, prepared.chunks![0], content, budget, options);
  const splitter = new SectionSplitter(options.emptyHeadingId);
  splitter.add(content);
  return finish(prepared, splitter, budget.degraded, false);
}

/**
 * markdown → front matter → chunks of bounded size → HTML per chunk → sanitized fragment →
 * sections, yielding to the page between slices. Never throws for bad markdown: what cannot be
 * parsed in bounds, or sanitized under the page's policy, is kept as plain text. Every budget
 * counts work, never time: the same source gives the same article on any machine.
 */
export async function buildArticle(prepared: PreparedArticle, options: PipelineOptions): Promise<ArticleModel> {
  // More than one chunk: a long article, laid out in groups as it comes.
  const long = !isSmall(prepared);
  const splitter = new SectionSplitter(options.emptyHeadingId, long);
  if (prepared.tooLarge) {
    const content = document.createDocumentFragment();
    const { body } = prepared;
    plainText(body.length > LIMITS.maxFallbackChars ? `${body.slice(0, LIMITS.maxFallbackChars)} …` : body, content);
    splitter.add(content);
    return finish(prepared, splitter, 'too-large', true);
  }
  const libraries = parser ?? (await loadParser());
  const budget: Budget = { elements: 0, images: 0 };
  // Reading and bounding a long source was a slice of its own.
  let sliceStart = -Infinity;
  for (const chunk of prepared.chunks ?? splitChunks(prepared.body)) {
    // Yield only once a slice of work is done: a yield per small chunk would hand the page a
    // rendering turn (style, layout, paint of the skeleton) several times for a short article.
    // The clock decides when the page gets its turn, never what the article holds.
    if (performance.now() - sliceStart > LIMITS.sliceMs) {
      await yieldToPage();
      sliceStart = performance.now();
    }
    options.signal?.throwIfAborted();
    const content = document.createDocumentFragment();
    if (budget.elements >= LIMITS.maxElements) {
      // The work budget is spent: the rest stays readable as text.
      plainText(prepared.body.slice(chunk.start), content);
      splitter.add(content);
      budget.degraded = 'too-complex';
      break;
    }
    renderChunk(libraries, chunk, content, budget, options);
    splitter.add(content);
  }
  // The first render in a task of its own: a slice's work and its layout ran back to back.
  if (long) await yieldToPage();
  return finish(prepared, splitter, budget.degraded, long);
}
