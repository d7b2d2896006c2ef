// Article ids travel in URLs, storage keys and the feedback wire format (where the collector
// accepts exactly this): 1–200 URL-safe ASCII characters.
const ARTICLE_ID = /^[A-Za-z0-9._~-]{1,200}$/;

/** True when `id` can serve as an article id everywhere (front matter, feedback, events). */
export function isValidArticleId(id: unknown): id is string {
  return typeof id === 'string' && ARTICLE_ID.test(id);
}

const GERMAN = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss' } as Record<string, string>;

/**
 * An article id made from a file name or title that is not one yet (`zahlungsart-ändern` →
 * `zahlungsart-aendern`): umlauts spelled out, other accents dropped, anything else a hyphen.
 * Deterministic, so the same article always gets the same id. Empty when nothing is left.
 */
export function toArticleId(text: string): string {
  return text
    .replace(/[äöüÄÖÜß]/g, (c) => GERMAN[c])
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._~-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 200);
}
