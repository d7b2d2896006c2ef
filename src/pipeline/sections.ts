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
}

/**
 * Splits sanitized content, handed over in pieces in document order (a long article is parsed in
 * groups, and splitting as they come keeps each step short), into intro and sections at top-level
 * `<h2>`s (up to `LIMITS.maxSections`; later ones stay headings in the last section), and gives
 * every heading of level 2–6 its anchor id. One splitter per article: no ids shared between them.
 */
export class SectionSplitter {
  private readonly slugger: Slugger;
  private readonly intro = document.createDocumentFragment();
  private readonly sections: ArticleSection[] = [];
  private heading?: string;
  private target = this.intro;
  private started = false;

  /** `emptyHeadingId`: the id of a heading with no text to make one from. */
  constructor(emptyHeadingId?: string) {
    this.slugger = new Slugger(emptyHeadingId);
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
        // A block box around each table: tables themselves cannot take the size containment that
        // lets a long article skip laying out what is off screen.
        const wrap = document.createElement('div');
        wrap.className = 'table';
        // Its height estimate while off screen (a CSSOM write: allowed under a strict CSP).
        wrap.style.setProperty('--rows', String(node.rows.length));
        wrap.append(node);
        node = wrap;
      }
      if (node instanceof HTMLHeadingElement && node.tagName === 'H2' && this.sections.length < LIMITS.maxSections) {
        const title = (node.textContent ?? '').trim().replace(/\s+/g, ' ');
        const section: ArticleSection = { id: slugger.slug(title), title, body: document.createDocumentFragment() };
        this.sections.push(section);
        this.target = section.body;
        continue;
      }
      this.target.appendChild(node);
      if (node instanceof Element) {
        for (const h of Array.from(node.querySelectorAll('h3, h4, h5, h6'))) {
          h.id = slugger.slug(h.textContent ?? '');
        }
        if (/^H[2-6]$/.test(node.tagName)) node.id = slugger.slug(node.textContent ?? '');
      }
    }
  }

  /** The article's parts so far. */
  parts(): ArticleParts {
    return { heading: this.heading, intro: this.intro, sections: this.sections };
  }
}

/**
 * Wraps every `size` consecutive top-level nodes of a long article's part in a `div.blocks`: the
 * browser then skips what is off screen as a few boxes instead of one box per paragraph
 * (60,000 headings kept the page busy for seconds with a box each).
 */
export function groupBlocks(part: DocumentFragment, size = LIMITS.blocksPerGroup): void {
  const nodes = Array.from(part.childNodes);
  if (nodes.length <= size) return;
  for (let i = 0; i < nodes.length; i += size) {
    const group = document.createElement('div');
    group.className = 'blocks';
    group.append(...nodes.slice(i, i + size));
    part.append(group);
  }
}
