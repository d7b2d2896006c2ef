import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How printing reads and sets an article's open sections. */
export interface SectionState {
  /** Ids of the sections that are open. */
  open(): ReadonlySet<string>;
  /** Ids of all sections. */
  all(): readonly string[];
  /** Opens exactly these sections. */
  set(ids: ReadonlySet<string>): void;
}

/**
 * A printed article is the whole article: closed sections open for printing (`beforeprint`)
 * and close again afterwards (`afterprint`).
 */
export class PrintSectionsController implements ReactiveController {
  private before?: ReadonlySet<string>;
  private readonly onBeforePrint = () => {
    const open = this.sections.open();
    const all = this.sections.all();
    if (all.every((id) => open.has(id))) return;
    this.before = open;
    this.sections.set(new Set(all));
  };
  private readonly onAfterPrint = () => {
    if (this.before) this.sections.set(this.before);
    this.before = undefined;
  };

  constructor(
    host: ReactiveControllerHost,
    private readonly sections: SectionState,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('beforeprint', this.onBeforePrint);
    window.addEventListener('afterprint', this.onAfterPrint);
  }

  hostDisconnected(): void {
    window.removeEventListener('beforeprint', this.onBeforePrint);
    window.removeEventListener('afterprint', this.onAfterPrint);
  }
}
