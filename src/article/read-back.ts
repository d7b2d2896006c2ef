// A prerendered article read back from the server's markup (help-article-widget/ssr) instead of
// built again: the takeover then needs neither marked nor DOMPurify, which were most of its time
// (bench/hydrate.mjs). Used only when the markdown and options in the page are those the server
// built from (src/pipeline/built-from.ts), so the markup is the pipeline's own output; anything
// else (a long article, a notice, markup of another shape) is built as usual.
import { isSmall, type ArticleModel, type PreparedArticle } from '../pipeline/index.js';
import { sectionTitle } from '../pipeline/sections.js';

const isMarker = (node: Node, data: (text: string) => boolean) => node.nodeType === Node.COMMENT_NODE && data((node as Comment).data);

/**
 * The nodes of the one value a child part of Lit's holds in `container` (the HTML of a sanitized
 * fragment): those between its first `lit-part` marker and its last `/lit-part`, copied.
 */
function partContent(container: Element | null): DocumentFragment | undefined {
  if (!container) return undefined;
  const nodes = [...container.childNodes];
  const start = nodes.findIndex((n) => isMarker(n, (d) => d.startsWith('lit-part')));
  let end = nodes.length - 1;
  while (end > start && !isMarker(nodes[end], (d) => d === '/lit-part')) end--;
  if (start < 0 || end <= start) return undefined;
  const fragment = document.createDocumentFragment();
  for (const node of nodes.slice(start + 1, end)) {
    // Lit SSR writes an empty value as `<?>`, which the HTML parser makes a `<!--?-->` comment; a
    // sanitized fragment holds no comments (DOMPurify drops them), so it is the marker, not content.
    if (!isMarker(node, (d) => d === '?')) fragment.append(node.cloneNode(true));
  }
  return fragment;
}

/** The article in `root` as the pipeline built it for `prepared`, or undefined where it cannot be told from the markup. */
export function readBack(root: ShadowRoot, prepared: PreparedArticle): ArticleModel | undefined {
  const article = [...root.children].find((el) => el.matches('article.base'));
  if (!isSmall(prepared) || !article || article.classList.contains('long') || article.querySelector(':scope > .notice, :scope > .error, :scope > .skeleton')) {
    return undefined;
  }
  const intro = partContent(article.querySelector(':scope > .intro'));
  if (!intro) return undefined;
  // A title from the front matter is shown as text; else the first `#` heading's content.
  const title = prepared.meta.title ? undefined : article.querySelector(':scope > .header > h1.title');
  const headingContent = title ? partContent(title) : undefined;
  if (title && !headingContent) return undefined;
  const sections: ArticleModel['sections'] = [];
  for (const section of article.querySelectorAll(':scope > section.section')) {
    const id = section.getAttribute('data-section');
    const content = partContent(section.querySelector('.section-title'));
    const body = partContent(section.querySelector(':scope > .section-body'));
    if (!id || !content || !body) return undefined;
    sections.push({ id, title: sectionTitle(content), content, body });
  }
  return {
    meta: prepared.meta,
    problems: prepared.problems,
    heading: headingContent?.textContent?.trim() || undefined,
    headingContent,
    intro,
    sections,
    deferred: [],
    long: false,
  };
}
