import type { PipelineOptions } from './index.js';

/**
 * What an article's build depends on, as one short string: the markdown and the options that
 * shape its HTML. The server render writes it beside the markdown it puts in the page; a page that
 * takes the article over reads the article back from the server's markup only when its own source
 * and options give the same string (src/article/read-back.ts). Not a security check: the markup and
 * the markdown come from the same page. The HTML parser turns CR LF into LF in the page's copy.
 */
export function builtFrom(markdown: string, options: PipelineOptions): string {
  const key = JSON.stringify([
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
