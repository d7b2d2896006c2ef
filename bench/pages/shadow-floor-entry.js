// The floor of any styled, encapsulated article element, without Lit and without the widget's
// own structure: the bare pipeline's output (marked.parse + DOMPurify.sanitize) set as the
// innerHTML of a shadow root that adopts the widget's own stylesheets. It shows what the
// shadow root and the article's look cost on their own, before any header, section button or
// copy link is rendered.
import { marked } from 'marked';
import DOMPurify from 'dompurify';
import { tokens } from '../../src/styles/tokens.ts';
import { styles } from '../../src/article/help-article.styles.ts';

class ShadowFloor extends HTMLElement {
  render(markdown) {
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [tokens.styleSheet, styles.styleSheet];
    const body = DOMPurify.sanitize(marked.parse(markdown, { async: false }));
    root.innerHTML = `<article class="base"><div class="prose">${body}</div></article>`;
  }
}
customElements.define('shadow-floor', ShadowFloor);
