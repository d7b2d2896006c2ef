import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What the anchor controller needs from its article. */
export interface AnchorTarget extends ReactiveControllerHost, HTMLElement {
  /** Where the article renders (its shadow root). */
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** True when a section or heading of the article has the anchor `id`. */
  hasAnchor(id: string): boolean;
  /** Opens the section holding `id` and scrolls to it. */
  openSection(id: string, options: { scroll: boolean }): Promise<boolean>;
}

// The articles on the page: one registry for all of them. Two may have a section with the same
// id; like an id in a document, a URL hash then belongs to the first of them.
const registry = new Set<AnchorTarget>();

function owner(id: string): AnchorTarget | undefined {
  let first: AnchorTarget | undefined;
  for (const article of registry) {
    if (!article.hasAnchor(id)) continue;
    const position = first ? article.compareDocumentPosition(first) : 0;
    // `first` follows `article` in the same tree: `article` comes first (across shadow roots: the order of connection).
    if (!first || (position & Node.DOCUMENT_POSITION_FOLLOWING && !(position & Node.DOCUMENT_POSITION_DISCONNECTED))) first = article;
  }
  return first;
}

function hashId(): string {
  try {
    return decodeURIComponent(location.hash.slice(1));
  } catch {
    return '';
  }
}

/**
 * The URL hash and an article's sections: opening the page at `#id`, a `hashchange`, and a click
 * on a link to the section the URL already names (which changes nothing, so no `hashchange`
 * fires) open that section and scroll to it, in the one article on the page that owns the id.
 */
export class AnchorController implements ReactiveController {
  private pending = false;
  private readonly onHashChange = () => this.reveal();
  private readonly onClick = (event: MouseEvent) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
    // `link.hash` is percent-encoded like `location.hash` (`#zahlungsart-%C3%A4ndern`).
    if (link?.getAttribute('href')?.startsWith('#') && location.hash && link.hash === location.hash) this.reveal();
  };

  constructor(private readonly host: AnchorTarget) {
    host.addController(this);
  }

  hostConnected(): void {
    registry.add(this.host);
    window.addEventListener('hashchange', this.onHashChange);
    this.host.renderRoot.addEventListener('click', this.onClick as EventListener);
  }

  hostDisconnected(): void {
    registry.delete(this.host);
    window.removeEventListener('hashchange', this.onHashChange);
    this.host.renderRoot.removeEventListener('click', this.onClick as EventListener);
  }

  /** A new article was rendered: reveal the URL's section once it is on screen. */
  articleChanged(): void {
    this.pending = true;
  }

  hostUpdated(): void {
    if (!this.pending) return;
    this.pending = false;
    if (location.hash) this.reveal();
  }

  private reveal(): void {
    const id = hashId();
    if (id && owner(id) === this.host) void this.host.openSection(id, { scroll: true });
  }
}
