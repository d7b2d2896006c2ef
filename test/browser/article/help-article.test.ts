import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../../src/define.js';
import type { HelpArticle } from '../../../src/article/help-article.js';
import { CHROMIUM_ONLY, chromiumOnly, pressSpace } from '../../support/engine.js';
import { failedFixture, shadow } from '../../support/helpers.js';

interface IndexEntry {
  id: string;
  lang: string;
  title: string;
  categories: string[];
  path: string;
  sections: { id: string; title: string }[];
}

const SEED = '/content/versandte-email-nicht-im-postfach.de.md';

async function load(template: ReturnType<typeof html>): Promise<HelpArticle> {
  const el = await fixture<HelpArticle>(template);
  await el.loadComplete;
  return el;
}

const toggles = (el: HelpArticle) => [...shadow(el).querySelectorAll<HTMLButtonElement>('.section-toggle')];
const panel = (el: HelpArticle, id: string) => shadow(el).getElementById(`${id}:panel`)!;

describe('<help-article>', () => {
  afterEach(() => {
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('passes axe with sections open and collapsed', async () => {
    const el = await load(html`<help-article src=${SEED}></help-article>`);
    await expect(el).to.be.accessible();
    el.collapsed = true;
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('renders the seed article: title, intro lists, sections with GitHub ids, callout, categories', async () => {
    const el = await load(html`<help-article src=${SEED}></help-article>`);
    const root = shadow(el);
    expect(root.querySelector('h1')!.textContent).to.equal('Versandte E-Mail nicht im Postfach');
    expect(root.querySelectorAll('[part="intro"] li').length).to.be.greaterThan(6);
    expect(el.sections.map((s) => s.id)).to.deep.equal([
      'automatische-postfachregeln-zb-google-mail',
      'eigene-postfachregeln',
      'abgelehnte-nachrichten-und-spam',
    ]);
    const callout = root.querySelector('.callout-tip')!;
    expect(callout.getAttribute('role')).to.equal('note');
    expect(callout.querySelector('.callout-title')!.textContent).to.equal('Anwendungsbeispiel');
    const categories = root.querySelector('[part="categories"]')!;
    expect(categories.querySelector('.categories-label')!.textContent).to.equal('Kategorien:');
    expect([...categories.querySelectorAll('[part="category"]')].map((t) => t.textContent)).to.deep.equal(['Allgemein', 'E-Mails']);
    // Labelled by its label, with an id no heading's slug can take (slugs have no colon).
    expect(categories.querySelector('ul')!.getAttribute('aria-labelledby')).to.equal('categories:label');
    expect(root.getElementById('categories:label')!.textContent).to.equal('Kategorien:');
    expect(el.resolvedId).to.equal('versandte-email-nicht-im-postfach');
  });

  it('renders every article of content/ in both languages with the sections the index lists', async () => {
    const index: IndexEntry[] = await (await fetch('/dist/content-index.json')).json();
    expect(index.length).to.be.at.least(10);
    for (const entry of index) {
      const el = await load(html`<help-article src=${entry.path} lang=${entry.lang}></help-article>`);
      expect(el.state, entry.path).to.equal('ready');
      expect(el.articleTitle).to.equal(entry.title);
      expect(el.sections).to.deep.equal(entry.sections);
      expect(el.resolvedId).to.equal(entry.id);
      // Every image resolves against the article and loads; every section has content.
      for (const img of shadow(el).querySelectorAll('img')) {
        expect(img.getAttribute('src')).to.match(/^http:\/\/[^/]+\/content\/images\//);
      }
      for (const s of entry.sections) expect(panel(el, s.id).textContent!.trim()).not.to.equal('');
      el.remove();
    }
  });

  it('opens and closes a section by click and by keyboard, telling the host', async () => {
    const el = await load(html`<help-article src=${SEED}></help-article>`);
    const [first] = toggles(el);
    const id = el.sections[0].id;
    const old = oneEvent(el, 'help-section-toggle');
    setTimeout(() => first.click());
    const { detail } = await oneEvent(el, 'help-article-toggle');
    expect(detail).to.deep.equal({ id, open: false });
    // The old event name is still sent until 0.3.
    expect((await old).detail).to.deep.equal(detail);
    await el.updateComplete;
    expect(first.getAttribute('aria-expanded')).to.equal('false');
    expect(panel(el, id).getAttribute('hidden')).to.equal('until-found');

    first.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(first.getAttribute('aria-expanded')).to.equal('true');
    expect(panel(el, id).hasAttribute('hidden')).to.equal(false);
    await pressSpace();
    await el.updateComplete;
    expect(first.getAttribute('aria-expanded')).to.equal('false');
  });

  it('starts closed with `collapsed`, and expand all / collapse all switch every section', async () => {
    const el = await load(html`<help-article src=${SEED} collapsed></help-article>`);
    expect(toggles(el).every((t) => t.getAttribute('aria-expanded') === 'false')).to.equal(true);
    const all = shadow(el).querySelector<HTMLButtonElement>('[part="toggle-all"]')!;
    expect(all.textContent!.trim()).to.equal('Alle Abschnitte öffnen');
    // The button heads the section list with its count, instead of floating alone above it.
    expect(shadow(el).querySelector('[part="toolbar"]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('3 Abschnitte Alle Abschnitte öffnen');
    all.click();
    await el.updateComplete;
    expect(toggles(el).every((t) => t.getAttribute('aria-expanded') === 'true')).to.equal(true);
    expect(all.textContent!.trim()).to.equal('Alle Abschnitte schließen');
    all.click();
    await el.updateComplete;
    expect(toggles(el).every((t) => t.getAttribute('aria-expanded') === 'false')).to.equal(true);
  });

  it('opens and scrolls to the section named in the URL hash, on load and on hashchange', async () => {
    history.replaceState(null, '', '#eigene-postfachregeln');
    const el = await load(html`<help-article src=${SEED} collapsed></help-article>`);
    await el.updateComplete;
    expect(panel(el, 'eigene-postfachregeln').hasAttribute('hidden')).to.equal(false);
    expect(panel(el, 'abgelehnte-nachrichten-und-spam').hasAttribute('hidden')).to.equal(true);

    location.hash = 'abgelehnte-nachrichten-und-spam';
    await oneEvent(window, 'hashchange');
    await el.updateComplete;
    expect(panel(el, 'abgelehnte-nachrichten-und-spam').hasAttribute('hidden')).to.equal(false);
  });

  it('finishes loading when the host moves it to another place while it loads', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div><div></div><div></div></div>`);
    const [first, other] = wrap.children;
    const el = document.createElement('help-article');
    el.src = SEED;
    first.append(el);
    await el.updateComplete; // rendered the skeleton; the fetch is under way
    expect(el.state).to.equal('loading');
    other.append(el);
    await el.loadComplete;
    expect(el.state).to.equal('ready');
    expect(el.sections.length).to.equal(3);
  });

  it('opens the section that holds a sub-heading named in the hash', async () => {
    const el = await load(html`<help-article collapsed .markdown=${'## A\n\na\n\n## B\n\n### Unterpunkt\n\nb'}></help-article>`);
    location.hash = 'unterpunkt';
    await oneEvent(window, 'hashchange');
    await el.updateComplete;
    expect(panel(el, 'b').hasAttribute('hidden')).to.equal(false);
    expect(panel(el, 'a').hasAttribute('hidden')).to.equal(true);
  });

  it('opens a section again from a link to it when the URL already names it', async () => {
    const el = await load(html`<help-article .markdown=${'Siehe [Zahlungsart ändern](#zahlungsart-ändern).\n\n## A\n\na\n\n## Zahlungsart ändern\n\nb'}></help-article>`);
    const link = shadow(el).querySelector<HTMLAnchorElement>('.intro a')!;
    link.click();
    await oneEvent(window, 'hashchange');
    await el.updateComplete;
    toggles(el)[1].click(); // the reader closes it again
    await el.updateComplete;
    expect(panel(el, 'zahlungsart-ändern').hasAttribute('hidden')).to.equal(true);
    link.click(); // same hash: no hashchange
    await el.updateComplete;
    expect(panel(el, 'zahlungsart-ändern').hasAttribute('hidden')).to.equal(false);
  });

  it('names each section heading by its title alone (the copy-link button sits beside it)', async () => {
    const el = await load(html`<help-article .markdown=${'## Eigene Regeln\n\na'}></help-article>`);
    const heading = shadow(el).getElementById('eigene-regeln')!;
    expect(heading.tagName).to.equal('H2');
    expect(heading.textContent!.trim()).to.equal('Eigene Regeln');
    expect(heading.querySelector('.copy-link')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('announces every copied section link, not only the first', async () => {
    const el = await load(html`<help-article share-url="https://example.com/" .markdown=${'## A\n\na\n\n## B\n\nb'}></help-article>`);
    const status = shadow(el).querySelector('[aria-live="polite"]')!;
    const texts: string[] = [];
    const watch = new MutationObserver(() => texts.push(status.textContent!.trim()));
    watch.observe(status, { childList: true, characterData: true, subtree: true });
    const [first, second] = shadow(el).querySelectorAll<HTMLButtonElement>('.copy-link');
    first.click();
    await waitUntil(() => texts.filter(Boolean).length === 1, 'first announcement');
    second.click();
    await waitUntil(() => texts.filter(Boolean).length === 2, 'second announcement');
    watch.disconnect();
    expect(texts[texts.length - 2]).to.equal('');
  });

  it('opens every section for printing, then closes what was closed', async () => {
    const el = await load(html`<help-article collapsed share-url="https://example.com/" .markdown=${'## A\n\na\n\n## B\n\nb'}></help-article>`);
    window.dispatchEvent(new Event('beforeprint'));
    await el.updateComplete;
    expect(panel(el, 'a').hasAttribute('hidden')).to.equal(false);
    expect(panel(el, 'b').hasAttribute('hidden')).to.equal(false);
    window.dispatchEvent(new Event('afterprint'));
    await el.updateComplete;
    expect(panel(el, 'a').hasAttribute('hidden')).to.equal(true);
  });

  chromiumOnly(CHROMIUM_ONLY.emulateMedia)('prints none of the controls', async () => {
    const el = await load(html`<help-article collapsed share-url="https://example.com/" .markdown=${'## A\n\na\n\n## B\n\nb'}></help-article>`);
    await emulateMedia({ media: 'print' });
    try {
      for (const selector of ['.copy-link', '[part="footer"]', '[part="toolbar"]']) {
        expect(getComputedStyle(shadow(el).querySelector(selector)!).display, selector).to.equal('none');
      }
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  it('keeps ids per article when two articles share a page', async () => {
    const wrap = await fixture(html`<div>
      <help-article .markdown=${'## Gleich\n\nA\n\n## Gleich\n\nB'}></help-article>
      <help-article .markdown=${'## Gleich\n\nC'}></help-article>
    </div>`);
    const [a, b] = wrap.querySelectorAll('help-article');
    await Promise.all([a.loadComplete, b.loadComplete]);
    expect(a.sections.map((s) => s.id)).to.deep.equal(['gleich', 'gleich-1']);
    expect(b.sections.map((s) => s.id)).to.deep.equal(['gleich']);
  });

  it('keeps every id in its shadow root unique, whatever the headings are called', async () => {
    const el = await load(html`<help-article .markdown=${'## foo\n\n### foo--panel\n\n### foo:panel\n\nx\n\n## bar\n\ny'}></help-article>`);
    const ids = [...shadow(el).querySelectorAll('[id]')].map((node) => node.id);
    expect(new Set(ids).size, ids.join(' ')).to.equal(ids.length);
    // Each toggle controls its own section's panel.
    for (const toggle of toggles(el)) {
      const panelEl = shadow(el).getElementById(toggle.getAttribute('aria-controls')!)!;
      expect(panelEl.classList.contains('section-body')).to.equal(true);
    }
  });

  it('gives a hash that two articles share to the first of them, as with ids in a page', async () => {
    const wrap = await fixture(html`<div>
      <help-article collapsed .markdown=${'## Erste Schritte\n\nA'}></help-article>
      <help-article collapsed .markdown=${'## Erste Schritte\n\nB'}></help-article>
    </div>`);
    const [first, second] = wrap.querySelectorAll('help-article');
    await Promise.all([first.loadComplete, second.loadComplete]);
    location.hash = 'erste-schritte';
    await oneEvent(window, 'hashchange');
    await Promise.all([first.updateComplete, second.updateComplete]);
    expect(panel(first, 'erste-schritte').hasAttribute('hidden')).to.equal(false);
    expect(panel(second, 'erste-schritte').hasAttribute('hidden')).to.equal(true);
  });

  it('takes markdown from the property first, then src, then an inline script', async () => {
    const inline = await load(html`<help-article><script type="text/markdown"># Inline\n\nText</script></help-article>`);
    expect(inline.articleTitle).to.equal('Inline');
    const both = await load(html`<help-article src=${SEED} .markdown=${'# Property'}></help-article>`);
    expect(both.articleTitle).to.equal('Property');
  });

  it('shows markdown given as a property in its first render, without a skeleton frame', async () => {
    const el = await fixture<HelpArticle>(html`<help-article .markdown=${'# Sofort\n\n## A\n\nText'}></help-article>`);
    // fixture() waited for the first update only.
    expect(shadow(el).querySelector('[part="skeleton"]')).to.equal(null);
    expect(shadow(el).querySelector('h1')!.textContent).to.equal('Sofort');
    expect(el.state).to.equal('ready');
  });

  it('lets attributes win over front matter, and falls back to the first heading and the file name', async () => {
    const md = '---\nid: fm-id\ntitle: FM Titel\ncategories: [Eins, Zwei]\n---\n# Heading\n\nText';
    const el = await load(html`<help-article .markdown=${md} article-id="attr-id" categories="Drei, Vier"></help-article>`);
    expect(el.resolvedId).to.equal('attr-id');
    expect(el.articleTitle).to.equal('FM Titel');
    expect(el.categoryNames).to.deep.equal(['Drei', 'Vier']);
    const plain = await load(html`<help-article .markdown=${'# Nur Überschrift\n\nText'}></help-article>`);
    expect(plain.articleTitle).to.equal('Nur Überschrift');
    // No id anywhere: a URL-safe one from the title, so the feedback control can still appear.
    expect(plain.resolvedId).to.equal('nur-ueberschrift');
  });

  it('links categories with the category-href template, plain text without (and then they do not look like links)', async () => {
    const el = await load(html`<help-article .markdown=${'---\ncategories: [E-Mails & SMS, Konto]\n---\ntext'} category-href="/kategorie/{slug}"></help-article>`);
    const tag = shadow(el).querySelector('a[part="category"]')!;
    expect(tag.getAttribute('href')).to.equal('/kategorie/e-mails--sms');
    expect(getComputedStyle(tag).borderTopWidth).to.equal('1px');
    const plain = await load(html`<help-article .markdown=${'---\ncategories: [E-Mails & SMS, Konto]\n---\ntext'}></help-article>`);
    const plainTags = [...shadow(plain).querySelectorAll<HTMLElement>('[part="category"]')];
    expect(plainTags.map((t) => t.tagName)).to.deep.equal(['SPAN', 'SPAN']);
    for (const t of plainTags) {
      expect(getComputedStyle(t).borderTopWidth).to.equal('0px');
      expect(getComputedStyle(t).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
    }
  });

  it('aligns table columns as the markdown says (|:---:| centre, |---:| right)', async () => {
    const el = await load(html`<help-article .markdown=${'| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |'}></help-article>`);
    const cells = [...shadow(el).querySelectorAll('td')].map((td) => getComputedStyle(td).textAlign);
    expect(cells).to.deep.equal(['start', 'center', 'end']);
  });

  it('marks category names with the article\'s language when the UI speaks another', async () => {
    const el = await load(html`<help-article lang="en" .markdown=${'---\nlang: de\ncategories: [Allgemein]\n---\ntext'}></help-article>`);
    const categories = shadow(el).querySelector('[part="categories"]')!;
    expect(categories.querySelector('ul')!.getAttribute('lang')).to.equal('de');
    expect(categories.querySelector('.categories-label')!.textContent).to.equal('Categories:');
  });

  it('fills {lang} of category-href, so English tags lead to English category pages', async () => {
    const el = await load(html`<help-article lang="en-GB" .markdown=${'---\ncategories: [Online booking]\n---\ntext'} category-href="/?category={slug}&lang={lang}"></help-article>`);
    const tag = shadow(el).querySelector('a[part="category"]')!;
    expect(tag.getAttribute('href')).to.equal('/?category=online-booking&lang=en');
  });

  it('speaks English with lang="en" and switches labels live, following an ancestor', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div lang="en"><help-article src=${SEED}></help-article></div>`);
    const el = wrap.querySelector('help-article')!;
    await el.loadComplete;
    const all = () => shadow(el).querySelector('[part="toggle-all"]')!.textContent!.trim();
    expect(all()).to.equal('Collapse all sections');
    wrap.lang = 'de';
    await new Promise((r) => setTimeout(r));
    await el.updateComplete;
    expect(all()).to.equal('Alle Abschnitte schließen');
    el.setAttribute('lang', 'en');
    await el.updateComplete;
    expect(all()).to.equal('Collapse all sections');
    const callout = await load(html`<help-article lang="en" .markdown=${'> [!WARNING]\n> x'}></help-article>`);
    expect(shadow(callout).querySelector('.callout-title')!.textContent).to.equal('Warning');
    callout.lang = 'de';
    await callout.updateComplete;
    expect(shadow(callout).querySelector('.callout-title')!.textContent).to.equal('Achtung');
  });

  it('keeps a German article German under an English UI: links, and the text\'s lang', async () => {
    const el = await load(
      html`<help-article lang="en" src="/content/terminerinnerungen-per-sms-und-e-mail.de.md" article-href="/h/{lang}/{id}"></help-article>`,
    );
    const root = shadow(el);
    const hrefs = [...root.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).to.include('/h/de/versandte-email-nicht-im-postfach#abgelehnte-nachrichten-und-spam');
    expect(root.querySelector('[part="intro"]')!.getAttribute('lang')).to.equal('de');
    expect(root.querySelector('[part="toggle-all"]')!.textContent!.trim()).to.equal('Collapse all sections');
  });

  it('builds an inline article in the page\'s language from its first render: ids and links', async () => {
    // The language is resolved before the article is built in the first update, not after it.
    const wrap = await fixture(html`<div lang="en"><help-article article-href="/h/{lang}/{id}" .markdown=${'See [billing](billing.md).\n\n## \n\nNo title.\n\n## B\n\nb'}></help-article></div>`);
    const el = wrap.querySelector('help-article') as HelpArticle;
    await el.loadComplete;
    expect(el.sections.map((s) => s.id)).to.deep.equal(['section', 'b']);
    expect(shadow(el).querySelector('[part="intro"] a')!.getAttribute('href')).to.equal('/h/en/billing');
  });

  it('falls back to German for an unknown lang and warns once', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (msg: string) => warnings.push(msg);
    try {
      const el = await load(html`<help-article lang="xx" .markdown=${'## A\n\na\n\n## B\n\nb'}></help-article>`);
      el.requestUpdate();
      await el.updateComplete;
      expect(shadow(el).querySelector('[part="toggle-all"]')!.textContent!.trim()).to.equal('Alle Abschnitte schließen');
      expect(warnings.filter((w) => w.includes('lang="xx"')).length).to.equal(1);
    } finally {
      console.warn = original;
    }
  });

  it('warns once about malformed front matter and renders the article anyway', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (msg: string) => warnings.push(msg);
    try {
      const md = '---\ntitle: Kaputt\nthis line is broken\n---\n## A\n\nText';
      const el = await load(html`<help-article .markdown=${md}></help-article>`);
      expect(el.articleTitle).to.equal('Kaputt');
      expect(el.sections.length).to.equal(1);
      expect(warnings.some((w) => w.includes('line 3'))).to.equal(true);
    } finally {
      console.warn = original;
    }
  });

  it('renders a leading --- that is no front matter as written (a rule, a setext heading), with a warning', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (msg: string) => warnings.push(msg);
    try {
      const events: string[] = [];
      const rule = await fixture<HelpArticle>(html`<help-article @help-article-load=${() => events.push('load')} .markdown=${'---\n\nErster Absatz.\n\n## A\n\nText'}></help-article>`);
      await waitUntil(() => events.length === 1);
      expect(shadow(rule).querySelector('[part="intro"] hr')).to.not.equal(null);
      expect(shadow(rule).querySelector('[part="intro"]')!.textContent).to.contain('Erster Absatz.');
      expect(rule.sections.map((s) => s.title)).to.deep.equal(['A']);
      const setext = await load(html`<help-article .markdown=${'---\nFoo\n---\n\nBar'}></help-article>`);
      const intro = shadow(setext).querySelector('[part="intro"]')!;
      expect(intro.querySelector('hr')).to.not.equal(null);
      expect(setext.sections.map((s) => s.title)).to.deep.equal(['Foo']);
      expect(warnings.filter((w) => w.includes('front matter not read')).length).to.equal(1);
    } finally {
      console.warn = original;
    }
  });

  it('keeps inline markup in the title and in section headings; a link in a heading stays a link', async () => {
    const md = '# Termine *schnell* verschieben\n\nIntro.\n\n## Mit `code`, **Betonung** und [Kalender](https://kalender.example/)\n\nText.';
    const el = await load(html`<help-article .markdown=${md}></help-article>`);
    const root = shadow(el);
    expect(root.querySelector('[part="title"] em')!.textContent).to.equal('schnell');
    expect(el.articleTitle).to.equal('Termine schnell verschieben');
    const title = root.querySelector('.section-title')!;
    expect(title.querySelector('code')!.textContent).to.equal('code');
    expect(title.querySelector('strong')!.textContent).to.equal('Betonung');
    const link = title.querySelector('a')!;
    expect(link.getAttribute('href')).to.equal('https://kalender.example/');
    expect(el.sections[0].title).to.equal('Mit code, Betonung und Kalender');
    // The button is named by the title and covers the heading; the link sits above it.
    const toggle = toggles(el)[0];
    expect(toggle.getAttribute('aria-labelledby')).to.equal(title.id);
    expect(toggle.querySelector('a, code, strong')).to.equal(null);
    const at = (box: DOMRect) => root.elementFromPoint(box.left + Math.min(4, box.width / 2), box.top + box.height / 2);
    expect(at(link.getBoundingClientRect())).to.equal(link);
    expect(at(title.querySelector('strong')!.getBoundingClientRect())).to.equal(toggle);
    await expect(el).to.be.accessible();
  });

  describe('error states', () => {
    const cases: [string, string, string, string, number | undefined][] = [
      ['a 404', '/content/does-not-exist.de.md', 'does-not-exist', 'not-found', 404],
      ['a 500', '/fault/status/500', '500', 'http', 500],
      ['an HTML page', '/fault/html', 'html', 'not-markdown', undefined],
      ['binary data', '/fault/binary', 'binary', 'not-markdown', undefined],
      ['an empty file', '/fault/empty', 'empty', 'empty', undefined],
      ['a closed port', 'http://127.0.0.1:9/x.md', 'x', 'network', undefined],
    ];
    for (const [name, src, articleId, reason, status] of cases) {
      it(`shows a localized message and sends help-article-error for ${name}`, async () => {
        const { el, detail } = await failedFixture(html`<help-article src=${src}></help-article>`);
        await el.updateComplete;
        expect(el.state).to.equal('error');
        expect(detail).to.deep.equal({ articleId, reason, ...(status ? { status } : {}) });
        const box = shadow(el).querySelector('[part="error"]')!;
        expect(box.getAttribute('role')).to.equal('alert');
        expect(box.textContent).to.contain('Der Artikel kann nicht angezeigt werden.');
        await expect(el).to.be.accessible();
      });
    }

    it('offers a retry for a missing article and a link home with home-href; only http(s) homes', async () => {
      const { el } = await failedFixture(html`<help-article src="/content/does-not-exist.de.md" home-href="/hilfe/"></help-article>`);
      await el.updateComplete;
      const home = shadow(el).querySelector<HTMLAnchorElement>('[part="home-link"]')!;
      expect(home.getAttribute('href')).to.equal('/hilfe/');
      expect(home.textContent).to.equal('Zur Startseite des Hilfe-Centers');
      expect(shadow(el).querySelector('[part="retry-button"]')!.textContent).to.equal('Erneut versuchen');
      await expect(el).to.be.accessible();
      const { el: hostile } = await failedFixture(html`<help-article src="/content/does-not-exist.de.md" home-href="javascript:alert(1)"></help-article>`);
      await hostile.updateComplete;
      expect(shadow(hostile).querySelector('[part="home-link"]')).to.equal(null);
    });

    it('times out a hanging server with a message, and retries on request', async () => {
      const { el, detail } = await failedFixture(html`<help-article src="/fault/hang" fetch-timeout="300" lang="en"></help-article>`);
      expect(detail.reason).to.equal('timeout');
      await el.updateComplete;
      expect(shadow(el).querySelector('[part="error"]')!.textContent).to.contain('did not answer in time');
      el.src = SEED;
      await el.loadComplete;
      expect(el.state).to.equal('ready');
    });

    it('takes the default timeout for a fetch-timeout that is not a positive number', async () => {
      for (const value of ['abc', '-5', '0']) {
        const el = await fixture<HelpArticle>(html`<help-article src=${SEED} fetch-timeout=${value}></help-article>`);
        await el.loadComplete;
        expect(el.state, `fetch-timeout="${value}"`).to.equal('ready');
      }
    });
  });

  it('works from the script-tag bundle on a plain page without a module loader', async () => {
    const frame = document.createElement('iframe');
    frame.src = '/test/fixtures/bundle-page.html';
    document.body.append(frame);
    try {
      await oneEvent(frame, 'load');
      const win = frame.contentWindow as Window & { articleLoaded: Promise<{ title: string; sections: number }>; inlineLoaded: Promise<string> };
      const result = await win.articleLoaded;
      expect(result.title).to.equal('Versandte E-Mail nicht im Postfach');
      expect(result.sections).to.equal(3);
      expect(await win.inlineLoaded).to.equal('Inline');
      // The README's global for script-tag pages.
      expect(typeof (win as unknown as { HelpArticleWidget: { addTranslations: unknown } }).HelpArticleWidget.addTranslations).to.equal('function');
      // The page's own script is classic (no type="module", no import map).
      const bundle = frame.contentDocument!.querySelector('script[src="/dist/help-article.js"]')!;
      expect(bundle.hasAttribute('type')).to.equal(false);
      expect(frame.contentDocument!.querySelector('script[type="importmap"]')).to.equal(null);
    } finally {
      frame.remove();
    }
  });
});
