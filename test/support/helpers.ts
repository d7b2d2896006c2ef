import { fixture, oneEvent } from '@open-wc/testing';
import type { ArticleErrorDetail, HelpArticle } from '../../src/article/help-article.js';

/** Resolves with the load or error event the article sends next. */
export function settled(el: HelpArticle): Promise<CustomEvent> {
  return Promise.race([oneEvent(el, 'help-article-load'), oneEvent(el, 'help-article-error')]) as Promise<CustomEvent>;
}

/** The shadow root of an element, asserted present. */
export function shadow(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`${el.tagName} has no shadow root`);
  return el.shadowRoot;
}

/** Waits `n` animation frames (to let a browser fire load/error handlers of images). */
export async function frames(n = 2): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((r) => requestAnimationFrame(() => r(undefined)));
}

/**
 * Renders an article that is to fail, and resolves with it and its error event. It listens before
 * the element exists: a refused connection (at once in Firefox) can fail before `fixture` returns.
 */
export async function failedFixture(template: Parameters<typeof fixture>[0]): Promise<{ el: HelpArticle; detail: ArticleErrorDetail }> {
  const failed = oneEvent(document, 'help-article-error');
  const el = await fixture<HelpArticle>(template);
  const { detail } = await failed;
  return { el, detail };
}
