// help-article-widget/ssr: an article rendered to HTML in Node, through Lit SSR, with the same
// pipeline and sanitizer as the browser. The markup is <help-article> with its shadow root as
// declarative shadow DOM (`<template shadowrootmode="open">`, styles inlined): readable with
// JavaScript off, and taken over by the script tag when it runs.
//
// DOMPurify needs a DOM: jsdom, the one its authors recommend (happy-dom lets handlers through,
// linkedom makes it return its input unchanged). One jsdom window serves every render.
import { JSDOM } from 'jsdom';

const DEFAULT_URL = 'https://localhost/';
let dom;
let modules;

// Browsers let a form's controls shadow the form's own properties (`<input name="attributes">`
// makes `form.attributes` that input); DOMPurify detects such a clobbered form and drops it with its
// content. jsdom has no such named properties, so DOMPurify would keep the form's text: the same
// lookup is added for the properties DOMPurify reads, and the output is the browser's.
const CLOBBERABLE = ['attributes', 'childNodes', 'firstChild', 'hasChildNodes', 'insertBefore', 'namespaceURI', 'nextSibling', 'nodeName', 'nodeType', 'ownerDocument', 'parentNode', 'removeAttribute', 'removeAttributeNode', 'removeChild', 'setAttribute', 'tagName', 'textContent', 'getAttribute', 'hasAttribute', 'localName'];
function clobberLikeBrowsers(window) {
  const proto = window.HTMLFormElement.prototype;
  for (const name of CLOBBERABLE) {
    let owner = proto;
    while (owner && !Object.getOwnPropertyDescriptor(owner, name)) owner = Object.getPrototypeOf(owner);
    const own = owner && Object.getOwnPropertyDescriptor(owner, name);
    if (!own) continue;
    const builtIn = own.get ? (self) => own.get.call(self) : () => own.value;
    Object.defineProperty(proto, name, {
      configurable: true,
      get() {
        const named = [...this.elements].find((el) => el.id === name || el.getAttribute('name') === name);
        return named ?? builtIn(this);
      },
      ...(own.set ? { set(v) { own.set.call(this, v); } } : {}),
    });
  }
}

// The pipeline reads `window` and `document` when it loads (DOMPurify binds to a window) and the
// DOM classes when it runs; Lit SSR keeps its own element shim, so HTMLElement stays unset.
async function load() {
  if (modules) return modules;
  dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', { url: DEFAULT_URL });
  const { window } = dom;
  clobberLikeBrowsers(window);
  // Nothing dispatches events on this private window. jsdom's selector engine adds capture
  // listeners to it for every document that runs a querySelector (DOMPurify parses each piece of
  // an article into a new one) and never removes them; each add scans the list, so a hostile
  // article of thousands of pieces took minutes and the process grew with every render.
  window.addEventListener = () => undefined;
  Object.assign(globalThis, { window, document: window.document });
  const ssr = await import('@lit-labs/ssr');
  const { collectResult } = await import('@lit-labs/ssr/lib/render-result.js');
  const lit = await import('lit');
  const { unsafeHTML } = await import('lit/directives/unsafe-html.js');
  await import('../dist/esm/define.js');
  const pipeline = await import('../dist/esm/pipeline/index.js');
  const { builtFrom } = await import('../dist/esm/pipeline/built-from.js');
  // The language a file name gives, as the page reads it (the same function, so the two agree).
  const { langFromSrc } = await import('../dist/esm/internal/article-id.js');
  const { embedMarkdown } = await import('../dist/esm/article/embedded-markdown.js');
  // define.js has loaded i18next (dist/esm/i18n/i18n.js): the labels resolve through it.
  const i18n = await import('../dist/esm/i18n/labels.js');
  for (const name of ['Node', 'Element', 'DocumentFragment', 'HTMLTableElement', 'HTMLHeadingElement', 'Text']) {
    globalThis[name] ??= window[name];
  }
  modules = { ssr, collectResult, lit, unsafeHTML, pipeline, builtFrom, langFromSrc, embedMarkdown, i18n };
  return modules;
}

