import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What the labels depend on: the rendered article (any value that changes with it) and the UI language. */
export interface CalloutLabelSource {
  /** The article now rendered, or `undefined` before one is. */
  article(): object | undefined;
  /** The UI language. */
  lang(): string;
  /** The label of a callout kind in that language. */
  label(kind: 'note' | 'tip' | 'warning'): string;
  /** Where the article is rendered. */
  root(): ParentNode;
}

/** Puts the labels of untitled callout boxes under `root`; a label already right is left alone (no mutation of prerendered markup). */
export function labelCallouts(root: ParentNode, label: CalloutLabelSource['label']): void {
  for (const title of root.querySelectorAll<HTMLElement>('[data-callout-title]')) {
    const kind = title.dataset.calloutTitle as 'note' | 'tip' | 'warning' | '';
    const text = kind && label(kind);
    if (text && title.textContent !== text) title.textContent = text;
  }
}

/**
 * Callout boxes without an own title (`> [!NOTE]`) are labelled in the reader's language. The
 * pipeline leaves their label empty, so a language switch needs no new parse: the labels are set
 * after an update, once per article and language.
 */
export class CalloutLabelsController implements ReactiveController {
  private done?: { article: object; lang: string };

  constructor(
    host: ReactiveControllerHost,
    private readonly source: CalloutLabelSource,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const article = this.source.article();
    const lang = this.source.lang();
    if (!article || (this.done?.article === article && this.done.lang === lang)) return;
    this.done = { article, lang };
    labelCallouts(this.source.root(), this.source.label);
  }
}
