import { Slugger } from '../internal/slug.js';
import { LIMITS } from './limits.js';

/** One collapsible part of an article: a `##` heading and everything up to the next one. */
export interface ArticleSection {
  /** Anchor id made from the heading text, unique within the article. */
  id: string;
  /** The heading's plain text. */
  title: string;
  /** The heading's content with its markup (emphasis, code, links), for display. */
  content: DocumentFragment;
  /** The section's content, without its heading. */
  body: DocumentFragment;
}

/** An article's rendered parts. */
export interface ArticleParts {
  /** Text of a leading `#` heading, removed from the intro. */
  heading?: string;
  /** That heading's content with its markup, for display. */
  headingContent?: DocumentFragment;
  /** Content before the first `##`, always visible. */
  intro: DocumentFragment;
  sections: ArticleSection[];
  /** Groups of a long article that are in the parts still empty: see `fillDeferred`. */
  deferred: DeferredGroup[];
}

/** A group of blocks placed empty (with its height estimate) and its content, to put in later. */
export interface DeferredGroup {
  group: HTMLElement;
  content: DocumentFragment;
  /** The group's shelf, when it was placed empty too: its (empty) groups go in first. */
  shelf?: DeferredShelf;
}

/** A shelf placed empty with the height estimate of its groups, and those groups. */
export interface DeferredShelf {
  shelf: HTMLElement;
  groups: DocumentFragment;
}

/** Puts a deferred group into place (and its shelf's groups, the first time). */
export function placeDeferred({ group, content, shelf }: DeferredGroup): void {
  if (shelf?.groups.firstChild) {
    shelf.shelf.append(shelf.groups);
    shelf.shelf.style.removeProperty('--size');
    shelf.shelf.classList.remove('pending');
  }
  group.append(content);
}

// What the groups of one article share: how many elements went into the parts directly.
interface Placement {
  placed: number;
  deferred: DeferredGroup[];
}

// A long article's off-screen content is laid out as groups of a few blocks (`div.blocks`), each
// skipped as one box while off screen: 60,000 headings kept the page busy for seconds with a box
// each, and a group of a thousand list items took 80 ms to lay out when it came on screen.
// Groups sit on shelves (`div.shelf`, plain boxes) of at most `LIMITS.groupsPerShelf`: with 2,500
// groups side by side, WebKit laid out all of them again in every frame in which one was filled
// or changed height (70–85 ms a frame), with shelves of 50 in 16 ms. Shelves skipped as well
// (`content-visibility: auto`) made WebKit lay out every group of a shelf in full when the shelf
// came on screen (4.5 s for one of table rows; bench/engines/).
// Past the first `LIMITS.eagerElements` elements, groups are placed empty and filled later,
// `fillElements` a frame: inserting 150,000 elements at once held the page for 300 ms. A shelf
// begun after that is placed empty as one box with the height estimate of its groups
// (`div.shelf.pending`), which go in with its first filled group: WebKit's first frame of 2,600
// empty groups took 100–130 ms of layout and 80 ms more to paint, in one task.
interface Grouper {
  add(node: Node): void;
  close(): void;
}

