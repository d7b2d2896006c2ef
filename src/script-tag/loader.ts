// dist/help-article.js: the one classic `<script src>` line a host pastes. It finds its own
// folder and imports the ES chunks beside it (dist/chunks/), so the first paint waits only for the
// article's code. A failed import (chunks served from another origin without
// Access-Control-Allow-Origin, a missing file) shows a localized message in each article instead
// of leaving it blank, and reports `help-article-error` with reason `script`.
import de from '../i18n/de/loader.js';
import en from '../i18n/en/loader.js';
import { mayBuildArticle } from './prerendered.js';

type Api = Record<string, unknown> & { ready: Promise<unknown> };

// Read synchronously: `currentScript` is only set while this file runs.
const here = (document.currentScript as HTMLScriptElement | null)?.src || location.href;
const entry = new URL('chunks/core.js', here).href;

function showFailure(error: unknown): void {
  console.error(
    `help-article-widget: could not load ${entry}: ${String(error)}. ` +
      'When the widget is served from another origin, its files need the header Access-Control-Allow-Origin ' +
      '(or use dist/help-article.single.js, one classic script).',
  );
  for (const el of document.querySelectorAll<HTMLElement>('help-article')) {
    if (customElements.get('help-article')) return;
    const lang = (el.closest('[lang]')?.getAttribute('lang') || 'de').toLowerCase();
    const message = document.createElement('p');
    message.setAttribute('role', 'alert');
    message.setAttribute('part', 'error');
    message.className = 'help-article-script-error';
    message.textContent = (lang.startsWith('en') ? en : de).failed;
    // A prerendered article keeps its text; the message goes above it.
    (el.shadowRoot ?? el).prepend(message);
    el.setAttribute('state', 'error');
    el.dispatchEvent(
      new CustomEvent('help-article-error', {
        detail: { articleId: el.getAttribute('article-id') ?? '', reason: 'script' },
        bubbles: true,
        composed: true,
      }),
    );
  }
}

// marked and DOMPurify, which core.js imports before it defines the elements unless every article
// of the page is prerendered: asked for beside it, not after it. A failure shows in the article.
if (mayBuildArticle()) import(/* @vite-ignore */ new URL('chunks/parser.js', here).href).catch(() => undefined);

const api = { ready: undefined } as unknown as Api;
api.ready = import(/* @vite-ignore */ entry).then(
  (module: Record<string, unknown>) => {
    // Live, like the module's own exports: `i18n` is set after the first paint.
    for (const key of Object.keys(module)) Object.defineProperty(api, key, { get: () => module[key], enumerable: true, configurable: true });
    return api;
  },
  async (error: unknown) => {
    // Without `defer` this runs in <head>: the articles are there once the document is parsed.
    if (document.readyState === 'loading') await new Promise((done) => addEventListener('DOMContentLoaded', done, { once: true }));
    showFailure(error);
    throw error;
  },
);
// The failure is shown above; a host that awaits `ready` still sees it reject.
api.ready.catch(() => undefined);
(window as unknown as { HelpArticleWidget: Api }).HelpArticleWidget = api;
