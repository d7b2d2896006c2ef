import { html, isServer, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { HelpElement } from '../internal/help-element.js';
import { warnOnce } from '../internal/dev.js';
import { FALLBACK_LANGUAGE } from '../i18n/labels.js';
import { styles } from './help-feedback.styles.js';
import { controls } from '../styles/controls.js';
import { sharedQueue, type DeliveryQueue, type DeliveryUpdate } from './delivery-queue.js';
import { isRetryableStatus } from './retry-policy.js';
import { storageFor, type StorageKind, type StorageLike } from './feedback-storage.js';
import {
  LIMITS,
  LOCALE_PATTERN,
  REASONS,
  WIDEST_ENVELOPE,
  fitComment,
  isScale,
  isValidArticleId,
  scaleMax,
  type FeedbackAnswer,
  type FeedbackPayload,
  type FeedbackReason,
  type FeedbackScale,
} from './wire.js';
import { fetchSummary, type FeedbackSummary } from './summary.js';

/** Detail of `help-feedback-send`. */
export interface FeedbackSendDetail {
  payload: FeedbackPayload;
}

/** Detail of `help-feedback-success`. */
export interface FeedbackSuccessDetail {
  payload: FeedbackPayload;
  status?: number;
}

/** Detail of `help-feedback-error`. */
export interface FeedbackErrorDetail {
  payload: FeedbackPayload;
  status?: number;
  willRetry: boolean;
}

/**
 * What the control shows, reflected as the `state` attribute for styling: `offline` only while
 * the browser is offline; `unreachable` when no answer comes although it is online (collector
 * down, CORS); `retrying` after an error answer worth retrying.
 */
export type FeedbackState = 'idle' | 'sending' | 'offline' | 'unreachable' | 'retrying' | 'thanks' | 'error';

// Lit SSR writes a `.checked` binding as a `checked` attribute, even for false (which checks the
// box): nothing is checked before the reader chooses, so the server writes none.
const unchecked = (value: boolean) => (isServer && !value ? nothing : value);


const STAR = svg`<path d="M12 2.6l2.9 5.9 6.5.9-4.7 4.6 1.1 6.5L12 17.4l-5.8 3.1 1.1-6.5L2.6 9.4l6.5-.9z" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round"/>`;
const THUMB_UP = svg`<path d="M7 10v10H4a1 1 0 0 1-1-1v-8a1 1 0 0 1 1-1zm2 0 3.6-6.4a1.6 1.6 0 0 1 2.9 1.2L14.6 9H19a2 2 0 0 1 2 2.3l-1.2 7A2 2 0 0 1 17.8 20H9z" fill="currentColor"/>`;
const FACE_RING = svg`<circle cx="12" cy="12" r="9.2" fill="none" stroke="currentColor" stroke-width="1.6"/><circle cx="9" cy="10" r="1.2" fill="currentColor"/><circle cx="15" cy="10" r="1.2" fill="currentColor"/>`;
const MOUTHS = [
  svg`<path d="M8.2 16.4a4.6 4.6 0 0 1 7.6 0" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"/>`,
  svg`<path d="M8.5 15.2h7" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"/>`,
  svg`<path d="M8.2 14a4.6 4.6 0 0 0 7.6 0" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"/>`,
];

const CHECK = html`<svg class="check" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
  <path fill="currentColor" d="M13.78 4.22a.75.75 0 0 1 0 1.06l-7.25 7.25a.75.75 0 0 1-1.06 0L2.22 9.28a.75.75 0 0 1 1.06-1.06L6 10.94l6.72-6.72a.75.75 0 0 1 1.06 0Z"/>
</svg>`;

function icon(scale: FeedbackScale, value: number, filled: boolean): TemplateResult {
  const content =
    scale === 'stars'
      ? svg`<g fill=${filled ? 'currentColor' : 'none'}>${STAR}</g>`
      : scale === 'thumbs'
        ? value === 2
          ? THUMB_UP
          : svg`<g transform="rotate(180 12 12)">${THUMB_UP}</g>`
        : svg`${FACE_RING}${MOUTHS[value - 1]}`;
  return html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">${content}</svg>`;
}

/** True for the ratings that open the follow-up: ≤ 2 stars, thumbs down, the unhappy face. */
export function isLowRating(scale: FeedbackScale, rating: number): boolean {
  return scale === 'stars' ? rating <= 2 : rating === 1;
}

/**
 * Asks "Wie gefällt Ihnen dieser Artikel?" with a rating (stars, thumbs or faces), a short
 * follow-up after a low rating and an optional comment, and delivers the answer through a queue
 * that retries, survives reloads and never counts a reader twice.
 *
 * @fires help-feedback-send - Before sending (cancelable: cancelling sends nothing); detail `{payload}`.
 * @fires help-feedback-success - The collector accepted the answer; detail `{payload, status}`.
 * @fires help-feedback-error - An attempt failed; detail `{payload, status?, willRetry}`.
 *
 * @csspart base - The box around the control.
 * @csspart summary - "12 Leser haben diesen Artikel bewertet".
 * @csspart form - The form.
 * @csspart question - The question (legend of the rating group).
 * @csspart rating - The group of rating options.
 * @csspart option - Each rating option (its label with the icon).
 * @csspart follow-up - Reasons and comment.
 * @csspart reasons - The reasons group.
 * @csspart comment - The comment field.
 * @csspart counter - The comment's character counter.
 * @csspart submit - The send button.
 * @csspart status - The live region ("wird gesendet…", "Vielen Dank für Ihr Feedback.").
 * @csspart error - The error message.
 * @csspart hint - "Bitte wählen Sie zuerst eine Bewertung." (an error of the form).
 * @csspart remove-comment - "Kommentar entfernen", for a comment carried over from a low rating.
 * @csspart button - "Feedback erneut abgeben?" and "Erneut senden" (also `again-button`, `retry-button`).
 * @csspart again-button - "Feedback erneut abgeben?", after sending and after an error.
 * @csspart retry-button - "Erneut senden", after an error.
 *
 * @cssprop --help-feedback-star-color - Colour of filled stars.
 * @cssprop --help-feedback-icon-size - Size of the rating icons.
 *
 * @tagname help-feedback
 */
export class HelpFeedback extends HelpElement {
  static override styles = [HelpElement.styles, controls, styles];

  /** URL the ratings are posted to (the collector's `POST /api/feedback`). */
  @property({ attribute: 'feedback-endpoint' }) feedbackEndpoint = '';

  /** Rating scale: `stars` (1–5), `thumbs` (1 = no, 2 = yes) or `faces` (1–3). */
  @property({ attribute: 'feedback-scale' }) feedbackScale: FeedbackScale = 'stars';

  /** Where the reader's submission and unsent ratings are kept: `session`, `local` (after consent) or `none` (memory). */
  @property({ attribute: 'feedback-storage' }) feedbackStorage: StorageKind = 'session';

  /** Shows how many readers rated the article (from the collector's summary). */
  @property({ type: Boolean, attribute: 'feedback-summary' }) feedbackSummary = false;

  /** The article's id (1–200 characters of A–Z, a–z, 0–9, `.`, `_`, `~`, `-`). */
  @property({ attribute: 'article-id' }) articleId = '';

  /** Overrides the translated question. */
  @property() question = '';

  /** A Storage-like object to use instead of the one `feedback-storage` names. */
  @property({ attribute: false }) storage?: StorageLike;

  /** Minimum time on page before a rating is sent (spam guard), ms. */
  @property({ attribute: false }) minDwellMs = 1500;

  /** First retry delay, ms (doubles per attempt, with jitter). */
  @property({ attribute: false }) retryBaseMs = 1000;

  /** Attempts before the reader is shown an error (the rating stays queued). */
  @property({ attribute: false }) maxAttempts = 6;

  /** An attempt without an answer is aborted after this many ms. */
  @property({ attribute: false }) timeoutMs = 10_000;

  /** What the control shows, reflected for styling. */
  @property({ reflect: true }) state: FeedbackState = 'idle';

  @state() private rating = 0;
  @state() private hoverRating = 0;
  @state() private reasons: FeedbackReason[] = [];
  @state() private comment = '';
  @state() private commentOpen = false;
  @state() private commentFull = false;
  @state() private errorStatus?: number;
  @state() private summary?: FeedbackSummary;
  @state() private showHint = false;

  private queue?: DeliveryQueue;
  /** The article the form's current choice belongs to. */
  private formFor?: string;
  private unsubscribe?: () => void;
  private connectedAt = performance.now();
  private summaryRun?: AbortController;
  private focusAfterUpdate?: string | string[];

  override connectedCallback(): void {
    super.connectedCallback();
    this.connectedAt = performance.now();
    if (this.hasUpdated) this.setUpQueue();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.leaveQueue();
    this.summaryRun?.abort();
  }

  private get scale(): FeedbackScale {
    return isScale(this.feedbackScale) ? this.feedbackScale : 'stars';
  }

  private get ready(): boolean {
    return !!this.feedbackEndpoint && isValidArticleId(this.articleId);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const queueProps = ['feedbackEndpoint', 'feedbackStorage', 'storage', 'articleId', 'minDwellMs', 'retryBaseMs', 'maxAttempts', 'timeoutMs'] as const;
    if (!this.queue || queueProps.some((p) => changed.has(p))) this.setUpQueue();
    if (changed.has('feedbackScale') && !isScale(this.feedbackScale)) {
      warnOnce(`scale/${this.feedbackScale}`, `feedback-scale="${this.feedbackScale}" is not stars, thumbs or faces; using stars.`);
    }
    if (changed.has('feedbackScale') && changed.get('feedbackScale') !== undefined && this.rating > scaleMax(this.scale)) {
      this.rating = 0;
    }
    if (['feedbackSummary', 'feedbackEndpoint', 'articleId'].some((p) => changed.has(p as keyof HelpFeedback))) {
      void this.loadSummary(false);
    }
  }

  private leaveQueue(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.queue = undefined;
  }

  // The page's queue for this endpoint and storage delivers; this control subscribes to its article.
  private setUpQueue(): void {
    this.leaveQueue();
    if (!this.isConnected) return;
    if (!this.feedbackEndpoint) {
      warnOnce('feedback/endpoint', '<help-feedback> needs a feedback-endpoint attribute.');
      return;
    }
    if (!isValidArticleId(this.articleId)) {
      warnOnce(`feedback/id/${this.articleId}`, `<help-feedback> needs a valid article-id (got "${this.articleId}").`);
      return;
    }
    const queue = sharedQueue(this.feedbackEndpoint, this.storage ?? storageFor(this.feedbackStorage));
    this.queue = queue;
    const record = queue.record(this.articleId);
    // The reader's stored answer, else an empty form for a new article; a changed delivery
    // setting for the same article keeps what the reader has chosen so far.
    if (record?.answer) this.prefill(record.answer);
    else if (this.formFor !== this.articleId) this.prefill({ rating: 0, scale: this.scale, reasons: [], comment: '' });
    this.formFor = this.articleId;
    this.state = record?.pending ? 'sending' : record?.answer && record.delivered ? 'thanks' : 'idle';
    this.unsubscribe = queue.subscribe(this.articleId, (update) => this.onDelivery(update), {
      minDwellMs: this.minDwellMs,
      retryBaseMs: this.retryBaseMs,
      maxAttempts: this.maxAttempts,
      timeoutMs: this.timeoutMs,
      startedAt: this.connectedAt,
    });
  }

  private prefill(answer: FeedbackAnswer): void {
    if (answer.scale !== this.scale) return;
    this.rating = answer.rating;
    this.reasons = [...answer.reasons];
    this.comment = answer.comment;
    this.commentOpen = !!answer.comment;
  }

  private async loadSummary(fresh: boolean): Promise<void> {
    this.summaryRun?.abort();
    if (!this.feedbackSummary || !this.ready) {
      this.summary = undefined;
      return;
    }
    const run = new AbortController();
    this.summaryRun = run;
    // A reader who rated this article must see the count with their own rating in it, not an
    // answer the browser cached before (the collector allows caching it for 60 s).
    const rated = !!this.queue?.record(this.articleId)?.answer;
    const summary = await fetchSummary(this.feedbackEndpoint, this.articleId, { signal: run.signal, fresh: fresh || rated });
    if (!run.signal.aborted) this.summary = summary;
  }

  private onDelivery(update: DeliveryUpdate): void {
    const { payload } = update;
    const status = update.httpStatus ? { status: update.httpStatus } : {};
    // A control that is showing the form (the reader is changing the answer) keeps showing it.
    const shows = this.state !== 'idle';
    switch (update.status) {
      case 'sending':
        if (shows) this.state = 'sending';
        break;
      case 'waiting':
        if (shows) this.state = update.failure === 'http' ? 'retrying' : update.failure === 'offline' ? 'offline' : 'unreachable';
        if (update.failure === 'network' || update.failure === 'timeout') this.warnUnreachable();
        this.emit('help-feedback-error', { payload, ...status, willRetry: true });
        break;
      case 'delivered':
        if (shows) this.state = 'thanks';
        this.emit('help-feedback-success', { payload, status: update.httpStatus });
        void this.loadSummary(true);
        break;
      case 'failed':
        if (shows) {
          this.state = 'error';
          this.errorStatus = update.failure === 'http' && update.httpStatus && !isRetryableStatus(update.httpStatus) ? update.httpStatus : undefined;
        }
        this.emit('help-feedback-error', { payload, ...status, willRetry: false });
        break;
    }
  }

  private warnUnreachable(): void {
    const endpoint = new URL(this.feedbackEndpoint, document.baseURI);
    if (endpoint.origin === location.origin) {
      warnOnce(`feedback/down/${endpoint.href}`, `The feedback collector at ${endpoint.href} does not answer; ratings stay queued and are retried.`);
    } else {
      warnOnce(
        `feedback/cors/${endpoint.origin}`,
        `No answer from the feedback collector at ${endpoint.href}. If it is running, the likely cause is CORS: ` +
          `start it with CORS_ORIGINS=${location.origin} (comma-separated for several sites). Ratings stay queued and are retried.`,
      );
    }
  }

  private get locale(): string {
    const lang = this.localize.lang;
    return lang.length <= LIMITS.locale && LOCALE_PATTERN.test(lang) ? lang : FALLBACK_LANGUAGE;
  }

  private get page(): string {
    return (location.pathname || '/').slice(0, LIMITS.page);
  }

  private get low(): boolean {
    return this.rating > 0 && isLowRating(this.scale, this.rating);
  }

  private get withComment(): boolean {
    return this.low || this.commentOpen;
  }

  /** The answer as it would be sent now. */
  private answer(): FeedbackAnswer {
    return {
      rating: this.rating,
      scale: this.scale,
      reasons: this.low ? REASONS.filter((r) => this.reasons.includes(r)) : [],
      comment: this.withComment ? this.comment : '',
    };
  }

  /** The comment cut to what fits into one body, given the current reasons. */
  private fit(comment: string): string {
    const sizing: FeedbackPayload = {
      ...WIDEST_ENVELOPE,
      articleId: this.articleId,
      rating: this.rating || 1,
      scale: this.scale,
      ...(this.low && this.reasons.length ? { reasons: this.reasons } : {}),
      locale: this.locale,
      page: this.page,
    };
    return fitComment(sizing, comment);
  }

  private setComment(value: string, field?: HTMLTextAreaElement): void {
    const fitted = this.fit(value);
    if (field && field.value !== fitted) {
      const end = field.selectionEnd;
      field.value = fitted;
      field.setSelectionRange(Math.min(end, fitted.length), Math.min(end, fitted.length));
    }
    this.comment = fitted;
    this.commentFull = fitted.length >= LIMITS.comment || fitted !== value || this.fit(`${fitted}x`) === fitted;
  }

  private onRating(event: Event): void {
    const wasLow = this.low;
    this.rating = Number((event.target as HTMLInputElement).value);
    this.showHint = false;
    // A comment written for a low rating stays in view (and goes along) when the reader picks a
    // better one; the reasons go, they answered "what could we improve".
    if (wasLow && !this.low && this.comment.trim()) this.commentOpen = true;
    if (this.withComment) this.setComment(this.comment);
  }

  private removeComment(): void {
    this.comment = '';
    this.commentFull = false;
    this.commentOpen = false;
    this.focusAfterUpdate = 'button[aria-controls="comment-panel"]';
  }

  private onReason(event: Event): void {
    const input = event.target as HTMLInputElement;
    const reason = input.value as FeedbackReason;
    this.reasons = input.checked ? [...this.reasons, reason] : this.reasons.filter((r) => r !== reason);
    // More reasons leave less room for the comment.
    this.setComment(this.comment);
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    if (this.state !== 'idle' || !this.queue) return;
    if (!this.rating) {
      this.showHint = true;
      this.focusAfterUpdate = 'input[name="rating"]';
      return;
    }
    const form = event.currentTarget as HTMLFormElement;
    const hp = (form.querySelector('input[name="website"]') as HTMLInputElement | null)?.value ?? '';
    const answer = this.answer();
    const payload = this.queue.prepare(answer, { articleId: this.articleId, locale: this.locale, page: this.page, hp });
    if (!this.emit('help-feedback-send', { payload }, { cancelable: true })) return;
    this.state = 'sending';
    this.focusAfterUpdate = '.base';
    this.queue.send(payload, answer);
  }

  /** Reopens the form with the last answer, to change it (sent as a new revision of the same submission). */
  reopen(): void {
    const answer = this.queue?.record(this.articleId)?.answer;
    if (answer) this.prefill(answer);
    this.state = 'idle';
    this.errorStatus = undefined;
    this.focusAfterUpdate = ['input[name="rating"]:checked', 'input[name="rating"]'];
  }

  /** Sends a failed answer again now. */
  retry(): void {
    if (!this.queue) return;
    this.state = 'sending';
    this.errorStatus = undefined;
    this.focusAfterUpdate = '.base';
    this.queue.retry(this.articleId);
  }

  protected override updated(): void {
    if (this.focusAfterUpdate) {
      // The first selector that matches wins (one selector list would pick by document order).
      const selectors = ([] as string[]).concat(this.focusAfterUpdate);
      this.focusAfterUpdate = undefined;
      for (const selector of selectors) {
        const target = this.renderRoot.querySelector<HTMLElement>(selector);
        if (target) {
          target.focus();
          break;
        }
      }
    }
  }

  private renderRating(): TemplateResult {
    const { t } = this.localize;
    const scale = this.scale;
    const max = scaleMax(scale);
    const shown = this.hoverRating || this.rating;
    const values = Array.from({ length: max }, (_, i) => i + 1);
    return html`<fieldset class="rating-group" aria-describedby=${this.showHint ? 'choose-rating' : nothing}>
      <legend part="question" id="question">${this.question || t('feedback:question')}</legend>
      <div class="rating ${scale === 'stars' ? 'stars' : 'choice'}" part="rating" @mouseleave=${() => (this.hoverRating = 0)}>
        ${values.map((value) => {
          const id = `rating-${value}`;
          const label = scale === 'stars' ? t('feedback:scale.stars', { value, max }) : t(`feedback:scale.${scale}.${value as 1 | 2}`);
          return html`<span class="option">
            <input
              type="radio"
              name="rating"
              id=${id}
              .value=${String(value)}
              .checked=${unchecked(this.rating === value)}
              @change=${this.onRating}
            />
            <label
              for=${id}
              part="option"
              class=${scale === 'stars' && value <= shown ? 'filled' : ''}
              title=${label}
              @mouseenter=${() => (this.hoverRating = value)}
            >
              ${icon(scale, value, scale === 'stars' && value <= shown)}<span class="visually-hidden">${label}</span>
            </label>
          </span>`;
        })}
      </div>
      ${this.showHint ? html`<p class="choose-rating" id="choose-rating" part="hint" role="alert">${t('feedback:chooseRating')}</p>` : nothing}
    </fieldset>`;
  }

  private renderComment(): TemplateResult {
    const { t } = this.localize;
    // After a better rating, a comment written for the low one is shown as going along, removable.
    const carried = !this.low && this.comment.trim() !== '';
    return html`<div class="comment-field">
      <div class="comment-head">
        <label class="comment-label" for="comment">${t('feedback:commentLabel')}</label>
        ${carried
          ? html`<button type="button" class="link-button" part="remove-comment" @click=${this.removeComment}>${t('feedback:removeComment')}</button>`
          : nothing}
      </div>
      <textarea
        id="comment"
        part="comment"
        maxlength=${LIMITS.comment}
        aria-describedby="counter comment-hint"
        .value=${this.comment}
        @input=${(e: Event) => this.setComment((e.target as HTMLTextAreaElement).value, e.target as HTMLTextAreaElement)}
      ></textarea>
      <p class="hint" id="comment-hint">${carried ? t('feedback:commentGoesAlong') : t('feedback:commentHint')}</p>
      <p class="counter ${this.commentFull ? 'full' : ''}" id="counter" part="counter">
        ${this.commentFull
          ? t('feedback:counterFull', { count: this.comment.length, max: LIMITS.comment })
          : t('feedback:counter', { count: this.comment.length, max: LIMITS.comment })}
      </p>
    </div>`;
  }

  private renderFollowUp(): TemplateResult | typeof nothing {
    const { t } = this.localize;
    if (!this.rating) return nothing;
    if (this.low) {
      return html`<div class="follow-up" part="follow-up">
        <fieldset class="reasons" part="reasons">
          <legend>${t('feedback:reasonsLegend')}</legend>
          ${REASONS.map(
            (reason) => html`<label>
              <input type="checkbox" name="reasons" .value=${reason} .checked=${unchecked(this.reasons.includes(reason))} @change=${this.onReason} />
              <span>${t(`feedback:reasons.${reason}`)}</span>
            </label>`,
          )}
        </fieldset>
        ${this.renderComment()}
      </div>`;
    }
    return html`<div class="follow-up" part="follow-up">
      <div>
        <button
          type="button"
          class="link-button"
          aria-expanded=${this.commentOpen ? 'true' : 'false'}
          aria-controls="comment-panel"
          @click=${() => {
            this.commentOpen = !this.commentOpen;
            if (this.commentOpen) this.focusAfterUpdate = '#comment';
          }}
        >
          ${t('feedback:addComment')}
        </button>
      </div>
      <div id="comment-panel" ?hidden=${!this.commentOpen}>${this.commentOpen ? this.renderComment() : nothing}</div>
    </div>`;
  }

  private renderForm(): TemplateResult {
    const { t } = this.localize;
    return html`<form part="form" novalidate @submit=${this.onSubmit}>
      ${this.renderRating()} ${this.renderFollowUp()}
      <div class="trap" aria-hidden="true">
        <label>${t('feedback:honeypot')} <input type="text" name="website" tabindex="-1" autocomplete="off" /></label>
      </div>
      <div class="actions">
        <!-- Calm until used: the send button is a quiet one until a rating is chosen. -->
        <button type="submit" class=${this.rating ? 'button' : 'button quiet'} part="submit">${t('feedback:submit')}</button>
      </div>
    </form>`;
  }

  private statusText(): TemplateResult | string {
    const { t } = this.localize;
    switch (this.state) {
      case 'sending':
        return html`<span class="spinner" aria-hidden="true"></span>${t('feedback:sending')}`;
      case 'offline':
        return t('feedback:offline');
      case 'unreachable':
        return t('feedback:unreachable');
      case 'retrying':
        return t('feedback:retrying');
      case 'thanks':
        return html`${CHECK}${t('feedback:thanks')}`;
      default:
        return '';
    }
  }

  override render(): TemplateResult | typeof nothing {
    if (!this.ready) return nothing;
    const { t } = this.localize;
    const count = this.summary?.count ?? 0;
    return html`<section
      class="base"
      part="base"
      tabindex="-1"
      data-view=${this.state}
      aria-labelledby=${this.state === 'idle' ? 'question' : nothing}
      aria-label=${this.state === 'idle' ? nothing : this.question || t('feedback:question')}
    >
      ${count > 0 ? html`<p class="summary" part="summary">${t('feedback:summary', { count })}</p>` : nothing}
      ${this.state === 'idle' ? this.renderForm() : nothing}
      <div class="outcome">
        <p class="status" part="status" role="status" data-view=${this.state}>${this.statusText()}</p>
        ${this.state === 'error'
          ? html`<p class="error" part="error" role="alert">
                ${this.errorStatus ? t('feedback:error.refused', { status: this.errorStatus }) : t('feedback:error.failed')}
              </p>
              <div class="actions">
                <button type="button" class="button" part="button retry-button" @click=${this.retry}>${t('feedback:retry')}</button>
                <button type="button" class="link-button" part="button again-button" @click=${this.reopen}>${t('feedback:again')}</button>
              </div>`
          : nothing}
        ${this.state === 'thanks'
          ? html`<button type="button" class="link-button" part="button again-button" @click=${this.reopen}>${t('feedback:again')}</button>`
          : nothing}
      </div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'help-feedback': HelpFeedback;
  }
  interface GlobalEventHandlersEventMap {
    'help-feedback-send': CustomEvent<FeedbackSendDetail>;
    'help-feedback-success': CustomEvent<FeedbackSuccessDetail>;
    'help-feedback-error': CustomEvent<FeedbackErrorDetail>;
  }
}
