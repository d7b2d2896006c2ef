/**
 * Heading anchors the way GitHub makes them: lowercase, punctuation and symbols dropped,
 * each space a hyphen, letters of every script (umlauts included) kept.
 */
export function slugify(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/**
 * Hands out unique slugs for one article: repeats get `-1`, `-2`, … like GitHub. A heading with
 * nothing left to slug gets `fallback` (a word in the article's language). One slugger per
 * rendered article, so instances on a page never share state.
 */
export class Slugger {
  private readonly seen = new Map<string, number>();

  constructor(private readonly fallback = 'section') {}

  /** Returns a slug for `text` that this slugger has not returned before. */
  slug(text: string): string {
    const base = slugify(text) || this.fallback;
    let candidate = base;
    let n = this.seen.get(base) ?? 0;
    while (this.seen.has(candidate)) {
      n += 1;
      candidate = `${base}-${n}`;
    }
    this.seen.set(base, n);
    this.seen.set(candidate, 0);
    return candidate;
  }
}
