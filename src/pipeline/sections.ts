import { Slugger } from '../internal/slug.js';
import { LIMITS } from './limits.js';

/** One collapsible part of an article: a `##` heading and everything up to the next one. */
export interface ArticleSection {
  /** Anchor id made from the heading text, unique within the article. */
  id: string;
  /** The heading's plain text. */
  title: string;
  /** The section's content, without its heading. */
  body: DocumentFragment;
}

/** An article's rendered parts. */
export interface ArticleParts {
  /** Text of a leading `#` heading, removed from the intro. */
  heading?: string;
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
}

// What the groups of one article share: how many elements went into the parts directly.
interface Placement {
  placed: number;
  deferred: DeferredGroup[];
}

// Blocks that take a line of their own, for a group's height estimate.
const BLOCKS = 'p, li, tr, pre, blockquote, h1, h2, h3, h4, h5, h6, hr, dt, dd, br, img, figure';

// A long article's off-screen content is laid out as groups of a few blocks (`div.blocks`), each
// skipped as one box while off screen: 60,000 headings kept the page busy for seconds with a box
// each, and a group of a thousand list items took 80 ms to lay out when it came on screen.
// Past the first `LIMITS.eagerElements` elements, groups are placed empty and filled later, a
// few per task: inserting 150,000 elements at once held the page for 300 ms.
class Grouper {
  private group?: HTMLElement;
  private target?: ParentNode;
  private blocks = 0;
  private elements = 0;
  private lines = 0;

  constructor(
    private readonly part: DocumentFragment,
    private readonly placement: Placement,
  ) {}

  add(node: Node): void {
    const elements = node instanceof Element ? node.querySelectorAll('*').length + 1 : 0;
    if (!this.group || this.blocks >= LIMITS.blocksPerGroup || (this.blocks && this.elements + elements > LIMITS.elementsPerGroup)) {
      this.close();
      this.group = document.createElement('div');
      this.group.className = 'blocks';
      this.part.append(this.group);
      this.target = this.group;
      if (this.placement.placed >= LIMITS.eagerElements) {
        const content = document.createDocumentFragment();
        this.placement.deferred.push({ group: this.group, content });
        this.target = content;
      }
    }
    if (this.target === this.group) this.placement.placed += elements;
    this.target!.append(node);
    this.blocks++;
    this.elements += elements;
    this.lines += 1 + (node instanceof Element ? node.querySelectorAll(BLOCKS).length : 0) + (node.textContent?.length ?? 0) / 80;
  }

  /** Sets the group's height estimate (a CSSOM write: allowed under a strict CSP). */
  close(): void {
    this.group?.style.setProperty('--size', `${Math.ceil(this.lines * 1.6)}rem`);
    this.group = this.target = undefined;
    this.blocks = this.elements = this.lines = 0;
  }
}

/**
 * Splits sanitized content, handed over in pieces in document order (a long article is parsed in
 * chunks, and splitting as they come keeps each step short), into intro and sections at top-level
 * `<h2>`s (up to `LIMITS.maxSections`; later ones stay headings in the last section), and gives
 * every heading of level 2–6 its anchor id. With `grouped` (a long article), each part's blocks
 * come in groups of at most `LIMITS.blocksPerGroup` blocks and `elementsPerGroup` elements. One
 * splitter per article: no ids shared between them.
 */
export class SectionSplitter {
  private readonly slugger: Slugger;
  private readonly intro = document.createDocumentFragment();
  private readonly sections: ArticleSection[] = [];
  private heading?: string;
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
    if (grouped) this.grouper = new Grouper(this.intro, this.placement);
  }

  /** Takes the next piece of the article (its nodes move into the parts). */
  add(content: DocumentFragment): void {
    if (!this.started) {
      this.started = true;
      const first = content.firstElementChild;
      if (first?.tagName === 'H1') {
        this.heading = first.textContent?.trim() || undefined;
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
        const title = (node.textContent ?? '').trim().replace(/\s+/g, ' ');
        const section: ArticleSection = { id: slugger.slug(title), title, body: document.createDocumentFragment() };
        this.sections.push(section);
        this.target = section.body;
        this.grouper?.close();
        if (this.grouped) this.grouper = new Grouper(section.body, this.placement);
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
    return { heading: this.heading, intro: this.intro, sections: this.sections, deferred: this.placement.deferred };
  }
}
