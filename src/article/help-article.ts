import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LocalizeController } from '../i18n/localize.js';
import { tokens } from '../styles/tokens.js';
import { styles } from './help-article.styles.js';
import { buildArticle, buildArticleSync, type ArticleModel } from './pipeline.js';
import { SanitizerBlockedError, type LinkOptions } from './sanitize.js';
import { fetchMarkdown, ArticleLoadError, type ArticleErrorReason } from './source.js';
import { isValidArticleId, toArticleId } from '../internal/article-id.js';
import { HelpCategories, parseCategoryList } from '../categories/help-categories.js';
import { defineElement } from '../internal/define-element.js';
import { widgetEvent } from '../internal/event.js';
import { warnOnce } from '../internal/dev.js';
import { resolveLang } from '../internal/lang.js';
import { copyText } from '../share/clipboard.js';
import { sectionUrl } from '../share/share-url.js';
import { HelpShare } from '../share/help-share.js';
import { HelpFeedback } from '../feedback/help-feedback.js';

/** A section as the host sees it in events and the `sections` property. */
export interface SectionInfo {
  id: string;
  title: string;
}

/** Detail of `help-article-load`. */
export interface ArticleLoadDetail {
  articleId: string;
  title: string;
  sections: SectionInfo[];
}

/** Detail of `help-article-error`. */
export interface ArticleErrorDetail {
  articleId: string;
  reason: ArticleErrorReason;
  status?: number;
}

/** Detail of `help-section-toggle`. */
export interface SectionToggleDetail {
  id: string;
  open: boolean;
}

/** Loading state of the element, reflected as the `state` attribute for styling. */
export type ArticleState = 'idle' | 'loading' | 'ready' | 'error';

