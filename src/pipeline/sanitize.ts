import createDOMPurify, { type Config } from 'dompurify';
import { warnOnce } from '../internal/dev.js';
import { fillLinkTemplate, httpUrl, isHttp, parseUrl } from '../internal/url.js';
import { LIMITS } from './limits.js';
import { LINK_SCHEMES, SanitizerBlockedError, type LinkOptions } from './policy.js';

export { LINK_SCHEMES, SanitizerBlockedError, type LinkOptions };


// A private instance: settings never touch a DOMPurify the host page uses.
const purify = createDOMPurify(window);

const CONFIG: Config = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: [
    // `input` stays for GFM task lists: the post-pass keeps disabled checkboxes only.
    'style', 'form', 'iframe', 'frame', 'frameset', 'base', 'meta', 'link', 'button',
    'textarea', 'select', 'option', 'object', 'embed', 'template', 'noscript', 'dialog', 'slot',
  ],
  // Ids and names are assigned by the widget (heading anchors) and never taken from markdown;
  // `part` and `slot` would let an article reach into the host page's styling of the widget;
  // `background` loads an image that no cap counts.
  FORBID_ATTR: ['style', 'id', 'name', 'form', 'formaction', 'srcset', 'ping', 'autofocus', 'tabindex', 'part', 'slot', 'exportparts', 'background'],
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto|tel|sms|xmpp|ircs?|webcal):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  RETURN_DOM_FRAGMENT: true,
};
// Set once, with no hooks: DOMPurify parses a config passed to sanitize() on every call
// (~0.4 ms per article), and links are fixed in a pass of their own afterwards.
purify.setConfig(CONFIG);

const ARTICLE_LINK = /^(?:\.\/)?([\p{L}\p{N}_~-][\p{L}\p{N}._~-]*?)(?:\.([a-z]{2}(?:-[a-z0-9]+)?))?\.md(#.*)?$/iu;
const SAFE_DATA_IMAGE = /^data:image\/(?:png|gif|jpe?g|webp|avif);/i;

function fixLink(a: Element, options: LinkOptions): void {
  if (!a.hasAttribute('href')) {
    a.removeAttribute('target');
    return;
  }
  const raw = a.getAttribute('href') ?? '';
  if (raw.startsWith('#')) return;
  const article = ARTICLE_LINK.exec(raw);
  if (article) {
    const [, id, , hash = ''] = article;
    if (options.articleHref) {
      const href = fillLinkTemplate(options.articleHref, { id, lang: options.lang });
      if (href) a.setAttribute('href', href + hash);
      else a.removeAttribute('href');
      return;
    }
    warnOnce('article-href', 'The article links to other articles; set article-href="/help/{id}" to route them.');
    a.setAttribute('href', new URL(`${id}.${options.lang}.md${hash}`, options.baseUrl).href);
    return;
  }
  const url = parseUrl(raw, options.baseUrl);
  if (!url || !(LINK_SCHEMES as readonly string[]).includes(url.protocol)) {
    a.removeAttribute('href');
    return;
  }
  a.setAttribute('href', url.href);
  if (isHttp(url) && url.origin !== (options.pageOrigin ?? location.origin)) {
    a.setAttribute('target', '_blank');
    a.setAttribute('rel', 'noopener noreferrer');
  } else {
    a.removeAttribute('target');
  }
}

// An image or video past the cap: a link to its source (inside a link, its text), so nothing is lost.
function linkInstead(media: Element): void {
  const src = media.getAttribute('src') ?? media.querySelector('source[src]')?.getAttribute('src') ?? '';
  const text = media.getAttribute('alt') || media.getAttribute('title') || src;
  const link = media.ownerDocument.createElement('a');
  link.textContent = text;
  if (src && !media.closest('a')) link.setAttribute('href', src);
  media.replaceWith(media.closest('a') ? media.ownerDocument.createTextNode(text) : link);
}

function fixImage(img: Element, options: LinkOptions): void {
  const raw = img.getAttribute('src') ?? '';
  if (raw.startsWith('data:')) {
    if (!SAFE_DATA_IMAGE.test(raw)) img.removeAttribute('src');
  } else {
    const url = httpUrl(raw, options.baseUrl);
    if (url) img.setAttribute('src', url.href);
    else img.removeAttribute('src');
  }
  img.setAttribute('loading', 'lazy');
  img.setAttribute('decoding', 'async');
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
 * dangerous URL, form, frame or style, with links and images resolved for this article and
 * callouts marked up for the element. Of its images and videos the first `images` may load;
 * later ones become links to their source.
 */
export function sanitizeHtml(html: string, options: LinkOptions, images: number = LIMITS.maxImages): DocumentFragment {
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
  let left = images;
  for (const media of fragment.querySelectorAll('img, video, audio')) {
    if (left-- <= 0) linkInstead(media);
    else if (media.localName === 'img') fixImage(media, options);
  }
  for (const a of fragment.querySelectorAll('a')) fixLink(a, options);
  // GFM task lists: a disabled checkbox each, so "done" and "not done" read apart (and are
  // announced as checked or not); any other form control is dropped.
  for (const input of fragment.querySelectorAll('input')) {
    if (input.getAttribute('type') !== 'checkbox') {
      input.remove();
      continue;
    }
    const checked = input.hasAttribute('checked');
    for (const name of input.getAttributeNames()) input.removeAttribute(name);
    input.setAttribute('type', 'checkbox');
    input.setAttribute('disabled', '');
    if (checked) input.setAttribute('checked', '');
    input.closest('li')?.classList.add('task');
  }
  // Callouts are notes for assistive technology, styleable from outside as one part.
  for (const callout of fragment.querySelectorAll('.callout[data-callout]')) {
    callout.setAttribute('role', 'note');
    callout.setAttribute('part', 'callout');
  }
  return fragment;
}
