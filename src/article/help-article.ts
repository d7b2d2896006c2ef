import { html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { property, state } from 'lit/decorators.js';
import { HelpElement } from '../internal/help-element.js';
import { controls } from '../styles/controls.js';
import { styles } from './help-article.styles.js';
import type { ArticleModel, PipelineOptions, PreparedArticle } from '../pipeline/index.js';
import { SanitizerBlockedError } from '../pipeline/policy.js';
import type { ArticleErrorReason } from './fetch-markdown.js';
import { ArticleLoader, type ArticleState, type LoadOutcome } from './article-loader.js';
import { AnchorController } from './anchors.js';
import { PrintSectionsController } from './print-sections.js';
import { CalloutLabelsController } from './callout-labels.js';
import { contentHtml } from './content-html.js';
import { idFromSrc, isValidArticleId, langFromSrc, toArticleId } from '../internal/article-id.js';
import { categoryList, categoryListStyles, parseCategoryList } from '../categories/category-list.js';
import { warnOnce } from '../internal/dev.js';
import { copyText } from '../internal/clipboard.js';
import { LiveStatusController } from '../internal/live-status.js';
import { sectionUrl } from '../internal/page-url.js';
import { linkSetting } from '../internal/url.js';
import { DeferredPartsController } from './deferred-parts.js';
import { embeddedText } from './embedded-markdown.js';

export { idFromSrc };
export type { ArticleState };

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

/** Detail of `help-article-toggle` (and of its old name `help-section-toggle`). */
export interface SectionToggleDetail {
  id: string;
  open: boolean;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/** The id of a section's panel: `:` never occurs in a heading's id, so the two cannot clash. */
const panelId = (id: string) => `${id}:panel`;
/** The id of a section's title, which names its toggle button. */
const titleId = (id: string) => `${id}:title`;

/**
 * Renders a markdown help-center article: title, categories, an always-visible intro and a
 * collapsible section per `##` heading, with deep links, callouts and safe HTML.
 *
 * @fires help-article-load - The article is rendered; detail `{articleId, title, sections}`.
 * @fires help-article-error - The article could not be (fully) shown; detail `{articleId, reason, status?}`.
 * @fires help-article-toggle - The reader opened or closed a section; detail `{id, open}`.
 * @fires help-section-toggle - Deprecated name of `help-article-toggle` (sent as well until 0.3).
 *
 * @csspart base - The article wrapper.
 * @csspart header - Title, date and categories.
 * @csspart title - The article title (`h1`).
 * @csspart meta - The "updated" line.
 * @csspart categories - The labelled list of category tags.
 * @csspart category - Each category tag.
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
 * @csspart error - The error message box (the article cannot be shown).
 * @csspart notice - The notice above an article shown partly as plain text.
 * @csspart retry-button - "Erneut versuchen" in the error box.
 * @csspart home-link - The link to the help center's home in the error box (with `home-href`).
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
export class HelpArticle extends HelpElement {
  static override styles = [HelpElement.styles, controls, categoryListStyles, styles];

  // `<help-share>` and `<help-feedback>` are defined after the first paint (DeferredPartsController).

  /** Markdown source; wins over `src` and an inline `<script type="text/markdown">`. */
  @property({ attribute: false }) markdown?: string;

  /** An article built ahead by the same pipeline (set by the server render, `help-article-widget/ssr`). */
  @property({ attribute: false }) built?: ArticleModel;

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

  /** Sections start closed (default: open); they stay open where find-in-page could not find closed text. */
  @property({ type: Boolean, reflect: true }) collapsed = false;

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

  /** The help center's home page, offered when an article cannot be shown. */
  @property({ attribute: 'home-href' }) homeHref = '';

  /** Loading state, reflected for styling: `idle`, `loading`, `ready` or `error`. */
  @property({ reflect: true }) state: ArticleState = 'idle';

  @state() private openIds: ReadonlySet<string> = new Set<string>();

  private readonly loader = new ArticleLoader(
    this,
    () => this.source(),
    (outcome) => this.settled(outcome),
  );
  private readonly anchors = new AnchorController(this);
  private readonly copied = new LiveStatusController<{ ok: boolean }>(this);
  private shown?: ArticleModel;

  constructor() {
    super();
    new DeferredPartsController(this, () => this.model !== undefined);
    new CalloutLabelsController(this, {
      article: () => this.model,
      lang: () => this.localize.lang,
      label: this.calloutLabel,
      root: () => this.renderRoot,
    });
    new PrintSectionsController(this, {
      open: () => this.openIds,
      all: () => this.sections.map((s) => s.id),
      set: (ids) => (this.openIds = ids),
    });
  }

  /** The article shown, once built. */
  protected get model(): ArticleModel | undefined {
    return this.loader.model;
  }

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

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('markdown') || changed.has('built') || changed.has('src') || changed.has('articleHref') || !this.hasUpdated) this.loader.load();
    // Section links are copied with it even when no share bar is shown.
    if (changed.has('shareUrl')) linkSetting('share-url', this.shareUrl);
    this.state = this.loader.state;
    if (this.model !== this.shown) {
      // A new article: its sections start as `collapsed` says, and the URL's section opens.
      this.shown = this.model;
      if (this.model) {
        this.openIds = this.startClosed() ? new Set() : new Set(this.model.sections.map((s) => s.id));
        this.anchors.articleChanged();
      }
    } else if (changed.has('collapsed') && this.model && this.hasUpdated) {
      this.openIds = this.startClosed() ? new Set() : new Set(this.model.sections.map((s) => s.id));
    }
  }

  // Lit SSR renders strings, not DOM: on the server a sanitized fragment goes out as its HTML. A
  // page that takes that markup over renders the same strings (src/article/hydrate-article.ts).
  protected content(fragment: DocumentFragment): DocumentFragment | ReturnType<typeof unsafeHTML> {
    return isServer ? contentHtml(fragment, this.calloutLabel) : fragment;
  }

  // The article the page shows already, when it is built from this markdown with these options: a
  // prerendered one, read back from the server's markup (src/article/hydrate-article.ts).
  protected articleInPage(_markdown: string, _prepared: PreparedArticle, _options: PipelineOptions): ArticleModel | undefined {
    return undefined;
  }

  /** The label of an untitled callout box in the UI language. */
  protected readonly calloutLabel = (kind: 'note' | 'tip' | 'warning') => this.localize.t(`article:callout.${kind}`);

  // A closed section is `hidden="until-found"`: find-in-page still finds its text and opens it
  // (`beforematch`). An engine without it (Firefox before 139, older Safari) would hide the text from
  // find-in-page, so there `collapsed` leaves the sections open; the reader can still close them.
  private startClosed(): boolean {
    return this.collapsed && (isServer || 'onbeforematch' in HTMLElement.prototype);
  }

  /** Fetches (if needed) and renders the article again. */
  async reload(): Promise<void> {
    this.loader.load();
    await this.loadComplete;
  }

  /** Resolves when the latest article source is rendered or has failed (after its event). */
  get loadComplete(): Promise<void> {
    return this.loader.complete;
  }

  private inlineMarkdown(): string | undefined {
    const script = this.querySelector('script[type="text/markdown"]');
    return script ? (script.textContent ?? '') : undefined;
  }

  // The markdown of `src`, put in the page by the server render (`<script type="text/markdown"
  // data-src>`): the article is shown without fetching it again.
  private embeddedMarkdown(): string | undefined {
    if (isServer || !this.src) return undefined;
    const script = this.querySelector('script[type="text/markdown"][data-src]');
    return script?.getAttribute('data-src') === this.src ? embeddedText(script) : undefined;
  }

  /** What the loader reads: the source at hand now, and how its links resolve. */
  private source() {
    const embedded = this.markdown === undefined ? this.embeddedMarkdown() : undefined;
    return {
      markdown: this.markdown ?? (this.src ? embedded : this.inlineMarkdown()),
      fromSrc: embedded !== undefined,
      built: this.built,
      inPage: (markdown: string, prepared: PreparedArticle, options: PipelineOptions) => this.articleInPage(markdown, prepared, options),
      src: this.src || undefined,
      inline: () => this.markdown ?? this.inlineMarkdown(),
      // A missing, negative or non-numeric fetch-timeout falls back to the default.
      timeoutMs: Number.isFinite(this.fetchTimeout) && this.fetchTimeout > 0 ? this.fetchTimeout : DEFAULT_TIMEOUT_MS,
      options: (baseUrl: string): PipelineOptions => ({
        baseUrl,
        // Links to other articles stay in the article's language: its file suffix, else the UI's.
        lang: langFromSrc(this.src) ?? this.localize.lang.split('-')[0],
        articleHref: linkSetting('article-href', this.articleHref),
        emptyHeadingId: this.localize.t('article:emptyHeadingId'),
      }),
    };
  }

  private settled(outcome: LoadOutcome): void {
    if ('error' in outcome) {
      this.emit('help-article-error', this.errorDetail(outcome.error.reason, outcome.error.status));
      return;
    }
    const { model } = outcome;
    // A long article's later parts came after its first render: the URL may name a heading in them.
    if (model.deferred.length) {
      this.anchors.articleChanged();
      this.requestUpdate();
    }
    this.warnAboutSource(model);
    this.emit('help-article-load', { articleId: this.resolvedId, title: this.articleTitle, sections: this.sections });
    if (model.degraded === 'blocked') warnOnce('blocked', new SanitizerBlockedError().message);
    if (model.degraded) this.emit('help-article-error', this.errorDetail(model.degraded));
  }

  private errorDetail(reason: ArticleErrorReason, status?: number): ArticleErrorDetail {
    return { articleId: this.resolvedId, reason, ...(status ? { status } : {}) };
  }

  private warnAboutSource(model: ArticleModel): void {
    for (const problem of model.problems) warnOnce(`fm/${problem}`, `Front matter: ${problem}`);
    const titles = new Set<string>();
    for (const s of model.sections) {
      if (titles.has(s.title)) warnOnce(`dup/${s.title}`, `Duplicate section heading "${s.title}"; its id gets a number (${s.id}).`);
      titles.add(s.title);
    }
    if (this.articleId && !isValidArticleId(this.articleId)) {
      warnOnce(`id/${this.articleId}`, `article-id="${this.articleId}" should be a URL-safe slug.`);
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

  private toggle(id: string): void {
    const open = !this.openIds.has(id);
    const next = new Set(this.openIds);
    if (open) next.add(id);
    else next.delete(id);
    this.openIds = next;
    this.announceToggle({ id, open });
  }

  private announceToggle(detail: SectionToggleDetail): void {
    this.emit('help-article-toggle', detail);
    this.emit('help-section-toggle', detail);
  }

  private toggleAll(): void {
    const allOpen = this.sections.every((s) => this.openIds.has(s.id));
    for (const s of this.sections) {
      if (this.openIds.has(s.id) === allOpen) this.announceToggle({ id: s.id, open: !allOpen });
    }
    if (allOpen) this.collapseAll();
    else this.expandAll();
  }

  private renderError(): TemplateResult {
    const { t } = this.localize;
    const error = this.loader.error;
    const reason: ArticleErrorReason = error?.reason ?? 'network';
    // A fetched article may be there on a second try (network, server, or an article just published).
    const retry = this.src && ['network', 'timeout', 'http', 'not-found'].includes(reason);
    const home = linkSetting('home-href', this.homeHref);
    return html`<div class="error" part="error" role="alert">
      <p class="error-title">${t('article:error.title')}</p>
      <p>${t(`article:error.${reason}`, { status: error?.status })}</p>
      ${retry || home
        ? html`<div class="actions">
            ${retry
              ? html`<button class="button" part="retry-button" @click=${() => this.reload()}>${t('article:error.retry')}</button>`
              : nothing}
            ${home ? html`<a class="home-link" part="home-link" href=${home}>${t('article:error.home')}</a>` : nothing}
          </div>`
        : nothing}
    </div>`;
  }

  private renderNotice(): TemplateResult | typeof nothing {
    const reason = this.model?.degraded;
    if (!reason) return nothing;
    // `error` stays on the notice until 0.3 (it was its only part before 0.2).
    return html`<p class="notice" part="notice error" role="status">${this.localize.t(`article:error.${reason}`)}</p>`;
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
    await this.copied.announce({ ok: await copyText(sectionUrl(id, this.shareUrl || undefined)) });
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
            lang=${lang}
            theme=${this.theme ?? nothing}
          ></help-feedback>`
        : nothing}
    </footer>`;
  }

  // One template per section, its icons inline: a nested template per icon cost two more template
  // instances a section on the first render. The title sits beside the toggle button, not in it (it
  // may hold links, which a button cannot); the button still covers the whole heading (CSS), so a
  // click anywhere toggles. The copy-link button sits beside the heading, not in it: the heading's
  // name is the section title alone.
  private renderSection(s: ArticleModel['sections'][number], contentLang: string, copyLabel: string): TemplateResult {
    const open = this.openIds.has(s.id);
    return html`<section class="section" part="section" data-section=${s.id} ?data-open=${open}>
      <div class="section-head">
        <h2 class="section-heading" part="section-heading" id=${s.id}>
          <button
            class="section-toggle"
            part="section-toggle"
            aria-expanded=${open}
            aria-controls=${panelId(s.id)}
            aria-labelledby=${titleId(s.id)}
            @click=${() => this.toggle(s.id)}
          >
            <svg class="chevron" viewBox="0 0 16 16" width="20" height="20" aria-hidden="true">
              <path d="M4.2 6.2a.75.75 0 0 1 1.06 0L8 8.94l2.74-2.74a.75.75 0 1 1 1.06 1.06L8.53 10.53a.75.75 0 0 1-1.06 0L4.2 7.26a.75.75 0 0 1 0-1.06Z" fill="currentColor"/>
            </svg>
          </button>
          <span class="section-title" id=${titleId(s.id)} lang=${contentLang}>${this.content(s.content)}</span>
        </h2>
        <button
          class="copy-link"
          part="section-link"
          title=${copyLabel}
          aria-label=${`${copyLabel}: ${s.title}`}
          @click=${() => this.copySectionLink(s.id)}
        >
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
            <path fill="currentColor" d="M7.78 3.22a3.25 3.25 0 0 1 4.6 4.6l-1.6 1.6a.75.75 0 0 1-1.06-1.06l1.6-1.6a1.75 1.75 0 0 0-2.48-2.48l-1.6 1.6a.75.75 0 1 1-1.06-1.06Zm-1.5 8.5a3.25 3.25 0 0 1-4.6-4.6l1.6-1.6a.75.75 0 0 1 1.06 1.06l-1.6 1.6a1.75 1.75 0 0 0 2.48 2.48l1.6-1.6a.75.75 0 0 1 1.06 1.06Zm-.53-2.53 3.5-3.5a.75.75 0 0 1 1.06 1.06l-3.5 3.5a.75.75 0 0 1-1.06-1.06Z"/>
          </svg>
        </button>
      </div>
      <div
        class="section-body prose"
        part="section-body"
        lang=${contentLang}
        id=${panelId(s.id)}
        hidden=${open ? nothing : 'until-found'}
        @beforematch=${() => this.openSection(s.id, { scroll: false })}
      >
        ${this.content(s.body)}
      </div>
    </section>`;
  }

  override render(): TemplateResult {
    const { t } = this.localize;
    if (this.loader.state === 'error') return html`<article class="base" part="base">${this.renderError()}</article>`;
    const model = this.model;
    if (!model) return html`<article class="base" part="base">${this.renderSkeleton()}</article>`;
    const sections = model.sections;
    const allOpen = sections.length > 0 && sections.every((s) => this.openIds.has(s.id));
    const updated = model.meta.updated;
    // The article's own language (front matter, file name) may differ from the UI language.
    const contentLang = model.meta.lang ?? langFromSrc(this.src) ?? this.localize.lang;
    const copyLabel = t('article:copySectionLink');
    return html`<article class=${model.long ? 'base long' : 'base'} part="base" lang=${this.localize.lang}>
      <header class="header" part="header">
        ${this.articleTitle
          ? html`<h1 class="title" part="title" lang=${contentLang}>${model.meta.title || (model.headingContent ? this.content(model.headingContent) : this.articleTitle)}</h1>`
          : nothing}
        ${updated
          ? html`<p class="meta" part="meta">
              <time datetime=${updated}>${t('article:updated', { date: this.localize.date(updated) })}</time>
            </p>`
          : nothing}
        ${categoryList({
          names: this.categoryNames,
          href: linkSetting('category-href', this.categoryHref),
          lang: this.localize.lang,
          tagLang: contentLang,
          label: t('categories:label'),
          labelId: 'categories:label',
          parts: { base: 'categories', tag: 'category' },
        })}
      </header>
      ${this.renderNotice()}
      <div class="intro prose" part="intro" lang=${contentLang}>${this.content(model.intro)}</div>
      ${sections.length > 1
        ? html`<div class="toolbar" part="toolbar">
            <span class="section-count">${t('article:sectionCount', { count: sections.length })}</span>
            <button class="link-button" part="toggle-all" @click=${this.toggleAll} aria-expanded=${allOpen}>
              ${allOpen ? t('article:collapseAll') : t('article:expandAll')}
            </button>
          </div>`
        : nothing}
      ${sections.map((s) => this.renderSection(s, contentLang, copyLabel))}
      ${this.renderFooter()}
      <div class="visually-hidden" role="status" aria-live="polite">
        ${this.copied.value ? t(this.copied.value.ok ? 'article:linkCopied' : 'article:linkCopyFailed') : ''}
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
    'help-article-toggle': CustomEvent<SectionToggleDetail>;
    /** @deprecated Listen to `help-article-toggle`; this name is sent until 0.3. */
    'help-section-toggle': CustomEvent<SectionToggleDetail>;
  }
}
