import type { PipelineOptions } from './index.js';

/**
 * The release whose pipeline and sanitizer rules built the markup (package.json's version; a test
 * holds the two together): markup a server rendered with an older release is built again, so a
 * fix to the sanitizer reaches pages prerendered before it.
 */
export const PIPELINE_VERSION = '0.2.0';

/**
 * What an article's build depends on, as one short string: the markdown and the options that
 * shape its HTML. The server render writes it beside the markdown it puts in the page; a page that
 * takes the article over reads the article back from the server's markup only when its own source
 * and options give the same string (src/article/read-back.ts). Not a security check: the markup and
 * the markdown come from the same page. The HTML parser turns CR LF into LF in the page's copy.
 */
export function builtFrom(markdown: string, options: PipelineOptions): string {
  const key = JSON.stringify([
    PIPELINE_VERSION,
    markdown.replace(/\r\n?/g, '\n'),
    options.baseUrl,
    options.lang,
    options.articleHref ?? '',
    options.emptyHeadingId ?? '',
    options.pageOrigin ?? location.origin,
  ]);
  // cyrb53: 53 bits of a fast string hash.
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < key.length; i++) {
    const ch = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
