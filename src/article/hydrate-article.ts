// What taking over prerendered markup needs from <help-article> (loaded with src/internal/hydrate.ts,
// on pages with a prerendered article only):
// - when: the markup is taken over when the first update has the whole article (a short one, built
//   in that update); while a long one is built in slices it stays on screen, and is then rendered
//   afresh (its later parts go in frame by frame, into nodes of the element's own);
// - what: the article as the server built it, read back from its markup when the markdown and
//   options in the page are those it was built from (so marked and DOMPurify are not needed), else
//   built again from the embedded markdown;
// - how: the article first shown over the server's markup renders its content as the server's
//   HTML strings (Lit checks them by digest), and keeps doing so, so later updates leave those
//   nodes alone. Where the markup does not match, the article is rendered afresh from its
//   fragments (nodes, never HTML parsed a second time); where it cannot be built at all (marked
//   and DOMPurify failed to load), the server's markup stays on screen beside the error event.
import type { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { ArticleModel, PipelineOptions, PreparedArticle } from '../pipeline/index.js';
import { builtFrom } from '../pipeline/built-from.js';
import { contentHtml } from './content-html.js';
import { readBack } from './read-back.js';
import type { Takeover } from '../internal/hydrate.js';
import { HelpArticle } from './help-article.js';

interface Article {
  state: HelpArticle['state'];
  prerendered?: ShadowRoot;
  model?: ArticleModel;
  calloutLabel(kind: 'note' | 'tip' | 'warning'): string;
  content(fragment: DocumentFragment): DocumentFragment | ReturnType<typeof unsafeHTML>;
  takeover(): Takeover;
  takeoverFailed(): void;
  articleInPage(markdown: string, prepared: PreparedArticle, options: PipelineOptions): ArticleModel | undefined;
  querySelector: Element['querySelector'];
}

const asHtml = new WeakMap<Article, ArticleModel | undefined>();
const proto = HelpArticle.prototype as unknown as Article;
const content = proto.content;

proto.content = function (this: Article, fragment: DocumentFragment) {
  if (this.prerendered) asHtml.set(this, this.model);
  return asHtml.get(this) === this.model ? contentHtml(fragment, this.calloutLabel) : content.call(this, fragment);
};

proto.takeover = function (this: Article) {
  // Still being built, or not buildable here (the parser did not load): the server's article stays readable.
  if (this.state === 'loading' || this.state === 'error') return 'later';
  return this.model && !this.model.deferred.length ? 'hydrate' : 'replace';
};

proto.takeoverFailed = function (this: Article) {
  // Rendered afresh from the article's fragments: the server's HTML, serialized again, is not
  // parsed into new nodes.
  asHtml.delete(this);
};

proto.articleInPage = function (this: Article, markdown: string, prepared: PreparedArticle, options: PipelineOptions) {
  const root = this.prerendered;
  const script = root && this.querySelector('script[type="text/markdown"][data-built]');
  return script && script.getAttribute('data-built') === builtFrom(markdown, options) ? readBack(root, prepared) : undefined;
};
