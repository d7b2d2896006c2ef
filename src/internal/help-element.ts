import { LitElement, type CSSResultGroup, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { LocalizeController } from '../i18n/localize.js';
import { tokens } from '../styles/tokens.js';
import { defineElement } from './define-element.js';

/** The widget's events: `help-<element>-<what happened>`, each registered in `GlobalEventHandlersEventMap`. */
export type HelpEventName = Extract<keyof GlobalEventHandlersEventMap, `help-${string}`>;

/** The `detail` of one of the widget's events. */
export type HelpEventDetail<K extends HelpEventName> = GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : never;

function helpEvent<K extends HelpEventName>(type: K, detail: HelpEventDetail<K>, cancelable: boolean): CustomEvent {
  return new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable });
}

/**
 * The base of every element of the widget: the design tokens, `theme`, `lang` with its localize
 * controller, typed events through `emit()`, and `dependencies` (the tags an element renders,
 * defined on first use when the page has not defined them).
 */
export class HelpElement extends LitElement {
  static override styles: CSSResultGroup = [tokens];

  /** Elements this one renders; defined on first use if the page has not defined them. */
  static dependencies: Record<string, CustomElementConstructor> = {};

  /** Colour scheme: `light`, `dark` or unset (follows the reader's system). */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  /** UI language; follows the nearest ancestor's `lang`, then `<html lang>`, then German. */
  @property() override lang!: string;

  /** The element's language and labels. */
  protected readonly localize = new LocalizeController(this);

  /** The server's shadow root while it is being taken over (set by src/internal/hydrate.ts). */
  protected prerendered?: ShadowRoot;

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    // A prerendered element (help-article-widget/ssr) arrives with a declarative shadow root;
    // attachShadow hands it back as it is, and Lit would render beside the server's markup. Where
    // the page does not hydrate (src/internal/hydrate.ts), it is rendered afresh in the same task
    // (no paint in between): inline markdown renders at once.
    this.shadowRoot?.replaceChildren();
    return super.createRenderRoot();
  }
  override connectedCallback(): void {
    super.connectedCallback();
    for (const [tag, ctor] of Object.entries((this.constructor as typeof HelpElement).dependencies)) {
      if (!customElements.get(tag)) defineElement(tag, ctor);
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Here, not in a controller's hostUpdate: that runs after willUpdate, where an article starts
    // building with its language (and Lit SSR skips it).
    this.localize.resolve();
    super.willUpdate(changed);
  }

  /**
   * Sends one of the widget's events: bubbling and composed, so a host hears it through shadow
   * roots. Returns false when a listener cancelled a cancelable event.
   */
  protected emit<K extends HelpEventName>(type: K, detail: HelpEventDetail<K>, { cancelable = false } = {}): boolean {
    return this.dispatchEvent(helpEvent(type, detail, cancelable));
  }
}
