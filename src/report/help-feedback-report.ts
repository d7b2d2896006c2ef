import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { HelpElement } from '../internal/help-element.js';
import { controls } from '../styles/controls.js';
import { REASONS, SCALES, type FeedbackScale } from '../feedback/wire.js';
import type { TranslationKey } from '../i18n/translation.js';
import './labels.js';
import { styles } from './help-feedback-report.styles.js';
import {
  ReportClient,
  type ArticleReport,
  type CommentPage,
  type Overview,
  type ReportComment,
  type ReportFailure,
  type ReportFilter,
  type ReportPeriod,
  type ReportRow,
} from './report-client.js';
import { commentsCsv, overviewCsv, type CsvDelimiter } from './report-csv.js';
import { loadTitles, titleOf, type Titles } from './titles.js';

/** What the report shows. */
export type ReportView = 'loading' | 'login' | 'overview' | 'detail' | 'error';

/** A column the overview can be sorted by. */
export type ReportSortKey = 'article' | 'ratings' | 'average' | 'positive' | 'comments' | 'last';

/** `detail` of `help-feedback-report-load`: a view was shown with fresh figures. */
export interface ReportLoadDetail {
  view: 'overview' | 'detail';
  articleId?: string;
}

/** `detail` of `help-feedback-report-error`: a request failed; the report shows what to do. */
export interface ReportErrorDetail {
  failure: ReportFailure;
}

/** `detail` of `help-feedback-report-change`: a submission was marked or deleted in the collector. */
export interface ReportChangeDetail {
  submissionId: string;
  action: 'done' | 'open' | 'delete';
}

/** `detail` of `help-feedback-report-export`: a CSV file; cancel the event to handle it yourself instead of the download. */
export interface ReportExportDetail {
  filename: string;
  csv: string;
  delimiter: CsvDelimiter;
}

const PERIODS: readonly ReportPeriod[] = ['7', '30', '90', 'all'];
const PAGE_SIZE = 10;
const COLUMN_LABEL: Record<ReportSortKey, TranslationKey> = {
  article: 'report:columns.article',
  ratings: 'report:columns.ratings',
  average: 'report:columns.average',
  positive: 'report:columns.positive',
  comments: 'report:columns.comments',
  last: 'report:columns.last',
};

/** Share of positive answers, 0…1. */
const share = (row: ReportRow) => (row.count ? row.positive / row.count : 0);

/**
 * The owner's feedback report: which articles fail readers and why, from the collector's admin
 * routes. Overview (sortable, filtered by period, language and scale), one article's detail with
 * its comments (mark done, delete), CSV export of the view, login with the admin token.
 *
 * @fires help-feedback-report-load - A view was shown with fresh figures.
 * @fires help-feedback-report-error - A request failed (unreachable, session expired, not allowed …).
 * @fires help-feedback-report-change - A submission was marked done, opened again or deleted.
 * @fires help-feedback-report-export - A CSV export is ready (cancelable: handle the file yourself).
 * @csspart base - The report's frame.
 * @csspart header - Title, filters and actions.
 * @csspart table - The overview table.
 * @csspart notice - A state's message (empty, unreachable, not allowed).
 */
export class HelpFeedbackReport extends HelpElement {
  static override styles = [HelpElement.styles, controls, styles];

  /** The collector's origin; the page's own when unset. */
  @property() endpoint?: string;

  /** URL of the content index (`dist/content-index.json`) that gives article titles; ids are shown without it. */
  @property({ attribute: 'content-index' }) contentIndex?: string;

  /** Ratings an article needs before its share of positive answers ranks it among the ones that fail readers. */
  @property({ attribute: 'min-ratings', type: Number }) minRatings = 5;

  /** Period of the figures: `7`, `30`, `90` (days) or `all`. */
  @property() period: ReportPeriod = '90';

  /** Cell separator of the CSV export: `;` (German Excel) or `,`. */
  @property({ attribute: 'csv-delimiter' }) csvDelimiter: CsvDelimiter = ';';

