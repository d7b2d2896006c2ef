import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { labelCallouts, type CalloutLabelSource } from './callout-labels.js';

type Html = ReturnType<typeof unsafeHTML>;

// One string per fragment: an article keeps rendering the same value (no new parse per update).
// A fragment belongs to one built article, rendered in one language.
const written = new WeakMap<DocumentFragment, Html>();

/**
 * A sanitized fragment of an article as its HTML, callout labels in: what Lit SSR writes (it renders
 * strings, not DOM), and so what a page taking that markup over must render to match it.
 */
export function contentHtml(fragment: DocumentFragment, label: CalloutLabelSource['label']): Html {
  let html = written.get(fragment);
  if (!html) {
    const holder = document.createElement('div');
    holder.append(fragment.cloneNode(true));
    labelCallouts(holder, label);
    written.set(fragment, (html = unsafeHTML(holder.innerHTML)));
  }
  return html;
}
