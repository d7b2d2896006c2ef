// Pages with an article prerendered by help-article-widget/ssr for the very URL they are served at
// (web-test-runner.config.mjs serves them at /test/prerendered/<variant>.html, rendered in a worker), for the takeover
// tests (test/browser/article/hydration.test.ts). A script between the article and the script tag
// starts a MutationObserver on the prerendered shadow root before any element is defined.
import fs from 'node:fs';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { renderArticle } from '../../ssr/render-article.js';

const SEED_SRC = '/content/versandte-email-nicht-im-postfach.de.md';
const KALENDER_SRC = '/content/kalender-synchronisieren.de.md';
const read = (src) => fs.readFileSync(`.${src}`, 'utf8');

// A long article: more than one parse chunk (LIMITS.chunkChars), built in slices in the browser.
const LONG = `---\ntitle: Langer Artikel\nupdated: 2026-11-02\n---\n\nEinleitung.\n\n${Array.from(
  { length: 12 },
  (_, i) => `## Abschnitt ${i + 1}\n\n${`Ein Absatz über Termine und Erinnerungen, Nummer ${i + 1}. `.repeat(20)}\n`,
).join('\n')}`;

/** What each variant renders, and the markdown it then puts in the page (the same, unless edited after the render). */
const VARIANTS = {
  seed: () => ({ src: SEED_SRC, markdown: read(SEED_SRC) }),
  collapsed: () => ({ src: SEED_SRC, markdown: read(SEED_SRC), options: { collapsed: true } }),
  callouts: () => ({ src: KALENDER_SRC, markdown: read(KALENDER_SRC) }),
  // The markdown was edited after the snippet was rendered: a paragraph changed.
  edited: () => ({ src: SEED_SRC, markdown: read(SEED_SRC), embed: (md) => md.replace('Es kann passieren', 'Es kommt vor') }),
  // Only the front matter's date changed: the same templates and HTML, another text.
  redated: () => ({ src: SEED_SRC, markdown: read(SEED_SRC), embed: (md) => md.replace('updated: 2026-10-14', 'updated: 2026-11-20') }),
  long: () => ({ src: '/content/lang.de.md', markdown: LONG }),
  // The host changed an attribute after the render (category-href): read back, then not matching.
  recategorized: () => ({ src: SEED_SRC, markdown: read(SEED_SRC), markup: (html) => html.replace('category-href="/kategorie/{slug}"', 'category-href="/thema/{slug}"') }),
  // No intro (the article starts with a section): Lit SSR writes the empty value as `<?>`.
  nointro: () => ({ src: '/content/ohne-einleitung.de.md', markdown: '---\ntitle: Ohne Einleitung\nupdated: 2026-11-02\n---\n\n## Erster Teil\n\nText eins.\n\n## Zweiter Teil\n\nText zwei.\n' }),
  // The title from the first `#` heading (no front matter), with markup in it.
  headingtitle: () => ({ src: '/content/ueberschrift.de.md', markdown: '# Termine *schnell* verschieben\n\nSo geht es.\n\n## Im Kalender\n\nZiehen.\n\n## In der Liste\n\nTippen.\n' }),
  // An English article on a German page: its own language, from the file name.
  english: () => ({ src: '/content/versandte-email-nicht-im-postfach.en.md', markdown: read('/content/versandte-email-nicht-im-postfach.en.md') }),
  // Markdown with an HTML snippet to paste (`<script>…</script>`, `<!--`): embedded with `</script` and `<!--` written apart.
  snippet: () => ({ src: '/content/einbinden.de.md', markdown: '---\ntitle: Einbinden\n---\n\nFügen Sie ein:\n\n```html\n<!-- Belbo -->\n<script src="https://belbo.example/embed.js" async></script>\n```\n\n## Prüfen\n\nFertig.\n\n## Entfernen\n\nLöschen Sie den Schnipsel.\n' }),
  // A regional language in the file name (`.de-ch.md`): the server reads it as the page does.
  regional: () => ({ src: '/content/konto.de-ch.md', markdown: '---\ntitle: Konto\n---\n\nSiehe [Rechnung](rechnung-und-zahlungsarten.md).\n\n## Passwort\n\nÄndern.\n\n## E-Mail\n\nÄndern.\n' }),
  // Rendered without saying what it was built from (as before `data-built`): built again in the page.
  unstamped: () => ({ src: SEED_SRC, markdown: read(SEED_SRC), markup: (html) => html.replace(/ data-built="[^"]*"/, '') }),
};

/**
 * The page of one variant.
 * @param {string} variant
 * @param {{ origin: string, path: string, collector: string }} at Where the page is served, and the collector's URL.
 * @returns {Promise<string | undefined>}
 */
export async function prerenderedPage(variant, { origin, path, collector }) {
  const make = VARIANTS[variant];
  if (!make) return undefined;
  const { src, markdown, options = {}, embed, markup } = make();
  let article = await renderArticle(markdown, {
    url: `${origin}${path}`,
    src,
    feedbackEndpoint: `${collector}/api/feedback`,
    categoryHref: '/kategorie/{slug}',
    articleHref: '/hilfe/{id}',
    ...options,
  });
  if (embed) {
    const before = article.length;
    article = article.replace(/(<script type="text\/markdown" data-src="[^"]*"[^>]*>)([^]*?)(<\/script>)/, (_, open, md, close) => open + embed(md) + close);
    if (article.length === before && embed(markdown) !== markdown && !article.includes(embed(markdown))) throw new Error(`variant ${variant}: embedded markdown not edited`);
  }
  if (markup) {
    const before = article;
    article = markup(article);
    if (article === before) throw new Error(`variant ${variant}: markup not changed`);
  }
  return `<!doctype html>
<html lang="de">
<head><meta charset="utf-8"><title>${variant}</title></head>
<body>
${article}
<script>
  // Before any element is defined: what the takeover changes in the prerendered shadow root.
  window.pageErrors = [];
  addEventListener('error', (e) => pageErrors.push(String(e.message)));
  addEventListener('unhandledrejection', (e) => pageErrors.push(String(e.reason)));
  window.pageWarnings = [];
  const warn = console.warn.bind(console);
  console.warn = (...args) => { pageWarnings.push(args.join(' ')); warn(...args); };
  const root = document.querySelector('help-article').shadowRoot;
  window.prerendered = { root, definedBefore: Boolean(customElements.get('help-article')), nodes: [], records: [] };
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) prerendered.nodes.push([n, n.nodeType === 1 ? [...n.attributes].map((a) => a.name + '=' + a.value).join(' ') : n.data]);
  prerendered.observer = new MutationObserver((records) => prerendered.records.push(...records));
  prerendered.observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true, attributeOldValue: true, characterDataOldValue: true });
</script>
<script src="/dist/help-article.js"></script>
</body>
</html>
`;
}

// Run as a worker (web-test-runner.config.mjs): the render's jsdom globals (`window`, `document`)
// stay out of the test server's own thread.
if (!isMainThread && workerData === 'prerendered-pages') {
  parentPort.on('message', async ({ id, variant, at }) => {
    try {
      parentPort.postMessage({ id, body: await prerenderedPage(variant, at) });
    } catch (error) {
      parentPort.postMessage({ id, error: String(error?.stack ?? error) });
    }
  });
}
