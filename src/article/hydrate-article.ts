// What taking over prerendered markup needs from <help-article> (loaded with src/internal/hydrate.ts,
// on pages with a prerendered article only): the article first shown over the server's markup
// renders its content as the server's HTML strings (Lit checks them by digest), and keeps doing so,
// so later updates leave those nodes alone.
import type { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { ArticleModel } from '../pipeline/index.js';
import { contentHtml } from './content-html.js';
import { HelpArticle } from './help-article.js';

interface Article {
  prerendered?: ShadowRoot;
  model?: ArticleModel;
  calloutLabel(kind: 'note' | 'tip' | 'warning'): string;
  content(fragment: DocumentFragment): DocumentFragment | ReturnType<typeof unsafeHTML>;
}

const asHtml = new WeakMap<Article, ArticleModel | undefined>();
const proto = HelpArticle.prototype as unknown as Article;
const content = proto.content;

proto.content = function (this: Article, fragment: DocumentFragment) {
  if (this.prerendered) asHtml.set(this, this.model);
  return asHtml.get(this) === this.model ? contentHtml(fragment, this.calloutLabel) : content.call(this, fragment);
};
