import { httpUrl } from './url.js';

// Query parameters that only track the visitor; they are dropped from shared links.
const TRACKING = /^(?:utm_.+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|yclid|_hsenc|_hsmi|mkt_tok|ref_src|si)$/i;

/**
 * The URL a reader shares: `explicit` (the `share-url` attribute), else `<link rel="canonical">`,
 * else the page URL without tracking parameters and fragment. Only http(s) URLs are returned.
 */
export function resolveShareUrl(explicit?: string, doc: Document = document): string {
  const canonical = doc.querySelector<HTMLLinkElement>('link[rel~="canonical"]')?.getAttribute('href');
  const given = httpUrl(explicit, doc.baseURI) ?? httpUrl(canonical, doc.baseURI);
  if (given) return given.href;
  const url = new URL(doc.location.href);
  url.hash = '';
  // Only the tracking pairs go; the rest of the query stays as written (URLSearchParams would
  // re-encode it: `?flag` → `?flag=`, `%20` → `+`).
  const kept = url.search
    .slice(1)
    .split('&')
    .filter((pair) => pair && !TRACKING.test(safeDecode(pair.split('=')[0])));
  url.search = kept.length ? `?${kept.join('&')}` : '';
  return url.href;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** The deep link of a section: the share URL with `#id`. */
export function sectionUrl(id: string, explicit?: string): string {
  const url = new URL(resolveShareUrl(explicit));
  url.hash = id;
  return url.href;
}
