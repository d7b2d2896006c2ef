// The first file the script-tag loader imports: what the first paint of an article needs (the
// article, its categories, the pipeline, Lit, the labels). The share bar, the feedback control and
// i18next are separate chunks, imported after the article is on screen (src/article/deferred-parts.ts),
// or after the page has loaded for a page that uses them on their own.
import { HelpArticle } from '../article/help-article.js';
import { HelpCategories } from '../categories/help-categories.js';
import { afterPaint, loadDeferredParts, loadI18n } from '../article/deferred-parts.js';
import type { i18n as I18n } from 'i18next';
import { defineElement } from '../internal/define-element.js';
import { loadParser } from '../pipeline/index.js';
import { hasPrerenderedArticle, mayBuildArticle } from './prerendered.js';

const define = () => {
  defineElement('help-article', HelpArticle);
  defineElement('help-categories', HelpCategories);
};
// A prerendered article (help-article-widget/ssr) is taken over as it is: the code for that is
// imported first, on such pages only, and marked and DOMPurify wait until an article has to be
// built, unless the page holds another article to build (then they come too, so that one shows in
// its first render). Elsewhere they come first (the loader has asked for them beside this file).
// Where the takeover code fails to load, the article is rendered afresh in the same task as without
// it; an element whose parser failed to load shows the `script` error.
const withParser = () => loadParser().then(define, define);
if (hasPrerenderedArticle()) {
  const parser = mayBuildArticle() ? loadParser().catch(() => undefined) : undefined;
  import('./hydrate.js').then(() => parser).then(define, withParser);
} else void withParser();

/**
 * The widget's i18next instance: set once it has loaded, after the first paint (the article's
 * first render reads its labels without it, src/i18n/labels.ts). `whenComplete()` waits for it.
 */
export let i18n: I18n | undefined;

/** Resolves when `<help-share>` and `<help-feedback>` are defined and i18next has loaded. */
export const whenComplete = (): Promise<void> =>
  loadDeferredParts()
    .then(loadI18n)
    .then((instance) => void (i18n = instance));

const later = () => afterPaint(() => void whenComplete());
if (document.readyState === 'complete') later();
else addEventListener('load', later, { once: true });

export { HelpArticle, idFromSrc } from '../article/help-article.js';
export { HelpCategories } from '../categories/help-categories.js';
export { addTranslations, BUILT_IN_LANGUAGES, FALLBACK_LANGUAGE } from '../i18n/labels.js';
export { slugify } from '../internal/slug.js';
export { LIMITS, LINK_SCHEMES } from '../pipeline/index.js';
export { defineElement } from '../internal/define-element.js';
