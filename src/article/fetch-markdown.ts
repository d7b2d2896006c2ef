import { deadline } from '../internal/deadline.js';

/** Why an article could not be shown; each has a message in every language. */
export type ArticleErrorReason =
  | 'not-found'
  | 'http'
  | 'network'
  | 'timeout'
  | 'not-markdown'
  | 'empty'
  | 'too-large'
  | 'too-complex'
  | 'blocked'
  | 'no-source'
  // The widget's code could not be loaded: the script-tag loader's first file, or marked and
  // DOMPurify when an article had to be built after a prerendered one was taken over without them.
  | 'script';

/** A failed article load, with the reason the element shows and reports. */
export class ArticleLoadError extends Error {
  constructor(
    readonly reason: ArticleErrorReason,
    readonly status?: number,
  ) {
    super(status ? `${reason} (${status})` : reason);
    this.name = 'ArticleLoadError';
  }
}

const NOT_TEXT = /^(?:image|audio|video|font)\/|^application\/(?:octet-stream|pdf|zip|gzip|x-|vnd\.)/i;

/** True when `text` looks like an HTML page or binary data rather than markdown. */
export function looksLikeMarkdown(text: string, contentType = ''): boolean {
  if (NOT_TEXT.test(contentType)) return false;
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || /^<head[\s>]/.test(head)) return false;
  // Served as HTML: a page (even without doctype or head) rather than markdown that starts with a tag.
  if (/^text\/html/i.test(contentType) && (head.startsWith('<') || /<(?:body|head|title|script)[\s>]/.test(head))) return false;
  // Binary data decodes to NUL and replacement characters.
  const sample = text.slice(0, 4096);
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0 || c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13)) odd++;
  }
  return odd <= sample.length * 0.01;
}

/** Fetches an article's markdown, turning every failure into an `ArticleLoadError`. */
export async function fetchMarkdown(
  url: string,
  { signal, timeoutMs = 10_000 }: { signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<string> {
  const time = deadline(timeoutMs, signal);
  const failure = (error: unknown) => (signal?.aborted ? error : new ArticleLoadError(time.expired ? 'timeout' : 'network'));
  try {
    let response: Response;
    try {
      response = await fetch(url, {
        signal: time.signal,
        credentials: 'same-origin',
        headers: { Accept: 'text/markdown, text/plain;q=0.9, */*;q=0.1' },
      });
    } catch (error) {
      throw failure(error);
    }
    if (response.status === 404 || response.status === 410) throw new ArticleLoadError('not-found', response.status);
    if (!response.ok) throw new ArticleLoadError('http', response.status);
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw failure(error);
    }
    if (!looksLikeMarkdown(text, response.headers.get('content-type') ?? '')) throw new ArticleLoadError('not-markdown');
    if (!text.trim()) throw new ArticleLoadError('empty');
    return text;
  } finally {
    time.end();
  }
}
