import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { translator, hasLanguage, onLabelsChanged, ownLabel, FALLBACK_LANGUAGE } from './labels.js';
import { resolveLang } from './lang.js';
import type { Translate } from './translation.js';

type Host = ReactiveControllerHost & HTMLElement;

// One observer for the whole page: any `lang` change may concern any widget below it.
const hosts = new Set<LocalizeController>();
let observer: MutationObserver | undefined;
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function refreshAll(): void {
  for (const controller of hosts) controller.refresh();
}

/**
 * Gives an element its language and a translate function, and re-renders it when its own,
 * an ancestor's or the document's `lang` changes, or when labels are added or removed.
 */
export class LocalizeController implements ReactiveController {
  /** The resolved language tag, e.g. `de` or `en-GB`. */
  lang = FALLBACK_LANGUAGE;
  /** Translates a key in the element's language. */
  t: Translate;

  constructor(private readonly host: Host) {
    this.t = translator(this.lang);
    host.addController(this);
  }

  hostConnected(): void {
    hosts.add(this);
    if (!observer) {
      observer = new MutationObserver(refreshAll);
      observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
      onLabelsChanged(refreshAll);
    }
    this.refresh();
  }

  hostDisconnected(): void {
    hosts.delete(this);
  }

  /**
   * Re-resolves the language; the host calls it first thing in every update (its `willUpdate`, which
   * runs before controllers' `hostUpdate`), so what it builds there has the language too.
   */
  resolve(): void {
    const lang = resolveLang(this.host);
    if (lang !== this.lang) {
      this.lang = lang;
      this.t = translator(lang);
    }
  }

  /** Asks the host to render again (a `lang` attribute or the labels changed). */
  refresh(): void {
    this.host.requestUpdate();
  }

  /** Formats a date for the element's language. */
  date(value: string | Date): string {
    const d = typeof value === 'string' ? new Date(value) : value;
    if (Number.isNaN(d.getTime())) return String(value);
    // The built-in languages format from their labels: the first Intl.DateTimeFormat of a page
    // loads locale data and cost ~100 ms of the article's first render on the demo site.
    // A language without labels shows German labels: its dates are German too, not the browser's.
    const lang = hasLanguage(this.lang) ? this.lang : FALLBACK_LANGUAGE;
    const months = ownLabel(lang, 'article:date.months');
    if (months) {
      const utc = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
      const [year, month, day] = utc ? [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()] : [d.getFullYear(), d.getMonth(), d.getDate()];
      return this.t('article:date.format', { day, month: months.split(',')[month], year });
    }
    try {
      // Building a formatter costs about a millisecond: one per language for the page.
      let format = dateFormats.get(this.lang);
      if (!format) dateFormats.set(this.lang, (format = new Intl.DateTimeFormat(this.lang, { dateStyle: 'long' })));
      return format.format(d);
    } catch {
      return d.toISOString().slice(0, 10);
    }
  }
}
