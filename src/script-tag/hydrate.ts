// The chunk the script tag loads on pages with a prerendered article (dist/chunks/hydrate.js):
// hydration for every element, and the article's side of it.
import '../internal/hydrate.js';
import '../article/hydrate-article.js';