/** Line breaks in `text`. */
function newlines(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

function grouper(part: DocumentFragment, placement: Placement): Grouper {
  let shelf: HTMLElement | undefined;
  let pending: DeferredShelf | undefined;
  let shelfGroups = 0;
  let shelfLines = 0;
  let group: HTMLElement | undefined;
  let target: ParentNode | undefined;
  let blocks = 0;
  let elements = 0;
  let lines = 0;
  // Height estimates while skipped, in rem (CSSOM writes: allowed under a strict CSP).
  const size = (el: HTMLElement, n: number) => el.style.setProperty('--size', `${Math.ceil(n * 1.6)}rem`);
  const closeGroup = () => {
    if (group) size(group, lines);
    shelfLines += lines;
    group = target = undefined;
    blocks = elements = lines = 0;
  };
  const close = () => {
    closeGroup();
    if (pending) size(pending.shelf, shelfLines);
    shelf = pending = undefined;
    shelfGroups = shelfLines = 0;
  };
  const add = (node: Node) => {
    const weight = node instanceof Element ? node.querySelectorAll('*').length + 1 : 0;
    const text = node.textContent ?? '';
    // About a line per block and per 80 characters, or per line break where lines are kept
    // (code, plain text): the height estimate while off screen, and the group's layout work.
    const nodeLines = 1 + weight / 3 + Math.max(text.length / 80, node instanceof Element && node.localName === 'pre' ? newlines(text) : 0);
    if (
      !group ||
      blocks >= LIMITS.blocksPerGroup ||
      (blocks && (elements + weight > LIMITS.elementsPerGroup || lines + nodeLines > LIMITS.linesPerGroup))
    ) {
      closeGroup();
      if (!shelf || shelfGroups >= LIMITS.groupsPerShelf) {
        close();
        shelf = part.appendChild(document.createElement('div'));
        shelf.className = 'shelf';
        if (placement.placed >= LIMITS.eagerElements) {
          shelf.classList.add('pending');
          pending = { shelf, groups: document.createDocumentFragment() };
        }
      }
      shelfGroups++;
      group = target = (pending?.groups ?? shelf).appendChild(document.createElement('div'));
      group.className = 'blocks';
      if (placement.placed >= LIMITS.eagerElements) {
        target = document.createDocumentFragment();
        placement.deferred.push({ group, content: target as DocumentFragment, shelf: pending });
      }
    }
    if (target === group) placement.placed += weight;
    target!.append(node);
    blocks++;
    elements += weight;
    lines += nodeLines;
  };
  return { add, close };
}

/**
 * Splits sanitized content, handed over in pieces in document order (a long article is parsed in
 * chunks, and splitting as they come keeps each step short), into intro and sections at top-level
 * `<h2>`s (up to `LIMITS.maxSections`; later ones stay headings in the last section), and gives
 * every heading of level 2–6 its anchor id. With `grouped` (a long article), each part's blocks
 * come in groups of at most `LIMITS.blocksPerGroup` blocks, `elementsPerGroup` elements and `linesPerGroup` lines,
 * on shelves of `groupsPerShelf` groups. One
 * splitter per article: no ids shared between them.
 */
export class SectionSplitter {
  private readonly slugger: Slugger;
  private readonly intro = document.createDocumentFragment();
  private readonly sections: ArticleSection[] = [];
  private heading?: string;
  private headingContent?: DocumentFragment;
  private target = this.intro;
  private grouper?: Grouper;
  private readonly placement: Placement = { placed: 0, deferred: [] };
  private started = false;

  /** `emptyHeadingId`: the id of a heading with no text to make one from. */
  constructor(
    emptyHeadingId?: string,
    private readonly grouped = false,
  ) {
    this.slugger = new Slugger(emptyHeadingId);
    if (grouped) this.grouper = grouper(this.intro, this.placement);
  }

  /** Takes the next piece of the article (its nodes move into the parts). */
  add(content: DocumentFragment): void {
    if (!this.started) {
      this.started = true;
      const first = content.firstElementChild;
      if (first?.tagName === 'H1') {
        this.heading = first.textContent?.trim() || undefined;
        if (this.heading) this.headingContent = contentOf(first);
        first.remove();
      }
    }
    const { slugger } = this;
    for (let node of Array.from(content.childNodes)) {
      if (node instanceof HTMLTableElement) {
        // A block box around each table: it carries the spacing (a table keeps margin 0).
        const wrap = document.createElement('div');
        wrap.className = 'table';
        wrap.append(node);
        node = wrap;
      }
      if (node instanceof HTMLHeadingElement && node.tagName === 'H2' && this.sections.length < LIMITS.maxSections) {
        const title = sectionTitle(node);
        const section: ArticleSection = { id: slugger.slug(title), title, content: contentOf(node), body: document.createDocumentFragment() };
        this.sections.push(section);
        this.target = section.body;
        this.grouper?.close();
        if (this.grouped) this.grouper = grouper(section.body, this.placement);
        continue;
      }
      if (node instanceof Element) {
        for (const h of Array.from(node.querySelectorAll('h3, h4, h5, h6'))) {
          h.id = slugger.slug(h.textContent ?? '');
        }
        if (/^H[2-6]$/.test(node.tagName)) node.id = slugger.slug(node.textContent ?? '');
      }
      if (this.grouper) this.grouper.add(node);
      else this.target.appendChild(node);
    }
  }

  /** The article's parts so far. */
  parts(): ArticleParts {
    this.grouper?.close();
    return { heading: this.heading, headingContent: this.headingContent, intro: this.intro, sections: this.sections, deferred: this.placement.deferred };
  }
}

/** A section heading's plain text, as its `title` (and its id) is made from it. */
export function sectionTitle(heading: Node): string {
  return (heading.textContent ?? '').trim().replace(/\s+/g, ' ');
}

// A heading's child nodes, moved out of it (the heading element itself is the widget's to render).
function contentOf(heading: Element): DocumentFragment {
  const content = document.createDocumentFragment();
  content.append(...heading.childNodes);
  return content;
}
