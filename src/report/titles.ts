/**
 * Article titles for the report, from the help center's content index (`dist/content-index.json`,
 * made by `scripts/content-index.mjs`): an untrusted file, checked entry by entry. An article the
 * index does not know keeps its id as its title.
 */

/** Titles by article id, then by language. */
export type Titles = Map<string, Map<string, string>>;

/** Loads the index at `url`; an index that cannot be loaded or read gives no titles (ids are shown). */
export async function loadTitles(url: string, fetcher: typeof fetch = (...args) => globalThis.fetch(...args)): Promise<Titles> {
  const titles: Titles = new Map();
  try {
    const response = await fetcher(url, { cache: 'no-cache' });
    if (!response.ok) return titles;
    const entries: unknown = await response.json();
    if (!Array.isArray(entries)) return titles;
    for (const entry of entries) {
      if (typeof entry !== 'object' || entry === null) continue;
      const { id, lang, title } = entry as Record<string, unknown>;
      if (typeof id !== 'string' || typeof title !== 'string' || title.trim() === '') continue;
      const byLang = titles.get(id) ?? new Map<string, string>();
      byLang.set(typeof lang === 'string' ? lang.toLowerCase() : '', title.trim().slice(0, 300));
      titles.set(id, byLang);
    }
  } catch {
    // No index: the report still works, with ids for titles.
  }
  return titles;
}

/** The title of `articleId` in `lang` (or its base language, German, any), else the id. */
export function titleOf(titles: Titles, articleId: string, lang: string): string {
  const byLang = titles.get(articleId);
  if (!byLang) return articleId;
  const base = lang.toLowerCase().split('-')[0];
  return byLang.get(lang.toLowerCase()) ?? byLang.get(base) ?? byLang.get('de') ?? byLang.values().next().value ?? articleId;
}
