import { isValidArticleId } from '../../server/contract.js';

export { isValidArticleId };

const GERMAN = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss' } as Record<string, string>;

/**
 * An article id made from a file name or title that is not one yet (`zahlungsart-ändern` →
 * `zahlungsart-aendern`): umlauts spelled out, other accents dropped, anything else a hyphen.
 * Deterministic, so the same article always gets the same id. Empty when nothing is left.
 */
export function toArticleId(text: string): string {
  const id = text
    .replace(/[äöüÄÖÜß]/g, (c) => GERMAN[c])
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._~-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 200);
  // `.` and `..` are path segments, never ids.
  return isValidArticleId(id) ? id : '';
}

/** The article id from a `src` URL: file name without extension and language suffix. */
export function idFromSrc(src: string): string {
  const file = src.split(/[?#]/)[0].split('/').pop() ?? '';
  return safeDecode(file).replace(/\.(?:md|markdown|txt)$/i, '').replace(/\.[a-z]{2}(?:-[A-Za-z0-9]+)?$/, '');
}

/** The language suffix of an article file name (`x.de.md` → `de`), if it has one. */
export function langFromSrc(src: string): string | undefined {
  const file = src.split(/[?#]/)[0].split('/').pop() ?? '';
  return /\.([a-z]{2})(?:-[A-Za-z0-9]+)?\.(?:md|markdown|txt)$/i.exec(file)?.[1]?.toLowerCase();
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
