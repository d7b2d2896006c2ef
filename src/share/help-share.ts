import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { HelpElement } from '../internal/help-element.js';
import { warnOnce } from '../internal/dev.js';
import { linkSetting } from '../internal/url.js';
import { copyText } from '../internal/clipboard.js';
import { LiveStatusController } from '../internal/live-status.js';
import { resolveShareUrl } from '../internal/page-url.js';
import { styles } from './help-share.styles.js';
import { parseShareTargets, shareHref, shareTarget, type ShareData, type ShareTarget, type ShareTargetId } from './targets.js';

/** Detail of `help-share-select` (and of its old name `help-share`). */
export interface ShareDetail {
  /** The target the reader chose, e.g. `linkedin` or `copy`. */
  target: ShareTargetId;
  /** The URL being shared. */
  url: string;
  /** The title being shared. */
  title: string;
  /** The service link that is about to open (link targets only). */
  href?: string;
}

/** True when the browser offers a native share sheet for `data` (Web Share API). */
export function canShareNatively(data: ShareData): boolean {
  if (typeof navigator === 'undefined' || typeof navigator.share !== 'function') return false;
  if (typeof navigator.canShare !== 'function') return false;
  try {
    return navigator.canShare({ url: data.url, title: data.title });
  } catch {
    return false;
  }
}

/** Bars with at most this many targets show them all. */
const MAX_UNFOLDED = 4;
/** Longer bars show this many, and the rest behind "Mehr". */
const FOLDED_VISIBLE = 3;

/**
 * A privacy-friendly share bar ("Teilen:"): plain links built from fixed templates, copy link,
 * print and the device's share sheet. Nothing from a third party loads before the reader clicks.
 *
 * @fires help-share-select - The reader chose a target; detail `{target, url, title, href?}`. Cancelable:
 *   `preventDefault()` stops the default action (opening the link, copying, printing, the share sheet).
 * @fires help-share - Deprecated name of `help-share-select` (sent as well until 0.3).
 *
 * @csspart base - The wrapper of label, buttons and message.
 * @csspart label - The "Teilen:" label.
 * @csspart list - The list of buttons (also `more-list` for the targets behind "Mehr").
 * @csspart more-button - "Mehr": shows the targets beyond the first three (bars with more than four).
 * @csspart button - Each share link or button (also `button-<target>`, e.g. `button-linkedin`).
 * @csspart icon - The icon inside each button.
 * @csspart status - The "Link kopiert" message.
 *
 * @cssprop --help-share-size - Width and height of each button.
 * @cssprop --help-share-radius - Corner radius of the buttons.
 * @cssprop --help-share-color - Icon colour.
 * @cssprop --help-share-background - Button background.
 *
 * @tagname help-share
 */
export class HelpShare extends HelpElement {
  static override styles = [HelpElement.styles, styles];

  /** Space-separated targets in order, or `none`; default `copy email whatsapp linkedin xing facebook x print native`. */
  @property() share?: string;

  /** URL to share; defaults to `<link rel="canonical">`, then the page URL without tracking parameters. */
  @property({ attribute: 'share-url' }) shareUrl = '';

  /** Title to share; defaults to `document.title`. Set by `<help-article>` to the article's title. */
  @property({ attribute: 'article-title' }) articleTitle = '';

  /** Overrides the translated label ("Teilen"). */
  @property() label = '';

  private readonly status = new LiveStatusController<{ ok: boolean }>(this);

  /** The "Mehr" disclosure is open. */
  @state() private expanded = false;

  /** The targets shown, in order (`native` only where the browser offers a share sheet). */
  get targets(): ShareTargetId[] {
    const data = this.shareData;
    return parseShareTargets(this.share).ids.filter((id) => id !== 'native' || canShareNatively(data));
  }

