import { Slugger } from './slug.js';

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
 * Splits sanitized content into intro and sections at top-level `<h2>`s and gives every
 * heading of level 2–6 its anchor id (the slugger is per call: no state shared between articles).
 */
export function splitSections(content: DocumentFragment): ArticleParts {
  const slugger = new Slugger();
  const intro = document.createDocumentFragment();
  const sections: ArticleSection[] = [];
  let heading: string | undefined;
  let target = intro;

  const first = content.firstElementChild;
  if (first?.tagName === 'H1') {
    heading = first.textContent?.trim() || undefined;
    first.remove();
  }

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
    if (node instanceof HTMLHeadingElement && node.tagName === 'H2') {
      const title = (node.textContent ?? '').trim().replace(/\s+/g, ' ');
      const section: ArticleSection = { id: slugger.slug(title), title, body: document.createDocumentFragment() };
      sections.push(section);
      target = section.body;
      continue;
    }
    target.appendChild(node);
    if (node instanceof Element) {
      for (const h of Array.from(node.querySelectorAll('h3, h4, h5, h6'))) {
        h.id = slugger.slug(h.textContent ?? '');
      }
      if (/^H[3-6]$/.test(node.tagName)) node.id = slugger.slug(node.textContent ?? '');
    }
  }
  return { heading, intro, sections };
}