/** The article id from a `src` URL: file name without extension and language suffix. */
export function idFromSrc(src: string): string {
  const file = src.split(/[?#]/)[0].split('/').pop() ?? '';
  return decodeURIComponent(file).replace(/\.(?:md|markdown|txt)$/i, '').replace(/\.[a-z]{2}(?:-[A-Za-z0-9]+)?$/, '');
}

/** The language suffix of an article file name (`x.de.md` → `de`), if it has one. */
export function langFromSrc(src: string): string | undefined {
  const file = src.split(/[?#]/)[0].split('/').pop() ?? '';
  return /\.([a-z]{2})(?:-[A-Za-z0-9]+)?\.(?:md|markdown|txt)$/i.exec(file)?.[1]?.toLowerCase();
}

const DEFAULT_TIMEOUT_MS = 10_000;
/** How long "Link kopiert" stays in the status region. */
const COPIED_MS = 5000;

// The articles on the page. Two of them may have a section with the same id; like an id in a
// document, a URL hash then belongs to the first of them.
const connected = new Set<HelpArticle>();

function ownsAnchor(article: HelpArticle, id: string): boolean {
  let first: HelpArticle | undefined;
  for (const other of connected) {
    if (!other.hasAnchor(id)) continue;
    const position = first ? other.compareDocumentPosition(first) : 0;
    // `first` follows `other` in the same tree: `other` comes first (across shadow roots: page order of connection).
    if (!first || (position & Node.DOCUMENT_POSITION_FOLLOWING && !(position & Node.DOCUMENT_POSITION_DISCONNECTED))) first = other;
  }
  return first === undefined || first === article;
}

const CHEVRON = html`<svg class="chevron" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
  <path d="M4.2 6.2a.75.75 0 0 1 1.06 0L8 8.94l2.74-2.74a.75.75 0 1 1 1.06 1.06L8.53 10.53a.75.75 0 0 1-1.06 0L4.2 7.26a.75.75 0 0 1 0-1.06Z" fill="currentColor"/>
</svg>`;

const LINK_ICON = html`<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
  <path fill="currentColor" d="M7.78 3.22a3.25 3.25 0 0 1 4.6 4.6l-1.6 1.6a.75.75 0 0 1-1.06-1.06l1.6-1.6a1.75 1.75 0 0 0-2.48-2.48l-1.6 1.6a.75.75 0 1 1-1.06-1.06Zm-1.5 8.5a3.25 3.25 0 0 1-4.6-4.6l1.6-1.6a.75.75 0 0 1 1.06 1.06l-1.6 1.6a1.75 1.75 0 0 0 2.48 2.48l1.6-1.6a.75.75 0 0 1 1.06 1.06Zm-.53-2.53 3.5-3.5a.75.75 0 0 1 1.06 1.06l-3.5 3.5a.75.75 0 0 1-1.06-1.06Z"/>
</svg>`;

/**
 * Renders a markdown help-center article: title, categories, an always-visible intro and a
 * collapsible section per `##` heading, with deep links, callouts and safe HTML.
 *
 * @fires help-article-load - The article is rendered; detail `{articleId, title, sections}`.
 * @fires help-article-error - The article could not be (fully) shown; detail `{articleId, reason, status?}`.
 * @fires help-section-toggle - The reader opened or closed a section; detail `{id, open}`.
 *
 * @csspart base - The article wrapper.
 * @csspart header - Title, date and categories.
 * @csspart title - The article title (`h1`).
 * @csspart meta - The "updated" line.
 * @csspart toolbar - The row with the expand/collapse-all button.
 * @csspart toggle-all - The expand/collapse-all button.
 * @csspart intro - Content before the first section.
 * @csspart section - Each section.
 * @csspart section-heading - Each section's `h2`.
 * @csspart section-toggle - The button inside each section heading.
 * @csspart section-body - Each section's content.
 * @csspart section-link - The "copy link to this section" button.
 * @csspart footer - Share bar and feedback control.
 * @csspart callout - Note, tip and warning boxes.
 * @csspart error - The error message box.
 * @csspart skeleton - The placeholder shown while loading.
 *
 * @cssprop --help-font-family - Text font (inherits the page's font by default).
 * @cssprop --help-heading-font-family - Heading font.
 * @cssprop --help-font-family-mono - Code font.
 * @cssprop --help-font-size - Base font size.
 * @cssprop --help-line-height - Body line height.
 * @cssprop --help-color-text - Text colour.
 * @cssprop --help-color-muted - Secondary text colour.
 * @cssprop --help-color-surface - Background.
 * @cssprop --help-color-surface-alt - Background of code, tags and panels.
 * @cssprop --help-color-border - Borders and dividers.
 * @cssprop --help-color-accent - Links, focus ring and primary buttons.
 * @cssprop --help-color-accent-contrast - Text on accent-coloured buttons.
 * @cssprop --help-color-note - Note callouts.
 * @cssprop --help-color-tip - Tip callouts.
 * @cssprop --help-color-warning - Warning callouts.
 * @cssprop --help-color-focus - Focus ring (default: the accent colour).
 * @cssprop --help-color-danger - Error messages.
 * @cssprop --help-color-success - Confirmations.
 * @cssprop --help-radius - Corner radius.
 * @cssprop --help-spacing - Base spacing unit.
 * @cssprop --help-max-width - Maximum width of the text column.
 * @cssprop --help-scroll-margin - Space kept above a section scrolled to.
 *
 * @tagname help-article
 */
export class HelpArticle extends LitElement {
  static override styles = [tokens, styles];

  /** Elements this one renders; defined on first use if the page has not defined them. */
  static dependencies: Record<string, CustomElementConstructor> = { 'help-categories': HelpCategories, 'help-share': HelpShare, 'help-feedback': HelpFeedback };

  private readonly localize = new LocalizeController(this);

  /** Markdown source; wins over `src` and an inline `<script type="text/markdown">`. */
  @property({ attribute: false }) markdown?: string;

  /** URL of the markdown article to fetch. */
  @property() src = '';

  /** Article id for feedback and events; overrides front matter and the `src` file name. */
  @property({ attribute: 'article-id' }) articleId = '';

  /** Comma-separated categories; override the front matter's. */
  @property() categories?: string;

  /** URL template for category tags, e.g. `/kategorie/{slug}`; without it tags are plain text. */
  @property({ attribute: 'category-href' }) categoryHref = '';

  /** URL template for links to other articles (`other.md#x` in markdown), e.g. `/hilfe/{id}`. */
  @property({ attribute: 'article-href' }) articleHref = '';

  /** Sections start closed (default: open). */
  @property({ type: Boolean, reflect: true }) collapsed = false;

  /** Colour scheme: `light`, `dark` or unset (follows the reader's system). */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  /** UI language; follows the nearest ancestor's `lang`, then `<html lang>`, then German. */
  @property() override lang!: string;

  /** Milliseconds to wait for `src` before showing a timeout message. */
  @property({ type: Number, attribute: 'fetch-timeout' }) fetchTimeout = DEFAULT_TIMEOUT_MS;

  /** Where ratings are posted; when set, the feedback control is shown under the article. */
  @property({ attribute: 'feedback-endpoint' }) feedbackEndpoint = '';

  /** Rating scale of the feedback control: `stars` (1–5), `thumbs` (1–2) or `faces` (1–3). */
  @property({ attribute: 'feedback-scale' }) feedbackScale: 'stars' | 'thumbs' | 'faces' = 'stars';

  /** Where unsent ratings wait: `session` (default), `local` (after consent) or `none` (memory). */
  @property({ attribute: 'feedback-storage' }) feedbackStorage: 'session' | 'local' | 'none' = 'session';

  /** Shows how many readers rated the article (read from the collector's summary). */
  @property({ type: Boolean, attribute: 'feedback-summary' }) feedbackSummary = false;

  /** Space-separated share targets in order, or `none` to hide the share bar. */
  @property() share?: string;

  /** URL to share; defaults to `<link rel="canonical">`, then the page URL without tracking parameters. */
  @property({ attribute: 'share-url' }) shareUrl = '';

  /** Loading state, reflected for styling: `idle`, `loading`, `ready` or `error`. */
  @property({ reflect: true }) state: ArticleState = 'idle';

  @state() private model?: ArticleModel;
  @state() private error?: ArticleErrorDetail;
  @state() private openIds = new Set<string>();
  @state() private copied?: { id: string; ok: boolean };

  private copiedTimer?: ReturnType<typeof setTimeout>;
  private run?: AbortController;
  private loading: Promise<void> = Promise.resolve();
  private pendingHash = true;
  private readonly onHashChange = () => this.revealHash(true);
  // A printed article is the whole article: closed sections open for printing, then close again.
  private openBeforePrint?: Set<string>;
  private readonly onBeforePrint = () => {
    if (!this.model || this.sections.every((s) => this.openIds.has(s.id))) return;
    this.openBeforePrint = this.openIds;
    this.openIds = new Set(this.sections.map((s) => s.id));
  };
  private readonly onAfterPrint = () => {
    if (this.openBeforePrint) this.openIds = this.openBeforePrint;
    this.openBeforePrint = undefined;
  };
  // A link to the section the URL already names changes nothing, so no hashchange reopens it.
  private readonly onLinkClick = (event: MouseEvent) => {
    const link = (event.target as Element).closest?.<HTMLAnchorElement>('a[href^="#"]');
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    // `link.hash` is percent-encoded like `location.hash` (`#zahlungsart-%C3%A4ndern`).
    if (location.hash && link.hash === location.hash) this.revealHash(true);
  };

  /**
   * The article's id: attribute, else front matter, else the `src` file name, else the title; a
   * file name or title is made URL-safe (`zahlungsart-ändern` → `zahlungsart-aendern`).
   */
  get resolvedId(): string {
    const given = this.articleId || this.model?.meta.id;
    if (given) return given;
    return toArticleId(this.src ? idFromSrc(this.src) : this.articleTitle.toLowerCase());
  }

  /** The article's title: front matter, else its first `#` heading. */
  get articleTitle(): string {
    return this.model?.meta.title || this.model?.heading || '';
  }

  /** The article's sections, in order. */
  get sections(): SectionInfo[] {
    return (this.model?.sections ?? []).map(({ id, title }) => ({ id, title }));
  }

  /** The categories shown: the attribute's, else the front matter's. */
  get categoryNames(): string[] {
    return this.categories != null ? parseCategoryList(this.categories) : (this.model?.meta.categories ?? []);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    for (const [tag, ctor] of Object.entries((this.constructor as typeof HelpArticle).dependencies)) {
      if (!customElements.get(tag)) defineElement(tag, ctor);
    }
    window.addEventListener('hashchange', this.onHashChange);
    window.addEventListener('beforeprint', this.onBeforePrint);
    window.addEventListener('afterprint', this.onAfterPrint);
    connected.add(this);
    // Moved in the page while loading: the load was cancelled on disconnect, so start it again.
    if (this.hasUpdated && this.state === 'loading' && this.run?.signal.aborted) this.loading = this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
    window.removeEventListener('beforeprint', this.onBeforePrint);
    window.removeEventListener('afterprint', this.onAfterPrint);
    connected.delete(this);
    this.run?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('markdown') || changed.has('src') || changed.has('articleHref') || !this.hasUpdated) {
      this.loading = this.load();
    }
    if (changed.has('collapsed') && this.model && this.hasUpdated) {
      this.openIds = this.collapsed ? new Set() : new Set(this.model.sections.map((s) => s.id));
    }
  }

  /** Fetches (if needed) and renders the article again. */
  async reload(): Promise<void> {
    this.loading = this.load();
    await this.loadComplete;
  }

  /** Resolves when the latest article source is rendered or has failed (after its event). */
  get loadComplete(): Promise<void> {
    return (async () => {
      let current: Promise<void>;
      do {
        current = this.loading;
        await current;
        await this.updateComplete;
      } while (current !== this.loading);
    })();
  }

  private inlineMarkdown(): string | undefined {
    const script = this.querySelector('script[type="text/markdown"]');
    return script ? (script.textContent ?? '') : undefined;
  }

  private linkOptions(baseUrl: string): LinkOptions {
    return {
      baseUrl,
      // Links to other articles stay in the article's language: its file suffix, else the UI's.
      lang: langFromSrc(this.src) ?? resolveLang(this).split('-')[0],
      articleHref: this.articleHref || undefined,
    };
  }

  private async load(): Promise<void> {
    this.run?.abort();
    const run = new AbortController();
    this.run = run;
    this.error = undefined;
    try {
      // A source at hand that parses in one piece is shown in this very render (load() starts in
      // willUpdate): no skeleton frame first.
      const inline = this.markdown ?? (this.src ? undefined : this.inlineMarkdown());
      let model = inline?.trim() ? buildArticleSync(inline, this.linkOptions(document.baseURI)) : undefined;
      if (!model) {
        this.state = 'loading';
        let source = inline;
        let baseUrl = document.baseURI;
        if (source == null && this.src) {
          baseUrl = new URL(this.src, document.baseURI).href;
          // A missing, negative or non-numeric fetch-timeout falls back to the default.
          const timeoutMs = Number.isFinite(this.fetchTimeout) && this.fetchTimeout > 0 ? this.fetchTimeout : DEFAULT_TIMEOUT_MS;
          source = await fetchMarkdown(baseUrl, { signal: run.signal, timeoutMs });
        }
        if (source == null && document.readyState === 'loading' && !this.src) {
          // Upgraded by a script without defer: the inline <script type="text/markdown"> below this
          // tag is not parsed yet. Look again once the document is.
          await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
          if (run.signal.aborted) return;
          source = this.markdown ?? this.inlineMarkdown();
        }
        if (source == null) throw new ArticleLoadError('no-source');
        if (!source.trim()) throw new ArticleLoadError('empty');
        model = await buildArticle(source, { ...this.linkOptions(baseUrl), signal: run.signal });
        if (run.signal.aborted) return;
      }
      this.warnAboutSource(model);
      this.model = model;
      this.openIds = this.collapsed ? new Set() : new Set(model.sections.map((s) => s.id));
      this.state = 'ready';
      this.pendingHash = true;
      await this.updateComplete;
      if (run.signal.aborted) return;
      this.dispatchEvent(
        widgetEvent<ArticleLoadDetail>('help-article-load', {
          articleId: this.resolvedId,
          title: this.articleTitle,
          sections: this.sections,
        }),
      );
      if (model.degraded === 'blocked') warnOnce('blocked', new SanitizerBlockedError().message);
      if (model.degraded) this.fail(model.degraded, undefined, false);
    } catch (error) {
      if (run.signal.aborted) return;
      const failure = error instanceof ArticleLoadError ? error : new ArticleLoadError('too-complex');
      this.model = undefined;
      this.state = 'error';
      // Listeners added right after the element was created still hear about it.
      await this.updateComplete;
      if (!run.signal.aborted) this.fail(failure.reason, failure.status, true);
    }
  }

  private fail(reason: ArticleErrorReason, status: number | undefined, fatal: boolean): void {
    const detail: ArticleErrorDetail = { articleId: this.resolvedId, reason, ...(status ? { status } : {}) };
    this.error = detail;
    if (fatal) this.state = 'error';
    this.dispatchEvent(widgetEvent<ArticleErrorDetail>('help-article-error', detail));
  }

  private warnAboutSource(model: ArticleModel): void {
    for (const problem of model.problems) warnOnce(`fm:${problem}`, `Front matter: ${problem}`);
    const titles = new Set<string>();
    for (const s of model.sections) {
      if (titles.has(s.title)) warnOnce(`dup:${s.title}`, `Duplicate section heading "${s.title}"; its id gets a number (${s.id}).`);
      titles.add(s.title);
    }
    if (this.articleId && !isValidArticleId(this.articleId)) {
      warnOnce(`id:${this.articleId}`, `article-id="${this.articleId}" should be a URL-safe slug.`);
    }
  }

  /** Opens a section (or the section holding a sub-heading) and optionally scrolls to it. */
  async openSection(id: string, { scroll = true }: { scroll?: boolean } = {}): Promise<boolean> {
    const section = this.findSection(id);
    if (!section) return false;
    if (!this.openIds.has(section)) this.openIds = new Set(this.openIds).add(section);
    await this.updateComplete;
    if (scroll) this.renderRoot.querySelector(`[id="${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'start' });
    return true;
  }

  /** Opens every section. */
  expandAll(): void {
    this.openIds = new Set(this.sections.map((s) => s.id));
  }

  /** Closes every section. */
  collapseAll(): void {
    this.openIds = new Set();
  }

  private findSection(id: string): string | undefined {
    if (!this.model) return undefined;
    if (this.model.sections.some((s) => s.id === id)) return id;
    // A sub-heading: section bodies live in the shadow root once rendered (their fragments are empty).
    const inRoot = this.renderRoot.querySelector(`[id="${CSS.escape(id)}"]`);
    const holder = inRoot?.closest('[data-section]');
    return holder?.getAttribute('data-section') ?? undefined;
  }

  /** True when a section or heading of this article has the anchor `id`. */
  hasAnchor(id: string): boolean {
    return this.findSection(id) !== undefined;
  }

  private revealHash(scroll: boolean): void {
    let id = '';
    try {
      id = decodeURIComponent(location.hash.slice(1));
    } catch {
      return;
    }
    if (id && ownsAnchor(this, id)) void this.openSection(id, { scroll });
  }

  private toggle(id: string): void {
    const open = !this.openIds.has(id);
    const next = new Set(this.openIds);
    if (open) next.add(id);
    else next.delete(id);
    this.openIds = next;
    this.dispatchEvent(widgetEvent<SectionToggleDetail>('help-section-toggle', { id, open }));
  }

  private toggleAll(): void {
    const allOpen = this.sections.every((s) => this.openIds.has(s.id));
    for (const s of this.sections) {
      if (this.openIds.has(s.id) === allOpen) {
        this.dispatchEvent(widgetEvent<SectionToggleDetail>('help-section-toggle', { id: s.id, open: !allOpen }));
      }
    }
    if (allOpen) this.collapseAll();
    else this.expandAll();
  }

  protected override updated(): void {
    // Callout labels follow the UI language without a new parse.
    const { t } = this.localize;
    for (const label of this.renderRoot.querySelectorAll<HTMLElement>('[data-callout-title]')) {
      const kind = label.dataset.calloutTitle;
      if (kind) label.textContent = t(`article:callout.${kind}`);
      label.closest('.callout')?.setAttribute('role', 'note');
      label.closest('.callout')?.setAttribute('part', 'callout');
    }
    if (this.pendingHash && this.state === 'ready') {
      this.pendingHash = false;
      if (location.hash) this.revealHash(true);
    }
  }

  private renderError(): TemplateResult {
    const { t } = this.localize;
    const reason = this.error?.reason ?? 'network';
    return html`<div class="error" part="error" role="alert">
      <p class="error-title">${t('article:error.title')}</p>
      <p>${t(`article:error.${reason}`, { status: this.error?.status })}</p>
      ${this.src && ['network', 'timeout', 'http'].includes(reason)
        ? html`<button class="button" @click=${() => this.reload()}>${t('article:error.retry')}</button>`
        : nothing}
    </div>`;
  }

  private renderNotice(): TemplateResult | typeof nothing {
    const reason = this.model?.degraded;
    if (!reason) return nothing;
    return html`<p class="notice" part="error" role="status">${this.localize.t(`article:error.${reason}`)}</p>`;
  }

  private renderSkeleton(): TemplateResult {
    return html`<div class="skeleton" part="skeleton" aria-busy="true">
      <span class="visually-hidden" role="status">${this.localize.t('article:loading')}</span>
      <div class="bone title"></div>
      <div class="bone"></div>
      <div class="bone"></div>
      <div class="bone short"></div>
    </div>`;
  }

  private async copySectionLink(id: string): Promise<void> {
    const ok = await copyText(sectionUrl(id, this.shareUrl || undefined));
    clearTimeout(this.copiedTimer);
    // Empty the live region first: the same text set again is not announced again.
    if (this.copied) {
      this.copied = undefined;
      await this.updateComplete;
    }
    this.copied = { id, ok };
    // The message leaves the reading order once it has been read out.
    this.copiedTimer = setTimeout(() => (this.copied = undefined), COPIED_MS);
  }

  /** Share bar and feedback control under the article. */
  protected renderFooter(): TemplateResult {
    const lang = this.localize.lang;
    return html`<footer class="footer" part="footer">
      ${this.share?.trim() === 'none'
        ? nothing
        : html`<help-share
            exportparts="base: share, button: share-button"
            share=${this.share ?? nothing}
            share-url=${this.shareUrl || nothing}
            .articleTitle=${this.articleTitle}
            lang=${lang}
            theme=${this.theme ?? nothing}
          ></help-share>`}
      ${this.feedbackEndpoint
        ? html`<help-feedback
            exportparts="base: feedback"
            feedback-endpoint=${this.feedbackEndpoint}
            feedback-scale=${this.feedbackScale}
            feedback-storage=${this.feedbackStorage}
            ?feedback-summary=${this.feedbackSummary}
            article-id=${this.resolvedId}
            .sections=${this.sections}
            lang=${lang}
            theme=${this.theme ?? nothing}
          ></help-feedback>`
        : nothing}
    </footer>`;
  }

  override render(): TemplateResult {
    const { t } = this.localize;
    if (this.state === 'error') return html`<article class="base" part="base">${this.renderError()}</article>`;
    const model = this.model;
    if (!model) return html`<article class="base" part="base">${this.renderSkeleton()}</article>`;
    const sections = model.sections;
    const allOpen = sections.length > 0 && sections.every((s) => this.openIds.has(s.id));
    const updated = model.meta.updated;
    // The article's own language (front matter, file name) may differ from the UI language.
    const contentLang = model.meta.lang ?? langFromSrc(this.src) ?? this.localize.lang;
    return html`<article class=${model.long ? 'base long' : 'base'} part="base" lang=${this.localize.lang} @click=${this.onLinkClick}>
      <header class="header" part="header">
        ${this.articleTitle ? html`<h1 class="title" part="title" lang=${contentLang}>${this.articleTitle}</h1>` : nothing}
        ${updated
          ? html`<p class="meta" part="meta">
              <time datetime=${updated}>${t('article:updated', { date: this.localize.date(updated) })}</time>
            </p>`
          : nothing}
        <help-categories
          exportparts="base: categories, tag: category"
          .items=${this.categoryNames}
          href=${this.categoryHref}
          lang=${this.localize.lang}
          tag-lang=${contentLang}
          theme=${this.theme ?? nothing}
        ></help-categories>
      </header>
      ${this.renderNotice()}
      <div class="intro prose" part="intro" lang=${contentLang}>${model.intro}</div>
      ${sections.length > 1
        ? html`<div class="toolbar" part="toolbar">
            <button class="link-button" part="toggle-all" @click=${this.toggleAll} aria-expanded=${allOpen}>
              ${allOpen ? t('article:collapseAll') : t('article:expandAll')}
            </button>
          </div>`
        : nothing}
      ${sections.map((s) => {
        const open = this.openIds.has(s.id);
        return html`<section class="section" part="section" data-section=${s.id} ?data-open=${open}>
          <div class="section-head">
            <h2 class="section-heading" part="section-heading" id=${s.id}>
              <button
                class="section-toggle"
                part="section-toggle"
                aria-expanded=${open}
                aria-controls=${`${s.id}--panel`}
                @click=${() => this.toggle(s.id)}
              >
                ${CHEVRON}<span class="section-title" lang=${contentLang}>${s.title}</span>
              </button>
            </h2>
            <!-- Beside the heading, not in it: the heading's name is the section title alone. -->
            <button
              class="copy-link"
              part="section-link"
              title=${t('article:copySectionLink')}
              aria-label=${`${t('article:copySectionLink')}: ${s.title}`}
              @click=${() => this.copySectionLink(s.id)}
            >
              ${LINK_ICON}
            </button>
          </div>
          <div
            class="section-body prose"
            part="section-body"
            lang=${contentLang}
            id=${`${s.id}--panel`}
            hidden=${open ? nothing : 'until-found'}
            @beforematch=${() => this.openSection(s.id, { scroll: false })}
          >
            ${s.body}
          </div>
        </section>`;
      })}
      ${this.renderFooter()}
      <div class="visually-hidden" role="status" aria-live="polite">
        ${this.copied ? t(this.copied.ok ? 'article:linkCopied' : 'article:linkCopyFailed') : ''}
      </div>
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'help-article': HelpArticle;
  }
  interface GlobalEventHandlersEventMap {
    'help-article-load': CustomEvent<ArticleLoadDetail>;
    'help-article-error': CustomEvent<ArticleErrorDetail>;
    'help-section-toggle': CustomEvent<SectionToggleDetail>;
  }
}
