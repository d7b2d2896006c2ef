import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { buildArticle, buildArticleSync, fillDeferred, isSmall, loadParser, prepareArticle, type ArticleModel, type PipelineOptions, type PreparedArticle } from '../pipeline/index.js';
import { ArticleLoadError, fetchMarkdown, type ArticleErrorReason } from './fetch-markdown.js';

/** Loading state of an article. */
export type ArticleState = 'idle' | 'loading' | 'ready' | 'error';

/** Where the markdown comes from, as the element sees it at the start of a load. */
export interface ArticleSource {
  /** Markdown at hand (the `markdown` property, or an inline script). */
  markdown?: string;
  /** URL to fetch when no markdown is at hand. */
  src?: string;
  /** Reads the inline `<script type="text/markdown">` again (it may be parsed after the element). */
  inline(): string | undefined;
  /** Milliseconds before a fetch counts as timed out. */
  timeoutMs: number;
  /** `markdown` is the content of `src`, already in the page: its links resolve against `src`. */
  fromSrc?: boolean;
  /** An article already built by the same pipeline (the server render, which can wait for a long one). */
  built?: ArticleModel;
  /** The article as the page shows it already (a prerendered one being taken over), if it is built from this source. */
  inPage?(markdown: string, prepared: PreparedArticle, options: PipelineOptions): ArticleModel | undefined;
  /** Pipeline options for an article whose links resolve against `baseUrl`. */
  options(baseUrl: string): PipelineOptions;
}

/** The outcome of a load, reported after the host has rendered it. */
export type LoadOutcome = { model: ArticleModel } | { error: ArticleLoadError };

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Loads an article for its element: markdown at hand that parses in one piece is built during
 * the very update that asked for it (no skeleton frame); anything else is fetched and built in
 * slices. A newer load cancels the older one; a load cut short by a move in the page restarts
 * when the element is connected again.
 */
export class ArticleLoader implements ReactiveController {
  /** Where the load is. */
  state: ArticleState = 'idle';
  /** The article shown, once loaded. */
  model?: ArticleModel;
  /** Why the last load failed. */
  error?: ArticleLoadError;

  private run?: AbortController;
  private loading: Promise<void> = Promise.resolve();

  constructor(
    private readonly host: Host,
    private readonly source: () => ArticleSource,
    private readonly settled: (outcome: LoadOutcome) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // Moved in the page while loading: the load was cancelled on disconnect, so start it again.
    if (this.state === 'loading' && this.run?.signal.aborted) this.load();
  }

  hostDisconnected(): void {
    this.run?.abort();
  }

  /** Starts loading the current source (call it from `willUpdate` to show markdown at once). */
  load(): void {
    this.loading = this.start();
  }

  /** Resolves when the latest source is rendered or has failed, and its outcome was reported. */
  get complete(): Promise<void> {
    return (async () => {
      let current: Promise<void>;
      do {
        current = this.loading;
        await current;
        await this.host.updateComplete;
      } while (current !== this.loading);
    })();
  }

  private set(state: ArticleState, model?: ArticleModel, error?: ArticleLoadError): void {
    this.state = state;
    this.model = model;
    this.error = error;
    this.host.requestUpdate();
  }

  private async start(): Promise<void> {
    this.run?.abort();
    const run = new AbortController();
    this.run = run;
    const source = this.source();
    try {
      let markdown = source.markdown;
      const baseUrl = source.src && (markdown === undefined || source.fromSrc) ? new URL(source.src, document.baseURI).href : document.baseURI;
      const prepared = markdown?.trim() ? prepareArticle(markdown) : undefined;
      let model =
        source.built ??
        (prepared && source.inPage?.(markdown!, prepared, source.options(baseUrl))) ??
        (prepared && isSmall(prepared) ? buildArticleSync(prepared, source.options(baseUrl)) : undefined);
      if (!model) {
        this.set('loading', undefined);
        if (markdown === undefined && source.src) {
          markdown = await fetchMarkdown(baseUrl, { signal: run.signal, timeoutMs: source.timeoutMs });
        }
        if (markdown === undefined && !source.src && document.readyState === 'loading') {
          // Upgraded by a script without defer: the inline <script type="text/markdown"> below
          // the tag is not parsed yet. Look again once the document is.
          await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
          if (run.signal.aborted) return;
          markdown = source.inline();
        }
        if (markdown === undefined) throw new ArticleLoadError('no-source');
        if (!markdown.trim()) throw new ArticleLoadError('empty');
        const ready = prepared ?? prepareArticle(markdown);
        // marked and DOMPurify, where the script tag took a prerendered article over without them
        // (an article over the size limit is shown as text without them).
        if (!ready.tooLarge) {
          await loadParser().catch(() => {
            throw new ArticleLoadError('script');
          });
          if (run.signal.aborted) return;
        }
        model = await buildArticle(ready, { ...source.options(baseUrl), signal: run.signal });
        if (run.signal.aborted) return;
      }
      this.set('ready', model);
      await this.host.updateComplete;
      // A long article's later groups go in after its first render, a slice at a time.
      await fillDeferred(model, run.signal);
      if (!run.signal.aborted) this.settled({ model });
    } catch (error) {
      if (run.signal.aborted) return;
      const failure = error instanceof ArticleLoadError ? error : new ArticleLoadError('too-complex');
      this.set('error', undefined, failure);
      // Listeners added right after the element was created still hear about it.
      await this.host.updateComplete;
      if (!run.signal.aborted) this.settled({ error: failure });
    }
  }
}

export type { ArticleErrorReason };
