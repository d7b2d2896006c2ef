import { warnOnce } from './dev.js';

/**
 * URL checks and templates, once for the whole widget: every link the widget builds (category
 * tags, links to other articles, share links, the collector's summary) goes through here.
 */

/** Parses `raw` against `base`; `undefined` when it is no URL. */
export function parseUrl(raw: string, base: string = document.baseURI): URL | undefined {
  try {
    return new URL(raw, base);
  } catch {
    return undefined;
  }
}

/** True for a URL whose scheme is `http:` or `https:`. */
export function isHttp(url: URL | undefined): url is URL {
  return url !== undefined && (url.protocol === 'http:' || url.protocol === 'https:');
}

/** `raw` resolved against `base` when it is an http(s) URL (absolute or relative), else `undefined`. */
export function httpUrl(raw: string | null | undefined, base?: string): URL | undefined {
  if (!raw) return undefined;
  const url = parseUrl(raw, base);
  return isHttp(url) ? url : undefined;
}

/**
 * Fills `{name}` placeholders of a URL template with `encodeURIComponent`-encoded values (so no
 * value can leave its parameter); unknown placeholders stay as written.
 */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.hasOwn(values, key) ? encodeURIComponent(values[key]) : whole,
  );
}

/**
 * A host-given link template filled in, only when the result is an http(s) or relative URL:
 * `javascript:` and other schemes from a template never reach an `href`. Relative results stay
 * relative (as the host wrote them).
 */
export function fillLinkTemplate(template: string, values: Readonly<Record<string, string>>): string | undefined {
  const filled = fillTemplate(template, values);
  return httpUrl(filled) ? filled : undefined;
}

/**
 * A host's link setting (a URL or URL template such as `category-href`) when it makes http(s) or
 * relative URLs; otherwise `undefined`, and a dev-mode warning once per setting and value: a
 * `javascript:` or `data:` template is refused as a whole, not link by link.
 */
export function linkSetting(name: string, value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  // Placeholders as letters: `{id}` neither hides nor adds a scheme.
  if (httpUrl(value.replace(/\{\w+\}/g, 'x'))) return value;
  warnOnce(`${name}:${value}`, `${name}="${value}" is not an http(s) or relative URL; it is ignored.`);
  return undefined;
}
