/** True when the page holds an article prerendered by help-article-widget/ssr (a declarative shadow root). */
export function hasPrerenderedArticle(): boolean {
  return [...document.querySelectorAll('help-article')].some((el) => el.shadowRoot);
}
