// What the sanitizer lets through and how it says the page stopped it, without the sanitizer:
// the element and the pipeline's public exports read these, and DOMPurify (src/pipeline/sanitize.ts)
// loads only with the parser (src/pipeline/parser.ts).

/** How links and images of one article are resolved. */
export interface LinkOptions {
  /** Absolute URL that relative links and images resolve against (the article's `src`). */
  baseUrl: string;
  /** Language of the article, filled into `{lang}` of `articleHref` for cross-article links. */
  lang: string;
  /** URL template for links to other articles (`other-id.md#part`): `{id}`, `{lang}`. */
  articleHref?: string;
  /** The page's origin: links elsewhere open in a new tab. Default: `location.origin`. */
  pageOrigin?: string;
}

/**
 * Link schemes that keep their `href`; every other scheme loses it (the text stays). GitHub's
 * list (http, https, mailto, xmpp, irc, ircs) plus phone, SMS and calendar subscriptions, which
 * help centers link to. None of them runs code in the page.
 */
export const LINK_SCHEMES = ['http:', 'https:', 'mailto:', 'tel:', 'sms:', 'xmpp:', 'irc:', 'ircs:', 'webcal:'] as const;

/** The page's policy (e.g. Trusted Types without the `dompurify` policy) stops the sanitizer. */
export class SanitizerBlockedError extends Error {
  constructor() {
    super('The sanitizer cannot run under this page\'s policy (Trusted Types: allow "dompurify").');
    this.name = 'SanitizerBlockedError';
  }
}
