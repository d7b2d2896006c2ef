import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { defineElement } from '../internal/define-element.js';
import { hasEngine } from '../i18n/labels.js';

// The share bar and the feedback control sit under the article, where the reader arrives last:
// their code is imported after the article is on screen, so the script tag's first file carries
// only what the first paint needs. A build that has them already (the single file, `define.ts`)
// finds the tags defined and imports nothing.
const PARTS: Record<string, () => Promise<CustomElementConstructor>> = {
  'help-share': () => import('../share/help-share.js').then((m) => m.HelpShare),
  'help-feedback': () => import('../feedback/help-feedback.js').then((m) => m.HelpFeedback),
};

let loading: Promise<void> | undefined;

/** i18next, which the first paint does without (src/i18n/labels.ts); resolves with its instance. */
export function loadI18n(): Promise<typeof import('../i18n/i18n.js').i18n | undefined> {
  return import('../i18n/i18n.js').then(
    (m) => m.i18n,
    (error: unknown) => {
      // The labels the widget ships go on working without it; a host's nested labels stay as written.
      console.error(`help-article-widget: could not load i18next: ${String(error)}.`);
      return undefined;
    },
  );
}

/**
 * Defines `<help-share>` and `<help-feedback>` and loads i18next, importing their code once;
 * resolves when all are there.
 */
export function loadDeferredParts(): Promise<void> {
  loading ??= Promise.all([
    hasEngine() ? undefined : loadI18n(),
    ...Object.entries(PARTS).map(async ([tag, load]) => {
      if (customElements.get(tag)) return;
      try {
        defineElement(tag, await load());
      } catch (error) {
        // Not a reader error to show (the article is there); a host's setup to fix, so always logged.
        console.error(
          `help-article-widget: could not load <${tag}>: ${String(error)}. ` +
            'When the widget is served from another origin, its files need an Access-Control-Allow-Origin header.',
        );
      }
    }),
  ]).then(() => undefined);
  return loading;
}

/** After the first paint: the next frame, then a task (the frame's paint happens in between). */
export function afterPaint(run: () => void): void {
  requestAnimationFrame(() => setTimeout(run, 0));
}

/** Loads the footer's elements after the host first shows an article. */
export class DeferredPartsController implements ReactiveController {
  private started = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly shown: () => boolean,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    if (this.started || !this.shown()) return;
    this.started = true;
    afterPaint(() => void loadDeferredParts());
  }
}
