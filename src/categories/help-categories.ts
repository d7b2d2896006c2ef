import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { HelpElement } from '../internal/help-element.js';
import { slugify } from '../internal/slug.js';
import { fillLinkTemplate, linkSetting } from '../internal/url.js';
import { styles } from './help-categories.styles.js';

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

/**
 * A labelled list of category tags ("Kategorien"), as links when `href` is a URL template.
 *
 * @csspart base - The wrapper of label and list.
 * @csspart label - The "Kategorien" label.
 * @csspart list - The list of tags.
 * @csspart tag - Each category tag.
 * @cssprop --help-category-background - Tag background.
 * @cssprop --help-category-color - Tag text colour.
 *
 * @tagname help-categories
 */
export class HelpCategories extends HelpElement {
  static override styles = [HelpElement.styles, styles];

  /** Comma-separated category names (attribute); the `items` property wins when set. */
  @property() categories = '';

  /** Category names as an array (property), e.g. from front matter. */
  @property({ attribute: false }) items?: string[];

  /** URL template for category links, e.g. `/kategorie/{slug}` or `/{lang}/c/{slug}`; without it tags are plain text. */
  @property() href = '';

  /** Overrides the translated label ("Kategorien"). */
  @property() label = '';

  /** Language of the category names when it differs from the UI's (`lang`), e.g. `de`. */
  @property({ attribute: 'tag-lang' }) tagLang = '';

  /** The names shown, from `items` or the `categories` attribute. */
  get names(): string[] {
    return this.items ? [...new Set(this.items.map((s) => s.trim()).filter(Boolean))] : parseCategoryList(this.categories);
  }

  override render(): TemplateResult | typeof nothing {
    const names = this.names;
    if (!names.length) return nothing;
    const { t } = this.localize;
    const href = linkSetting('<help-categories> href', this.href);
    return html`<div class="base" part="base">
      <span class="label" part="label" id="label">${this.label || t('categories:label')}:</span>
      <ul part="list" aria-labelledby="label" lang=${this.tagLang || nothing}>
        ${names.map((name) => {
          const url = href ? categoryUrl(href, name, this.localize.lang) : undefined;
          return html`<li>
            ${url ? html`<a class="tag" part="tag" href=${url}>${name}</a>` : html`<span class="tag" part="tag">${name}</span>`}
          </li>`;
        })}
      </ul>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'help-categories': HelpCategories;
  }
}
