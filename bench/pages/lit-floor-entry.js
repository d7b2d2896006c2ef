// The floor of the design: the widget's own pipeline (front matter, limits, marked with
// callouts, DOMPurify with link checks, section split) rendered by a bare LitElement into its
// shadow root with the widget's stylesheets, but without anything else of <help-article>: no
// header, category tags, section buttons, copy links, toolbar, footer or i18n.
import { LitElement, html } from 'lit';
import { buildArticle, buildArticleSync, fillDeferred, prepareArticle } from '../../src/pipeline/index.ts';
import { tokens } from '../../src/styles/tokens.ts';
import { styles } from '../../src/article/help-article.styles.ts';

class LitFloor extends LitElement {
  static styles = [tokens, styles];
  static properties = { markdown: { attribute: false }, model: { state: true } };

  willUpdate(changed) {
    if (changed.has('markdown')) void this.load();
  }

  async load() {
    const options = { baseUrl: document.baseURI, lang: 'de' };
    const prepared = prepareArticle(this.markdown);
    this.model = buildArticleSync(prepared, options) ?? (await buildArticle(prepared, options));
    await this.updateComplete;
    await fillDeferred(this.model);
    this.dispatchEvent(new Event('lit-floor-load'));
  }

  render() {
    const m = this.model;
    if (!m) return html``;
    return html`<article class="base">
      <div class="prose">${m.intro}</div>
      ${m.sections.map((s) => html`<h2>${s.title}</h2><div class="prose">${s.body}</div>`)}
    </article>`;
  }
}
customElements.define('lit-floor', LitFloor);
