import { css, html, nothing, type TemplateResult } from 'lit';
import { slugify } from '../internal/slug.js';
import { fillLinkTemplate } from '../internal/url.js';

/** Turns a comma-separated attribute into trimmed, non-empty, unique names. */
export function parseCategoryList(value: string | null | undefined): string[] {
  return [...new Set((value ?? '').split(',').map((s) => s.trim()).filter(Boolean))];
}

/**
 * Fills `{slug}`, `{name}` and `{lang}` (the tags' language, e.g. `en`: category names differ per
 * language) of a category URL template; only http(s) and relative URLs pass.
 */
export function categoryUrl(template: string, name: string, lang: string): string | undefined {
  return fillLinkTemplate(template, { slug: slugify(name), name, lang: lang.split('-')[0] });
}

export interface CategoryListOptions {
  names: readonly string[];
  /** A URL template already checked with `linkSetting`; without one the tags are plain text. */
  href?: string;
  /** The UI's language, for `{lang}` of `href`. */
  lang: string;
  /** The names' language where it differs from the UI's. */
  tagLang?: string;
  /** The label before the list, without its colon. */
  label: string;
  /** An id for the label, unique in its shadow root. */
  labelId: string;
  /** Part names of the wrapper, label, list and each tag (none where omitted). */
  parts: { base: string; label?: string; list?: string; tag: string };
}

/**
 * A labelled list of category tags, as links when `href` is given: the body of `<help-categories>`,
 * and of `<help-article>`'s header in its own shadow root (a nested element there cost the seed
 * article's first render about 0.5 ms, bench/render.mjs).
 */
export function categoryList(o: CategoryListOptions): TemplateResult | typeof nothing {
  if (!o.names.length) return nothing;
  return html`<div class="categories" part=${o.parts.base}>
    <span class="categories-label" part=${o.parts.label ?? nothing} id=${o.labelId}>${o.label}:</span>
    <ul class="categories-list" part=${o.parts.list ?? nothing} aria-labelledby=${o.labelId} lang=${o.tagLang || nothing}>
      ${o.names.map((name) => {
        const url = o.href ? categoryUrl(o.href, name, o.lang) : undefined;
        return url
          ? html`<li><a class="tag" part=${o.parts.tag} href=${url}>${name}</a></li>`
          : html`<li><span class="tag" part=${o.parts.tag}>${name}</span></li>`;
      })}
    </ul>
  </div>`;
}

export const categoryListStyles = css`
  .categories {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    font-size: 0.875em;
  }
  .categories-label {
    color: var(--_muted);
  }
  .categories-list {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  /* Plain names read as text; only linked tags look like something to click. */
  .categories .tag {
    display: inline-block;
    color: var(--help-category-color, var(--_text));
    line-height: 1.6;
  }
  .categories span.tag {
    padding: 0.125rem 0;
  }
  .categories li:has(span.tag) + li::before {
    content: '\\00b7'; /* · (an escape: the bundle stays ASCII-only) */
    margin-inline-end: 0.375rem;
    color: var(--_muted);
  }
  .categories a.tag {
    padding: 0.125rem 0.625rem;
    border-radius: 999px;
    background: var(--help-category-background, var(--_surface-alt));
    border: 1px solid var(--_border);
    text-decoration: none;
  }
  .categories a.tag:hover {
    border-color: var(--_accent);
    color: var(--_accent);
  }
`;
