import createDOMPurify, { type Config } from 'dompurify';
import { warnOnce } from '../internal/dev.js';

/** How links and images of one article are resolved. */
export interface LinkOptions {
  /** Absolute URL that relative links and images resolve against (the article's `src`). */
  baseUrl: string;
  /** Language of the article, filled into `{lang}` of `articleHref` for cross-article links. */
  lang: string;
  /** URL template for links to other articles (`other-id.md#part`): `{id}`, `{lang}`. */
  articleHref?: string;
}

// A private instance: hooks and settings never touch a DOMPurify the host page uses.
const purify = createDOMPurify(window);

const CONFIG: Config = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: [
    'style', 'form', 'iframe', 'frame', 'frameset', 'base', 'meta', 'link', 'input', 'button',
    'textarea', 'select', 'option', 'object', 'embed', 'template', 'noscript', 'dialog', 'slot',
  ],
  // Ids and names are assigned by the widget (heading anchors) and never taken from markdown.
  FORBID_ATTR: ['style', 'id', 'name', 'form', 'formaction', 'srcset', 'ping', 'autofocus', 'tabindex'],
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto|tel):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  RETURN_DOM_FRAGMENT: true,
};
// Set once: DOMPurify parses a config passed to sanitize() on every call (~0.4 ms per article).
purify.setConfig(CONFIG);

const ARTICLE_LINK = /^(?:\.\/)?([\p{L}\p{N}_~-][\p{L}\p{N}._~-]*?)(?:\.([a-z]{2}(?:-[a-z0-9]+)?))?\.md(#.*)?$/iu;
const SAFE_DATA_IMAGE = /^data:image\/(?:png|gif|jpe?g|webp|avif);/i;

function resolve(url: string, base: string): URL | undefined {
  try {
    return new URL(url, base);
  } catch {
    return undefined;
  }
}

function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? encodeURIComponent(values[key]) : whole,
  );
}

function fixLink(a: Element, options: LinkOptions): void {
  const raw = a.getAttribute('href') ?? '';
  if (raw.startsWith('#')) return;
  const article = ARTICLE_LINK.exec(raw);
  if (article) {
    const [, id, , hash = ''] = article;
    if (options.articleHref) {
      a.setAttribute('href', fillTemplate(options.articleHref, { id, lang: options.lang }) + hash);
      return;
    }
    warnOnce('article-href', 'The article links to other articles; set article-href="/help/{id}" to route them.');
    a.setAttribute('href', new URL(`${id}.${options.lang}.md${hash}`, options.baseUrl).href);
    return;
  }
  const url = resolve(raw, options.baseUrl);
  if (!url || !/^(?:https?|mailto|tel):$/.test(url.protocol)) {
    a.removeAttribute('href');
    return;
  }
  a.setAttribute('href', url.href);
  if (url.protocol.startsWith('http') && url.origin !== location.origin) {
    a.setAttribute('target', '_blank');
    a.setAttribute('rel', 'noopener noreferrer');
  } else {
    a.removeAttribute('target');
  }
}

function fixImage(img: Element, options: LinkOptions): void {
  const raw = img.getAttribute('src') ?? '';
  if (raw.startsWith('data:')) {
    if (!SAFE_DATA_IMAGE.test(raw)) img.removeAttribute('src');
  } else {
    const url = resolve(raw, options.baseUrl);
    if (url && /^https?:$/.test(url.protocol)) img.setAttribute('src', url.href);
    else img.removeAttribute('src');
  }
  img.setAttribute('loading', 'lazy');
  img.setAttribute('decoding', 'async');
}

/** The page's policy (e.g. Trusted Types without the `dompurify` policy) stops the sanitizer. */
export class SanitizerBlockedError extends Error {
  constructor() {
    super('The sanitizer cannot run under this page\'s policy (Trusted Types: allow "dompurify").');
    this.name = 'SanitizerBlockedError';
  }
}

let works: boolean | undefined;

// DOMPurify fails silently (an empty result) when Trusted Types are enforced without its policy;
// one probe tells that apart from an article that was all script.
function sanitizerWorks(): boolean {
  try {
    works ??= ((purify.sanitize('<p>x</p>') as unknown as DocumentFragment | null)?.childNodes?.length ?? 0) > 0;
  } catch {
    works = false;
  }
  return works;
}

/**
 * Turns untrusted HTML (marked's output) into a fragment that holds no script, handler,
 * dangerous URL, form, frame or style, with links and images resolved for this article.
 */
export function sanitizeHtml(html: string, options: LinkOptions): DocumentFragment {
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A' && node.hasAttribute('href')) fixLink(node, options);
    else if (node.nodeName === 'A') node.removeAttribute('target');
    else if (node.nodeName === 'IMG') fixImage(node, options);
  });
  try {
    let fragment: DocumentFragment | null;
    try {
      fragment = purify.sanitize(html) as unknown as DocumentFragment | null;
    } catch {
      fragment = null;
    }
    // Trusted Types refuse DOMPurify's parser when its policy is not allowed: no fragment at all,
    // or (other browsers) an empty one.
    if (!fragment?.childNodes || (!fragment.childNodes.length && html.trim() && !sanitizerWorks())) {
      throw new SanitizerBlockedError();
    }
    return fragment;
  } finally {
    purify.removeHook('afterSanitizeAttributes');
  }
}