  @state() private view: ReportView = 'loading';
  @state() private failure?: ReportFailure;
  @state() private loginMessage?: TranslationKey;
  @state() private retryAfter = 0;
  @state() private overview?: Overview;
  @state() private lang_ = '';
  @state() private scale: FeedbackScale | '' = '';
  @state() private sort?: { key: ReportSortKey; direction: 'ascending' | 'descending' };
  @state() private articleId?: string;
  @state() private article?: ArticleReport;
  @state() private comments?: CommentPage;
  @state() private commentPage = 1;
  @state() private showDone = false;
  @state() private pendingDelete?: ReportComment;
  @state() private notice = '';
  @state() private titles: Titles = new Map();

  @query('dialog') private dialog?: HTMLDialogElement;

  private client?: ReportClient;
  private loadedIndex?: string;
  // Only the latest request's answer is shown: a slow older one never overwrites a newer view.
  private generation = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.reload();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!PERIODS.includes(this.period)) this.period = '90';
    if (this.csvDelimiter !== ',' && this.csvDelimiter !== ';') this.csvDelimiter = ';';
    if (this.hasUpdated && (changed.has('endpoint') || changed.has('period'))) void this.reload();
    if (this.hasUpdated && changed.has('contentIndex')) void this.loadIndex();
  }

  private get filter(): ReportFilter {
    return { period: this.period, lang: this.lang_, scale: this.scale };
  }

  private get base(): string {
    return (this.endpoint ?? location.origin).replace(/\/+$/, '');
  }

  /** Loads the current view again (overview or the open article). */
  async reload(): Promise<void> {
    if (!this.client || this.client.endpoint !== this.base) this.client = new ReportClient(this.base);
    // Titles and figures load side by side; the first view waits for both, so it never shows ids
    // that turn into titles a moment later.
    const titles = this.loadIndex();
    if (this.articleId) return this.openArticle(this.articleId, { page: this.commentPage });
    const generation = ++this.generation;
    if (!this.overview) this.view = 'loading';
    const [result] = await Promise.all([this.client.overview(this.filter), titles]);
    if (generation !== this.generation) return;
    if (!result.ok) return this.fail(result.failure);
    this.overview = result.value;
    this.view = 'overview';
    await this.updateComplete;
    this.emit('help-feedback-report-load', { view: 'overview' });
  }

  private indexLoading?: Promise<void>;

  private loadIndex(): Promise<void> {
    const url = this.contentIndex;
    if (!url) return Promise.resolve();
    if (url !== this.loadedIndex) {
      this.loadedIndex = url;
      this.indexLoading = loadTitles(url).then((titles) => {
        if (this.loadedIndex === url) this.titles = titles;
      });
    }
    return this.indexLoading ?? Promise.resolve();
  }

  private async openArticle(articleId: string, { page = 1 } = {}): Promise<void> {
    if (!this.client) return;
    const generation = ++this.generation;
    this.articleId = articleId;
    this.commentPage = page;
    if (this.article?.articleId !== articleId) this.view = 'loading';
    const [report, comments] = await Promise.all([
      this.client.article(articleId, this.filter),
      this.client.comments(articleId, this.filter, { status: this.showDone ? 'all' : 'open', page, pageSize: PAGE_SIZE }),
    ]);
    if (generation !== this.generation) return;
    if (!report.ok) return this.fail(report.failure);
    if (!comments.ok) return this.fail(comments.failure);
    this.article = report.value;
    this.comments = comments.value;
    this.view = 'detail';
    await this.updateComplete;
    this.emit('help-feedback-report-load', { view: 'detail', articleId });
  }

  private fail(failure: ReportFailure, retryAfterSeconds = 0): void {
    this.emit('help-feedback-report-error', { failure });
    if (failure === 'unauthorized' || failure === 'expired' || failure === 'wrong-token' || failure === 'rate-limited') {
      this.loginMessage =
        failure === 'expired'
          ? 'report:login.expired'
          : failure === 'wrong-token'
            ? 'report:login.wrongToken'
            : failure === 'rate-limited'
              ? 'report:login.rateLimited'
              : undefined;
      this.retryAfter = retryAfterSeconds;
      this.view = 'login';
      return;
    }
    this.failure = failure;
    this.view = 'error';
  }

  private async onLogin(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('token') as HTMLInputElement;
    const result = await this.client!.login(input.value.trim());
    if (!result.ok) {
      this.fail(result.failure, result.retryAfterSeconds);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('input[name="token"]')?.focus();
      return;
    }
    input.value = '';
    this.loginMessage = undefined;
    await this.reload();
  }

  private async onLogout(): Promise<void> {
    await this.client?.logout();
    this.overview = undefined;
    this.article = undefined;
    this.articleId = undefined;
    this.loginMessage = undefined;
    this.view = 'login';
  }

  private setFilter(change: Partial<{ period: ReportPeriod; lang: string; scale: FeedbackScale | '' }>): void {
    if (change.period !== undefined) this.period = change.period;
    if (change.lang !== undefined) this.lang_ = change.lang;
    if (change.scale !== undefined) this.scale = change.scale;
    // The period reloads through willUpdate; language and scale here.
    if (change.period === undefined) void this.reload();
  }

  private sortBy(key: ReportSortKey): void {
    const direction =
      this.sort?.key === key ? (this.sort.direction === 'ascending' ? 'descending' : 'ascending') : key === 'article' ? 'ascending' : 'descending';
    this.sort = { key, direction };
  }

  /** The overview's rows in display order. */
  private get sortedRows(): ReportRow[] {
    const rows = [...(this.overview?.rows ?? [])];
    const lang = this.localize.lang;
    const title = (row: ReportRow) => titleOf(this.titles, row.articleId, lang);
    if (!this.sort) {
      // Those that fail readers most first: lowest positive share among rows with enough ratings.
      const enough = (row: ReportRow) => row.count >= this.minRatings;
      return rows.sort(
        (a, b) =>
          Number(enough(b)) - Number(enough(a)) ||
          (enough(a) ? share(a) - share(b) : 0) ||
          b.count - a.count ||
          title(a).localeCompare(title(b), lang),
      );
    }
    const value = (row: ReportRow): number | string => {
      switch (this.sort!.key) {
        case 'article':
          return title(row);
        case 'ratings':
          return row.count;
        case 'average':
          return (row.average - 1) / (SCALES[row.scale] - 1);
        case 'positive':
          return share(row);
        case 'comments':
          return row.comments;
        case 'last':
          return row.lastRatingAt;
      }
    };
    const sign = this.sort.direction === 'ascending' ? 1 : -1;
    return rows.sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      const order = typeof x === 'string' ? x.localeCompare(y as string, lang) : x - (y as number);
      return sign * order || title(a).localeCompare(title(b), lang);
    });
  }

  private async setStatus(comment: ReportComment, status: 'open' | 'done'): Promise<void> {
    const result = await this.client!.setStatus(comment.submissionId, status);
    if (!result.ok) return this.actionFailed(result.failure);
    this.notice = this.localize.t(status === 'done' ? 'report:changed.done' : 'report:changed.open');
    this.emit('help-feedback-report-change', { submissionId: comment.submissionId, action: status });
    await this.openArticle(this.articleId!, { page: this.commentPage });
  }

  private askDelete(comment: ReportComment): void {
    this.pendingDelete = comment;
    void this.updateComplete.then(() => this.dialog?.showModal());
  }

  private async confirmDelete(): Promise<void> {
    const comment = this.pendingDelete;
    this.dialog?.close();
    this.pendingDelete = undefined;
    if (!comment) return;
    const result = await this.client!.remove(comment.submissionId);
    if (!result.ok && result.failure !== 'not-found') return this.actionFailed(result.failure);
    this.notice = this.localize.t('report:changed.deleted');
    this.emit('help-feedback-report-change', { submissionId: comment.submissionId, action: 'delete' });
    const lastOnPage = this.comments?.comments.length === 1 && this.commentPage > 1;
    await this.openArticle(this.articleId!, { page: lastOnPage ? this.commentPage - 1 : this.commentPage });
  }

  private actionFailed(failure: ReportFailure): void {
    if (failure === 'expired' || failure === 'unauthorized' || failure === 'forbidden' || failure === 'unreachable') {
      this.fail(failure);
      return;
    }
    this.notice = this.localize.t('report:state.failed', { reason: failure });
    this.emit('help-feedback-report-error', { failure });
  }

  private backToOverview(): void {
    this.articleId = undefined;
    this.article = undefined;
    this.comments = undefined;
    this.commentPage = 1;
    void this.reload();
  }

  private async exportCsv(): Promise<void> {
    const { t, lang } = this.localize;
    const delimiter = this.csvDelimiter;
    let csv: string;
    let filename: string;
    if (this.view === 'detail' && this.articleId) {
      // Every comment of the view, not just the page on screen.
      const all: ReportComment[] = [];
      for (let page = 1; ; page += 1) {
        const result = await this.client!.comments(this.articleId, this.filter, { status: this.showDone ? 'all' : 'open', page, pageSize: 100 });
        if (!result.ok) return this.actionFailed(result.failure);
        all.push(...result.value.comments);
        if (all.length >= result.value.total || result.value.comments.length === 0) break;
      }
      csv = commentsCsv(all, titleOf(this.titles, this.articleId, lang), this.articleId, t, delimiter);
      filename = `feedback-${this.articleId}.csv`;
    } else {
      csv = overviewCsv(this.sortedRows, (id) => titleOf(this.titles, id, lang), t, delimiter);
      filename = `feedback-report-${this.period}.csv`;
    }
    if (!this.emit('help-feedback-report-export', { filename, csv, delimiter }, { cancelable: true })) return;
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  // ---- rendering ----

  // One set of formatters per language: building an Intl formatter costs far more than using one,
  // and 500 rows with 12 weeks each would build thousands.
  private formatsFor?: { lang: string; date: Intl.DateTimeFormat; dateTime: Intl.DateTimeFormat; number: Intl.NumberFormat; percent: Intl.NumberFormat };

  private get formats() {
    const { lang } = this.localize;
    if (this.formatsFor?.lang !== lang) {
      this.formatsFor = {
        lang,
        date: new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }),
        dateTime: new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }),
        number: new Intl.NumberFormat(lang, { maximumFractionDigits: 1, minimumFractionDigits: 1 }),
        percent: new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }),
      };
    }
    return this.formatsFor;
  }

  private dateTime(iso: string, withTime = true): string {
    return (withTime ? this.formats.dateTime : this.formats.date).format(new Date(iso));
  }

  private number(value: number): string {
    return this.formats.number.format(value);
  }

  private percent(value: number): string {
    return this.formats.percent.format(value);
  }

  // Labels repeated in every row (ratings, weeks), made once per language and week set.
  private memo = new Map<string, string>();
  private memoLang = '';

  private remember(key: string, make: () => string): string {
    if (this.memoLang !== this.localize.lang) {
      this.memo.clear();
      this.memoLang = this.localize.lang;
    }
    let label = this.memo.get(key);
    if (label === undefined) {
      label = make();
      this.memo.set(key, label);
    }
    return label;
  }

  private ratingLabel(scale: FeedbackScale, rating: number): string {
    return this.remember(`rating:${scale}:${rating}`, () => {
      const { t } = this.localize;
      if (scale === 'stars') return t('report:ratingValue.stars', { value: rating });
      return t(`report:ratingValue.${scale}.${rating}` as TranslationKey);
    });
  }

  private weekLabel(weekStart: string): string {
    return this.remember(`week:${weekStart}`, () => this.localize.t('report:weekOf', { date: this.dateTime(weekStart, false) }));
  }

  protected override render(): TemplateResult {
    const { t } = this.localize;
    return html`
      <section part="base" class="base" aria-labelledby="title">
        <header part="header" class="header">
          <div class="heading">
            <h2 id="title">${t('report:title')}</h2>
            <p class="muted">${t('report:subtitle')}</p>
          </div>
          ${this.view === 'overview' || this.view === 'detail'
            ? html`<div class="actions">
                <label class="inline"
                  >${t('report:csv.delimiter')}
                  <select name="delimiter" @change=${(e: Event) => (this.csvDelimiter = (e.target as HTMLSelectElement).value as CsvDelimiter)}>
                    <option value=";" ?selected=${this.csvDelimiter === ';'}>${t('report:csv.semicolon')}</option>
                    <option value="," ?selected=${this.csvDelimiter === ','}>${t('report:csv.comma')}</option>
                  </select></label
                >
                <button type="button" class="button quiet" part="export-button" @click=${this.exportCsv}>${t('report:csv.button')}</button>
                <button type="button" class="link-button" part="logout-button" @click=${this.onLogout}>${t('report:logout')}</button>
              </div>`
            : nothing}
        </header>
        ${this.view === 'overview' || this.view === 'detail' ? this.renderFilters() : nothing}
        <div class="sr-only" role="status">${this.notice}</div>
        ${this.renderView()}
      </section>
      ${this.renderDialog()}
    `;
  }

  private renderView(): TemplateResult {
    const { t } = this.localize;
    switch (this.view) {
      case 'loading':
        return html`<p class="notice" part="notice" role="status">${t('report:loading')}</p>`;
      case 'login':
        return this.renderLogin();
      case 'error':
        return html`<div class="notice error" part="notice" role="alert">
          <p>
            ${this.failure === 'forbidden'
              ? t('report:state.forbidden', { origin: location.origin })
              : this.failure === 'not-found'
                ? t('report:state.disabled')
                : this.failure === 'invalid'
                  ? t('report:state.invalid')
                : t('report:state.unreachable', { endpoint: this.base })}
          </p>
          <button type="button" class="button" @click=${() => this.reload()}>${t('report:retry')}</button>
        </div>`;
      case 'detail':
        return this.renderDetail();
      case 'overview':
        return this.renderOverview();
    }
  }

  private renderLogin(): TemplateResult {
    const { t } = this.localize;
    return html`<form class="login" @submit=${this.onLogin}>
      <h3>${t('report:login.heading')}</h3>
      <p>${t('report:login.intro')}</p>
      ${this.loginMessage
        ? html`<p class="message error" role="alert" id="login-message">${t(this.loginMessage, { seconds: this.retryAfter })}</p>`
        : nothing}
      <label for="token">${t('report:login.token')}</label>
      <div class="row">
        <input
          id="token"
          name="token"
          type="password"
          autocomplete="off"
          required
          minlength="16"
          aria-describedby=${this.loginMessage ? 'login-message' : nothing}
        />
        <button type="submit" class="button" part="login-button">${t('report:login.submit')}</button>
      </div>
    </form>`;
  }

  private renderFilters(): TemplateResult {
    const { t } = this.localize;
    const languages = this.overview?.languages ?? [];
    const displayName = (code: string) => {
      try {
        return new Intl.DisplayNames([this.localize.lang], { type: 'language' }).of(code) ?? code;
      } catch {
        return code;
      }
    };
    return html`<fieldset class="filters">
      <legend class="sr-only">${t('report:filters.legend')}</legend>
      <label
        >${t('report:filters.period')}
        <select name="period" @change=${(e: Event) => this.setFilter({ period: (e.target as HTMLSelectElement).value as ReportPeriod })}>
          ${PERIODS.map((p) => html`<option value=${p} ?selected=${this.period === p}>${t(`report:filters.periods.${p}`)}</option>`)}
        </select></label
      >
      <label
        >${t('report:filters.lang')}
        <select name="lang" @change=${(e: Event) => this.setFilter({ lang: (e.target as HTMLSelectElement).value })}>
          <option value="" ?selected=${this.lang_ === ''}>${t('report:filters.allLanguages')}</option>
          ${languages.map((code) => html`<option value=${code} ?selected=${this.lang_ === code}>${displayName(code)}</option>`)}
        </select></label
      >
      <label
        >${t('report:filters.scale')}
        <select name="scale" @change=${(e: Event) => this.setFilter({ scale: (e.target as HTMLSelectElement).value as FeedbackScale | '' })}>
          <option value="" ?selected=${this.scale === ''}>${t('report:filters.allScales')}</option>
          ${(Object.keys(SCALES) as FeedbackScale[]).map(
            (s) => html`<option value=${s} ?selected=${this.scale === s}>${t(`report:scales.${s}`)}</option>`,
          )}
        </select></label
      >
    </fieldset>`;
  }

  private renderOverview(): TemplateResult {
    const { t } = this.localize;
    const rows = this.sortedRows;
    if (rows.length === 0) {
      const filtered = this.period !== 'all' || this.lang_ !== '' || this.scale !== '';
      return html`<p class="notice" part="notice" role="status">${t(filtered ? 'report:state.emptyFiltered' : 'report:state.empty')}</p>`;
    }
    const header = (key: ReportSortKey) => {
      const active = this.sort?.key === key;
      return html`<th scope="col" class=${`col-${key}`} aria-sort=${active ? this.sort!.direction : 'none'}>
        <button
          type="button"
          class="sort"
          data-sort=${key}
          title=${t('report:sortBy', { column: t(COLUMN_LABEL[key]) })}
          @click=${() => this.sortBy(key)}
        >
          ${t(COLUMN_LABEL[key])}<span class="arrow" aria-hidden="true">${active ? (this.sort!.direction === 'ascending' ? '▲' : '▼') : '↕'}</span>
        </button>
      </th>`;
    };
    return html`
      <p class="muted hint">${t('report:summary', { count: new Set(rows.map((r) => r.articleId)).size })} · ${t('report:minRatings', { count: this.minRatings })}</p>
      <div class="table-wrap">
        <table part="table">
          <thead>
            <tr>
              ${header('article')} ${header('ratings')} ${header('average')} ${header('positive')}
              <th scope="col" class="col-distribution">${t('report:columns.distribution')}</th>
              ${header('comments')}
              <th scope="col" class="col-trend">${t('report:columns.trend')}</th>
              ${header('last')}
            </tr>
          </thead>
          <tbody>
            ${rows.map((row) => this.renderRow(row))}
          </tbody>
        </table>
      </div>
    `;
  }

  private renderRow(row: ReportRow): TemplateResult {
    const { t, lang } = this.localize;
    const few = row.count < this.minRatings;
    const positive = share(row);
    return html`<tr data-article=${row.articleId} data-scale=${row.scale} class=${few ? 'few' : ''}>
      <th scope="row" class="col-article">
        <button type="button" class="link-button title" @click=${() => this.openArticle(row.articleId)}>
          ${titleOf(this.titles, row.articleId, lang)}
        </button>
        <span class="tag">${t(`report:scales.${row.scale}`)}</span>${few ? html` <span class="tag muted">${t('report:fewRatings')}</span>` : nothing}
      </th>
      <td class="col-ratings num" data-value=${row.count} data-label=${t('report:columns.ratings')}>${row.count}</td>
      <td class="col-average num" data-label=${t('report:columns.average')}>${t('report:averageOf', { value: this.number(row.average), max: SCALES[row.scale] })}</td>
      <td class="col-positive num" data-value=${row.positive} data-label=${t('report:columns.positive')}>
        <span class=${positive < 0.5 && !few ? 'bad' : ''}>${this.percent(positive)}</span>
      </td>
      <td class="col-distribution">${this.distributionBar(row)}</td>
      <td class="col-comments num" data-label=${t('report:columns.comments')}>
        ${row.comments}${row.openComments ? html` <span class="muted">· ${t('report:openComments', { count: row.openComments })}</span>` : nothing}
      </td>
      <td class="col-trend">${this.trendChart(row.weeks, this.overview!.weekStarts, false)}</td>
      <td class="col-last" data-label=${t('report:columns.last')}>${this.dateTime(row.lastRatingAt, false)}</td>
    </tr>`;
  }

  /** A stacked bar of the ratings, worst left; its text equivalent is the label. */
  private distributionBar(row: ReportRow): TemplateResult {
    const { t } = this.localize;
    const total = row.distribution.reduce((a, b) => a + b, 0) || 1;
    const max = SCALES[row.scale];
    let x = 0;
    const items = row.distribution.map((n, index) => `${this.ratingLabel(row.scale, index + 1)}: ${n}`).join(', ');
    return html`<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label=${t('report:distributionText', { items })}>
      ${row.distribution.map((n, index) => {
        const width = (100 * n) / total;
        const rect = svg`<rect x=${x} y="0" width=${width} height="10" class=${`tone-${Math.round((4 * index) / (max - 1))}`}></rect>`;
        x += width;
        return rect;
      })}
    </svg>`;
  }

  /** Ratings per week as bars; the label (and in the detail a table) says the same in words. */
  private trendChart(weeks: readonly number[], weekStarts: readonly string[], large: boolean): TemplateResult {
    const { t } = this.localize;
    const peak = Math.max(1, ...weeks);
    const items = weeks.map((n, index) => `${this.weekLabel(weekStarts[index])}: ${n}`).join(', ');
    const height = large ? 60 : 20;
    return html`<svg
      class=${large ? 'trend large' : 'trend'}
      viewBox="0 0 ${weeks.length * 10} ${height}"
      preserveAspectRatio="none"
      role="img"
      aria-label=${t('report:trendText', { items })}
    >
      ${weeks.map((n, index) => {
        const h = n === 0 ? 1 : Math.max(2, (height * n) / peak);
        return svg`<rect x=${index * 10 + 1} y=${height - h} width="8" height=${h} class=${n === 0 ? 'zero' : 'week'}></rect>`;
      })}
    </svg>`;
  }

  private renderDetail(): TemplateResult {
    const { t, lang } = this.localize;
    const article = this.article!;
    const comments = this.comments!;
    const pages = Math.max(1, Math.ceil(comments.total / PAGE_SIZE));
    return html`<div class="detail">
      <button type="button" class="link-button back" @click=${this.backToOverview}>← ${t('report:detail.back')}</button>
      <h3 class="article-title">${titleOf(this.titles, article.articleId, lang)}</h3>
      <p class="muted id">${article.articleId}</p>
      ${article.scales.length === 0 ? html`<p class="notice" part="notice" role="status">${t('report:state.emptyFiltered')}</p>` : nothing}
      ${article.scales.map((row) => this.renderScale(row, article.weekStarts))}
      <section class="comments" aria-labelledby="comments-heading">
        <div class="comments-head">
          <h4 id="comments-heading">${t('report:detail.comments')} (${comments.total})</h4>
          <label class="inline"
            ><input
              type="checkbox"
              name="show-done"
              .checked=${this.showDone}
              @change=${(e: Event) => {
                this.showDone = (e.target as HTMLInputElement).checked;
                void this.openArticle(article.articleId);
              }}
            />
            ${t('report:detail.showDone')}</label
          >
        </div>
        ${comments.comments.length === 0
          ? html`<p class="muted">${t(this.showDone ? 'report:detail.noCommentsAll' : 'report:detail.noComments')}</p>`
          : html`<ol class="comment-list">
              ${comments.comments.map((comment) => this.renderComment(comment))}
            </ol>`}
        ${pages > 1
          ? html`<nav class="pager" aria-label=${t('report:detail.pageOf', { page: this.commentPage, pages })}>
              <button
                type="button"
                class="button quiet"
                ?disabled=${this.commentPage <= 1}
                @click=${() => this.openArticle(article.articleId, { page: this.commentPage - 1 })}
              >
                ${t('report:detail.previous')}
              </button>
              <span>${t('report:detail.pageOf', { page: this.commentPage, pages })}</span>
              <button
                type="button"
                class="button quiet"
                ?disabled=${this.commentPage >= pages}
                @click=${() => this.openArticle(article.articleId, { page: this.commentPage + 1 })}
              >
                ${t('report:detail.next')}
              </button>
            </nav>`
          : nothing}
      </section>
    </div>`;
  }

  private renderScale(row: ArticleReport['scales'][number], weekStarts: readonly string[]): TemplateResult {
    const { t } = this.localize;
    const total = row.count || 1;
    const reasons = REASONS.map((reason) => [reason, row.reasons[reason] ?? 0] as const)
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1]);
    const reasonPeak = Math.max(1, ...reasons.map(([, n]) => n));
    return html`<section class="scale" data-scale=${row.scale} aria-label=${t(`report:scales.${row.scale}`)}>
      <dl class="figures">
        <div><dt>${t('report:columns.ratings')}</dt><dd class="figure-ratings">${row.count}</dd></div>
        <div><dt>${t('report:columns.average')}</dt><dd class="figure-average">${t('report:averageOf', { value: this.number(row.average), max: SCALES[row.scale] })}</dd></div>
        <div><dt>${t('report:columns.positive')}</dt><dd class="figure-positive">${this.percent(share(row))}</dd></div>
        <div><dt>${t('report:filters.scale')}</dt><dd>${t(`report:scales.${row.scale}`)}</dd></div>
      </dl>
      <div class="panels">
        <div class="panel">
          <h4>${t('report:detail.distribution')}</h4>
          <ul class="bars distribution">
            ${row.distribution
              .map((n, index) => ({ n, rating: index + 1 }))
              .reverse()
              .map(
                ({ n, rating }) => html`<li data-rating=${rating}>
                  <span class="bar-label">${this.ratingLabel(row.scale, rating)}</span>
                  <svg class="hbar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true">
                    <rect x="0" y="0" width=${(100 * n) / total} height="8" class=${`tone-${Math.round((4 * (rating - 1)) / (SCALES[row.scale] - 1))}`}></rect>
                  </svg>
                  <span class="bar-value">${n}</span>
                </li>`,
              )}
          </ul>
        </div>
        <div class="panel">
          <h4>${t('report:detail.reasons')}</h4>
          ${reasons.length === 0
            ? html`<p class="muted">${t('report:detail.noReasons')}</p>`
            : html`<ul class="bars reasons">
                ${reasons.map(
                  ([reason, n]) => html`<li data-reason=${reason}>
                    <span class="bar-label">${t(`feedback:reasons.${reason}`)}</span>
                    <svg class="hbar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true">
                      <rect x="0" y="0" width=${(100 * n) / reasonPeak} height="8" class="reason"></rect>
                    </svg>
                    <span class="bar-value">${n}</span>
                  </li>`,
                )}
              </ul>`}
        </div>
        <div class="panel wide">
          <h4>${t('report:detail.trend')}</h4>
          ${this.trendChart(row.weeks, weekStarts, true)}
          <details>
            <summary>${t('report:detail.trendTable')}</summary>
            <table class="trend-table">
              <thead>
                <tr><th scope="col">${t('report:detail.week')}</th><th scope="col">${t('report:detail.count')}</th></tr>
              </thead>
              <tbody>
                ${row.weeks.map((n, index) => html`<tr><td>${this.dateTime(weekStarts[index], false)}</td><td class="num">${n}</td></tr>`)}
              </tbody>
            </table>
          </details>
        </div>
      </div>
    </section>`;
  }

  private renderComment(comment: ReportComment): TemplateResult {
    const { t } = this.localize;
    const done = comment.status === 'done';
    return html`<li class=${done ? 'comment done' : 'comment'} data-submission=${comment.submissionId}>
      <div class="comment-head">
        <strong class="rating">${this.ratingLabel(comment.scale, comment.rating)}</strong>
        <time datetime=${comment.updatedAt}>${this.dateTime(comment.updatedAt)}</time>
        ${done ? html`<span class="tag">${t('report:detail.done')}</span>` : nothing}
      </div>
      ${comment.reasons.length
        ? html`<ul class="chips">
            ${comment.reasons.map((reason) => html`<li>${t(`feedback:reasons.${reason}`)}</li>`)}
          </ul>`
        : nothing}
      <p class="comment-text">${comment.comment}</p>
      <p class="meta muted">
        ${t('report:detail.language')}: ${comment.locale} · ${t('report:detail.page')}: <span class="page">${comment.page}</span>
      </p>
      <div class="comment-actions">
        <button type="button" class="button quiet" data-action=${done ? 'open' : 'done'} @click=${() => this.setStatus(comment, done ? 'open' : 'done')}>
          ${t(done ? 'report:detail.reopen' : 'report:detail.markDone')}
        </button>
        <button type="button" class="button quiet danger" data-action="delete" @click=${() => this.askDelete(comment)}>${t('report:detail.delete')}</button>
      </div>
    </li>`;
  }

  private renderDialog(): TemplateResult {
    const { t } = this.localize;
    return html`<dialog aria-labelledby="confirm-heading" @close=${() => (this.pendingDelete = undefined)}>
      <h3 id="confirm-heading">${t('report:confirm.heading')}</h3>
      <p>${t('report:confirm.body')}</p>
      ${this.pendingDelete ? html`<blockquote>${this.pendingDelete.comment}</blockquote>` : nothing}
      <div class="dialog-actions">
        <button type="button" class="button quiet" data-action="cancel" @click=${() => this.dialog?.close()}>${t('report:confirm.cancel')}</button>
        <button type="button" class="button danger-solid" data-action="confirm-delete" @click=${this.confirmDelete}>${t('report:confirm.delete')}</button>
      </div>
    </dialog>`;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'help-feedback-report-load': CustomEvent<ReportLoadDetail>;
    'help-feedback-report-error': CustomEvent<ReportErrorDetail>;
    'help-feedback-report-change': CustomEvent<ReportChangeDetail>;
    'help-feedback-report-export': CustomEvent<ReportExportDetail>;
  }
  interface HTMLElementTagNameMap {
    'help-feedback-report': HelpFeedbackReport;
  }
}
