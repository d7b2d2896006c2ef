// Article ids travel in URLs, storage keys and the feedback wire format (where the collector
// accepts exactly this): 1–200 URL-safe ASCII characters.
const ARTICLE_ID = /^[A-Za-z0-9._~-]{1,200}$/;

/** True when `id` can serve as an article id everywhere (front matter, feedback, events). */
export function isValidArticleId(id: unknown): id is string {
  return typeof id === 'string' && ARTICLE_ID.test(id);
}