/**
 * @typedef {object} RenderOptions
 * @property {string} [url] The page the article will be served on (canonical share link, which links leave the site). Default `https://localhost/`.
 * @property {string} [src] Where the markdown lives, relative to `url`: relative links and images resolve against it; also names the article (`…/x.de.md`).
 * @property {string} [lang] UI language (`de`, `en`, …); default: the article's, else German.
 * @property {string} [articleId] `article-id`.
 * @property {string} [categories] `categories`, comma-separated.
 * @property {string} [categoryHref] `category-href`, e.g. `/kategorie/{slug}`.
 * @property {string} [articleHref] `article-href`, e.g. `/hilfe/{id}`.
 * @property {string} [homeHref] `home-href`.
 * @property {boolean} [collapsed] Sections start closed (`hidden="until-found"`: find-in-page still finds them).
 * @property {string} [feedbackEndpoint] `feedback-endpoint`: the feedback question is rendered when set.
 * @property {'stars'|'thumbs'|'faces'} [feedbackScale] `feedback-scale`.
 * @property {'session'|'local'|'none'} [feedbackStorage] `feedback-storage`.
 * @property {boolean} [feedbackSummary] `feedback-summary`: how many readers rated the article (read from the collector once the script runs).
 * @property {string} [share] `share`: targets, or `none`.
 * @property {string} [shareUrl] `share-url`.
 * @property {'light'|'dark'} [theme] `theme`.
 * @property {boolean} [embed] Puts the markdown in the markup too (`<script type="text/markdown" data-src>`, with `src`), so the script tag shows the same article without fetching `src`; default true (`</script` and `<!--` written as `<\/script` and `<\!--`, with `data-escaped`; left out when the markdown holds those written forms already).
 */

/**
 * Renders a markdown article to `<help-article>` markup with declarative shadow DOM.
 * @param {string} markdown The article's markdown (with front matter).
 * @param {RenderOptions} [options]
 * @returns {Promise<string>}
 */
export async function renderArticle(markdown, options = {}) {
  const { ssr, collectResult, lit, unsafeHTML, pipeline, builtFrom, langFromSrc, embedMarkdown, i18n } = await load();
  const { html, nothing } = lit;
  const url = new URL(options.url ?? DEFAULT_URL).href;
  // Links and canonical URL of this render: the page the article will be on.
  dom.reconfigure({ url });
  const prepared = pipeline.prepareArticle(String(markdown ?? ''));
  const fromSrc = options.src ? langFromSrc(options.src) : undefined;
  const lang = options.lang ?? prepared.meta.lang ?? fromSrc ?? i18n.FALLBACK_LANGUAGE;
  const t = i18n.translator(lang);
  const buildOptions = {
    baseUrl: new URL(options.src ?? url, url).href,
    lang: fromSrc ?? lang.split('-')[0].toLowerCase(),
    articleHref: options.articleHref || undefined,
    pageOrigin: new URL(url).origin,
    emptyHeadingId: t('article:emptyHeadingId'),
  };
  const model = await pipeline.buildArticle(prepared, buildOptions);
  // The browser fills a long article's later groups frame by frame; the server has all the time.
  for (const deferred of model.deferred) pipeline.placeDeferred(deferred);
  model.deferred = [];
  const o = options;
  const source = String(markdown ?? '');
  const attr = (v) => String(v).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  // The markdown for the page, written so that it cannot end its script element early
  // (src/article/embedded-markdown.ts); left out when it could not be read back exactly.
  const embed = o.embed !== false && o.src ? embedMarkdown(source) : undefined;
  const embedded = embed
    ? // data-built: what the article was built from, so the page can read it back from the markup (src/article/read-back.ts).
        `<script type="text/markdown" data-src="${attr(o.src)}" data-built="${builtFrom(source, buildOptions)}"${embed.escaped ? ' data-escaped' : ''}>${embed.text}</script>`
      : '';
  const result = ssr.render(html`<help-article
    .built=${model}
    .markdown=${source}
    src=${o.src ?? nothing}
    lang=${lang}
    article-id=${o.articleId ?? nothing}
    categories=${o.categories ?? nothing}
    category-href=${o.categoryHref ?? nothing}
    article-href=${o.articleHref ?? nothing}
    home-href=${o.homeHref ?? nothing}
    ?collapsed=${Boolean(o.collapsed)}
    feedback-endpoint=${o.feedbackEndpoint ?? nothing}
    feedback-scale=${o.feedbackScale ?? nothing}
    feedback-storage=${o.feedbackStorage ?? nothing}
    ?feedback-summary=${Boolean(o.feedbackSummary)}
    share=${o.share ?? nothing}
    share-url=${o.shareUrl ?? nothing}
    theme=${o.theme ?? nothing}
  >${unsafeHTML(embedded)}</help-article>`);
  return collectResult(result);
}
