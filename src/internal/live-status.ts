import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How long a status message ("Link kopiert") stays before it leaves the reading order. */
export const STATUS_MS = 5000;

/**
 * A message for a polite live region: set with `announce()`, cleared after {@link STATUS_MS}.
 * The same message twice is read out twice (the region is emptied for one render in between).
 */
export class LiveStatusController<T> implements ReactiveController {
  /** The message to show, if any. */
  value?: T;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Shows `value` in the live region. */
  async announce(value: T): Promise<void> {
    clearTimeout(this.timer);
    // Empty the live region first: the same text set again is not announced again.
    if (this.value !== undefined) {
      this.value = undefined;
      this.host.requestUpdate();
      await this.host.updateComplete;
    }
    this.value = value;
    this.host.requestUpdate();
    this.timer = setTimeout(() => {
      this.value = undefined;
      this.host.requestUpdate();
    }, STATUS_MS);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.value = undefined;
  }
}