  /** The URL and title a click would share now. */
  get shareData(): ShareData {
    return { url: resolveShareUrl(this.shareUrl || undefined), title: this.articleTitle || document.title };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('shareUrl')) linkSetting('share-url', this.shareUrl);
    if (changed.has('share')) {
      for (const name of parseShareTargets(this.share).unknown) {
        warnOnce(`share/${name}`, `share="${this.share}": unknown target "${name}" is left out.`);
      }
    }
  }

  /** Tells the host; false when it cancelled the event and handles sharing itself. */
  private announce(target: ShareTargetId, data: ShareData, href?: string): boolean {
    const detail: ShareDetail = { target, url: data.url, title: data.title, ...(href ? { href } : {}) };
    const selected = this.emit('help-share-select', detail, { cancelable: true });
    return this.emit('help-share', detail, { cancelable: true }) && selected;
  }

  private onLink(event: MouseEvent, target: ShareTarget): void {
    const data = this.shareData;
    const href = shareHref(target, data);
    const link = event.currentTarget as HTMLAnchorElement;
    // The link may have been rendered before canonical URL or title were known.
    if (href && link.href !== href) link.href = href;
    if (!this.announce(target.id, data, href)) event.preventDefault();
  }

  private async onAction(target: ShareTarget): Promise<void> {
    const data = this.shareData;
    if (!this.announce(target.id, data)) return;
    switch (target.id) {
      case 'copy':
        void this.status.announce({ ok: await copyText(data.url) });
        break;
      case 'print':
        window.print();
        break;
      case 'native':
        try {
          await navigator.share({ url: data.url, title: data.title });
        } catch {
          // The reader closed the share sheet: nothing to report.
        }
        break;
    }
  }

  private renderTarget(id: ShareTargetId, data: ShareData): TemplateResult | typeof nothing {
    const target = shareTarget(id);
    if (!target) return nothing;
    const name = this.localize.t(`share:targets.${id}`);
    // Wide bars show a short label beside the icon; the accessible name is the full one (it
    // contains the short label, so a spoken "click LinkedIn" still finds the link).
    const icon = html`<svg class="icon" part="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
        ${target.icon}</svg
      ><span class="text" aria-hidden="true">${this.localize.t(`share:short.${id}`)}</span>`;
    if (target.kind === 'link') {
      return html`<a
        class="button"
        part=${`button button-${id}`}
        href=${shareHref(target, data) ?? ''}
        target=${target.newWindow ? '_blank' : nothing}
        rel="noopener noreferrer"
        aria-label=${name}
        aria-describedby=${target.newWindow ? 'new-window' : nothing}
        title=${name}
        data-target=${id}
        @click=${(event: MouseEvent) => this.onLink(event, target)}
        >${icon}</a
      >`;
    }
    return html`<button
      type="button"
      class="button"
      part=${`button button-${id}`}
      aria-label=${name}
      title=${name}
      data-target=${id}
      @click=${() => this.onAction(target)}
    >
      ${icon}
    </button>`;
  }

  override render(): TemplateResult | typeof nothing {
    const ids = this.targets;
    if (!ids.length) return nothing;
    const { t } = this.localize;
    const data = this.shareData;
    const status = this.status.value;
    const message = status ? t(status.ok ? 'share:copied' : 'share:copyFailed') : '';
    // Up to four targets show all; more show the first three and a "Mehr" disclosure for the rest,
    // so the bar never wraps into an orphaned row.
    const folded = ids.length > MAX_UNFOLDED;
    const shown = folded ? ids.slice(0, FOLDED_VISIBLE) : ids;
    const rest = folded ? ids.slice(FOLDED_VISIBLE) : [];
    return html`<div class="base" part="base" lang=${this.localize.lang}>
      <span class="label" part="label" id="label">${this.label || t('share:label')}:</span>
      <ul class="list" part="list" aria-labelledby="label">
        ${shown.map((id) => html`<li>${this.renderTarget(id, data)}</li>`)}
        ${rest.length
          ? html`<li class="more-item">
              <button
                type="button"
                class="button more"
                part="more-button"
                aria-expanded=${this.expanded ? 'true' : 'false'}
                aria-controls="more-targets"
                aria-label=${t('share:moreLabel')}
                title=${t('share:moreLabel')}
                @click=${() => (this.expanded = !this.expanded)}
              >
                <svg class="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
                  <circle cx="5" cy="12" r="1.8" fill="currentColor" /><circle cx="12" cy="12" r="1.8" fill="currentColor" /><circle cx="19" cy="12" r="1.8" fill="currentColor" /></svg
                ><span class="text" aria-hidden="true">${t('share:more')}</span>
              </button>
            </li>`
          : nothing}
      </ul>
      ${rest.length
        ? html`<ul class="list more-list" part="list more-list" id="more-targets" aria-labelledby="label" ?hidden=${!this.expanded}>
            ${rest.map((id) => html`<li>${this.renderTarget(id, data)}</li>`)}
          </ul>`
        : nothing}
      <span class="status ${status && !status.ok ? 'failed' : ''}" part="status" role="status">${message}</span>
      <span id="new-window" hidden>${t('share:newWindow')}</span>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'help-share': HelpShare;
  }
  interface GlobalEventHandlersEventMap {
    'help-share-select': CustomEvent<ShareDetail>;
    /** @deprecated Listen to `help-share-select`; this name is sent until 0.3. */
    'help-share': CustomEvent<ShareDetail>;
  }
}
