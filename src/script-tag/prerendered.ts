/** True when the page holds an article prerendered by help-article-widget/ssr (a declarative shadow root). */
export function hasPrerenderedArticle(): boolean {
  return [...document.querySelectorAll('help-article')].some((el) => el.shadowRoot);
}

/**
 * True when the page may have an article to build with marked and DOMPurify: one without
 * prerendered markup, or none parsed yet (a script in the head of a page still loading).
 */
export function mayBuildArticle(): boolean {
  const articles = [...document.querySelectorAll('help-article')];
  return articles.length === 0 || articles.some((el) => !el.shadowRoot);
}
