import { nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { HelpElement } from '../internal/help-element.js';
import { linkSetting } from '../internal/url.js';
import { categoryList, parseCategoryList } from './category-list.js';
import { styles } from './help-categories.styles.js';

export { categoryUrl, parseCategoryList } from './category-list.js';

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
    return categoryList({
      names: this.names,
      href: linkSetting('<help-categories> href', this.href),
      lang: this.localize.lang,
      tagLang: this.tagLang,
      label: this.label || this.localize.t('categories:label'),
      labelId: 'label',
      parts: { base: 'base', label: 'label', list: 'list', tag: 'tag' },
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'help-categories': HelpCategories;
  }
}
