// A prerendered article (help-article-widget/ssr) taken over by the script tag without rendering it
// again: pages from test/support/prerendered-pages.mjs, each rendered for the URL it is served at,
// load dist/help-article.js in a frame. A MutationObserver on the prerendered shadow root starts
// before any element is defined and records everything until the article is ready.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { HelpArticle } from '../../../src/article/help-article.js';

interface Prerendered {
  root: ShadowRoot;
  definedBefore: boolean;
  nodes: [Node, string][];
  records: MutationRecord[];
  observer: MutationObserver;
}
type Frame = Window & { prerendered: Prerendered; pageErrors: string[]; pageWarnings: string[] };

const frames: HTMLIFrameElement[] = [];

async function open(variant: string, hash = ''): Promise<{ win: Frame; el: HelpArticle }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 600px';
  frame.src = `/test/prerendered/${variant}.html${hash}`;
  frames.push(frame);
  document.body.append(frame);
  await oneEvent(frame, 'load');
  const win = frame.contentWindow as Frame;
  await win.customElements.whenDefined('help-article');
  const el = win.document.querySelector('help-article') as HelpArticle;
  await el.loadComplete;
  // Ready: the share bar and the feedback control are defined too, and have rendered.
  await Promise.all(['help-share', 'help-feedback'].map((tag) => win.customElements.whenDefined(tag)));
  await Promise.all(['help-share', 'help-feedback'].map((tag) => (el.shadowRoot!.querySelector(tag) as HelpArticle).updateComplete));
  return { win, el };
}

// What taking over may change in the prerendered shadow root, and nothing else:
// - Lit's hydration removes `defer-hydration` from the nested elements (the server marks them so
//   they wait for their host);
// - a nested element writes an attribute it reflects (`<help-feedback state="idle">`) again, with
//   the value the server wrote.
// The host's own reflected attributes (`state`) are on the host, outside the shadow root, and the
// callout labels are in the server's markup already.
const NESTED = new Set(['HELP-CATEGORIES', 'HELP-SHARE', 'HELP-FEEDBACK']);
const allowed = (r: MutationRecord) => {
  const target = r.target as Element;
  if (r.type !== 'attributes' || !NESTED.has(target.tagName)) return false;
  if (r.attributeName === 'defer-hydration') return !target.hasAttribute('defer-hydration');
  return r.oldValue !== null && target.getAttribute(r.attributeName!) === r.oldValue;
};

const describeRecord = (r: MutationRecord) =>
  `${r.type} on ${r.target.nodeName}${r.target.nodeType === 1 ? `.${(r.target as Element).className}` : ''}` +
  (r.type === 'attributes' ? ` [${r.attributeName}: ${r.oldValue} → ${(r.target as Element).getAttribute(r.attributeName!)}]` : '') +
  (r.type === 'childList' ? ` +${r.addedNodes.length} -${r.removedNodes.length}` : '');

const signature = (n: Node) =>
  n.nodeType === 1
    ? [...(n as Element).attributes].filter((a) => a.name !== 'defer-hydration').map((a) => `${a.name}=${a.value}`).join(' ')
    : (n as CharacterData).data;
const before = (value: string) => value.replace(/(^| )defer-hydration=( |$)/, '$1').trim();

function nodesOf(root: ShadowRoot): Node[] {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_ALL);
  const nodes: Node[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
  return nodes;
}

describe('<help-article> taking over prerendered markup', () => {
  // A rating kept from an earlier test (session storage is shared with the frames) would change
  // what the feedback control shows first.
  beforeEach(() => sessionStorage.clear());

  afterEach(() => {
    for (const frame of frames.splice(0)) frame.remove();
  });

  // unstamped: markup from a render that did not say what it was built from (no `data-built`): the
  // article is built again from the embedded markdown, then taken over the same way.
  const parserLoaded = (w: Window) => w.performance.getEntriesByType('resource').some((e) => e.name.endsWith('/dist/chunks/parser.js'));

  for (const variant of ['seed', 'callouts', 'collapsed', 'nointro', 'headingtitle', 'english', 'regional', 'snippet', 'unstamped']) {
    it(`${variant}: changes nothing in the article's DOM (same nodes, same text and attributes)`, async () => {
      const { win, el } = await open(variant);
      const { prerendered } = win;
      expect(prerendered.definedBefore).to.equal(false);
      expect(el.state).to.equal('ready');
      const records = [...prerendered.records, ...prerendered.observer.takeRecords()];
      expect(records.filter((r) => !allowed(r)).map(describeRecord)).to.deep.equal([]);
      const now = nodesOf(prerendered.root);
      expect(now.length).to.equal(prerendered.nodes.length);
      prerendered.nodes.forEach(([node, was], i) => {
        expect(now[i] === node, `node ${i} (${node.nodeName}) is the server's`).to.equal(true);
        expect(signature(node), `node ${i} (${node.nodeName})`).to.equal(node.nodeType === 1 ? before(was) : was);
      });
      // The article's parts are the server's nodes.
      const root = prerendered.root;
      expect(root.querySelectorAll('.section').length).to.equal(el.sections.length);
      expect(el.sections.length).to.be.greaterThan(1);
      expect(win.pageErrors).to.deep.equal([]);
      expect(win.pageWarnings).to.deep.equal([]);
      // Read back from the markup, without marked and DOMPurify, unless the render did not say what it was built from.
      expect(parserLoaded(win)).to.equal(variant === 'unstamped');
    });
  }

  it('reads back the same article the pipeline builds (title, sections, id, language)', async () => {
    const { win, el } = await open('headingtitle');
    const read = { title: el.articleTitle, id: el.resolvedId, sections: el.sections, lang: el.shadowRoot!.querySelector('article')!.lang };
    expect(el.shadowRoot!.querySelector('h1 em')!.textContent).to.equal('schnell');
    // The same source, built by the pipeline in this page.
    el.markdown = win.document.querySelector('help-article script[type="text/markdown"]')!.textContent!;
    await el.loadComplete;
    expect(parserLoaded(win)).to.equal(true);
    expect({ title: el.articleTitle, id: el.resolvedId, sections: el.sections, lang: el.shadowRoot!.querySelector('article')!.lang }).to.deep.equal(read);
    expect(read.title).to.equal('Termine schnell verschieben');
    expect(read.sections.map((s) => s.id)).to.deep.equal(['im-kalender', 'in-der-liste']);
  });

  it('loads the takeover code only on pages with a prerendered article', async () => {
    const { win } = await open('seed');
    const loaded = (w: Window) => w.performance.getEntriesByType('resource').some((e) => e.name.endsWith('/dist/chunks/hydrate.js'));
    expect(loaded(win)).to.equal(true);
    const frame = document.createElement('iframe');
    frame.src = '/test/fixtures/bundle-page.html';
    frames.push(frame);
    document.body.append(frame);
    await oneEvent(frame, 'load');
    const plain = frame.contentWindow as Window & { articleLoaded: Promise<unknown> };
    await plain.articleLoaded;
    expect(loaded(plain)).to.equal(false);
  });

  it('takes the article over without marked and DOMPurify; loads them once an article has to be built', async () => {
    const { win, el } = await open('seed');
    expect(el.sections.length).to.be.greaterThan(1);
    expect(parserLoaded(win)).to.equal(false);
    // A new source after the takeover: built by the pipeline, which loads its libraries now.
    el.markdown = '# Neu\n\nEin <b>neuer</b> Text.<img src=x onerror=alert(1)>\n\n## Teil\n\nMehr.';
    await el.loadComplete;
    expect(parserLoaded(win)).to.equal(true);
    expect(el.state).to.equal('ready');
    expect(el.articleTitle).to.equal('Neu');
    const intro = el.shadowRoot!.querySelector('.intro')!;
    expect(intro.querySelector('b')!.textContent).to.equal('neuer');
    expect(intro.querySelector('img')!.hasAttribute('onerror')).to.equal(false);
    expect(el.sections.map((s) => s.title)).to.deep.equal(['Teil']);
    expect(win.pageErrors).to.deep.equal([]);
    // Built again from the embedded markdown, the unstamped page needed them from the start.
    const unstamped = await open('unstamped');
    expect(parserLoaded(unstamped.win)).to.equal(true);
  });

  it('then works as before: sections, copy link, share links, feedback', async () => {
    const { win, el } = await open('seed');
    const root = el.shadowRoot!;
    const first = el.sections[0].id;
    const toggle = root.querySelector<HTMLButtonElement>(`[data-section="${first}"] .section-toggle`)!;
    const body = root.getElementById(`${first}:panel`)!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const toggled = oneEvent(el, 'help-article-toggle');
    toggle.click();
    expect((await toggled).detail).to.deep.equal({ id: first, open: false });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(body.getAttribute('hidden')).to.equal('until-found');
    // The same nodes, updated in place.
    expect(root.getElementById(`${first}:panel`)).to.equal(body);
    toggle.click();
    await el.updateComplete;
    expect(body.hasAttribute('hidden')).to.equal(false);

    root.querySelector<HTMLButtonElement>('.copy-link')!.click();
    const status = root.querySelector('[role="status"][aria-live]')!;
    await waitUntil(() => status.textContent!.trim() !== '', 'the copy is announced');
    expect(['Link kopiert', 'Link konnte nicht kopiert werden']).to.include(status.textContent!.trim());

    const share = root.querySelector('help-share')!;
    const mail = share.shadowRoot!.querySelector<HTMLAnchorElement>('a[href^="mailto:"]')!;
    expect(decodeURIComponent(mail.href)).to.include('Versandte E-Mail nicht im Postfach');

    const feedback = root.querySelector('help-feedback')!;
    feedback.shadowRoot!.querySelector<HTMLLabelElement>('label[for="rating-4"]')!.click();
    await (feedback as unknown as HelpArticle).updateComplete;
    const success = oneEvent(feedback, 'help-feedback-success');
    feedback.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    const { detail } = await success;
    expect(detail.payload.rating).to.equal(4);
    expect(detail.payload.articleId).to.equal('versandte-email-nicht-im-postfach');
    expect(win.pageErrors).to.deep.equal([]);
  });

  it('opens the section a deep link names', async () => {
    const probe = await open('collapsed');
    const [, second] = probe.el.sections;
    frames.splice(0).forEach((f) => f.remove());
    const { el } = await open('collapsed', `#${second.id}`);
    await waitUntil(() => !el.shadowRoot!.getElementById(`${second.id}:panel`)!.hasAttribute('hidden'), 'the named section opens');
    expect(el.shadowRoot!.getElementById(`${el.sections[0].id}:panel`)!.getAttribute('hidden')).to.equal('until-found');
  });

  it('renders afresh when the markdown was edited after the render (no error in the page)', async () => {
    const { win, el } = await open('edited');
    const root = el.shadowRoot!;
    expect(root.querySelector('.intro')!.textContent).to.include('Es kommt vor');
    expect(root.querySelector('.intro')!.textContent).not.to.include('Es kann passieren');
    // Rendered afresh: the server's nodes are gone.
    expect(win.prerendered.nodes.some(([n]) => n.nodeName === 'ARTICLE' && n.isConnected)).to.equal(false);
    expect(win.pageErrors).to.deep.equal([]);
    // The host learns why, once.
    expect(win.pageWarnings.filter((w) => w.includes('prerendered markup does not match'))).to.have.length(1);
    const toggle = root.querySelector<HTMLButtonElement>('.section-toggle')!;
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(root.querySelectorAll('[part="title"]').length).to.equal(1);
  });

  it('renders a read-back article afresh from its nodes when an attribute changed after the render', async () => {
    const { win, el } = await open('recategorized');
    const root = el.shadowRoot!;
    // Rendered afresh from the nodes read back (copies, not HTML parsed again): no marked, no DOMPurify.
    expect(parserLoaded(win)).to.equal(false);
    expect(win.prerendered.nodes.some(([n]) => n.nodeName === 'ARTICLE' && n.isConnected)).to.equal(false);
    const serverIntro = win.prerendered.nodes.find(([n]) => (n as Element).classList?.contains('intro'))![0] as Element;
    const intro = root.querySelector('.intro')!;
    expect(intro.innerHTML.replace(/<!--[^]*?-->/g, '')).to.equal(serverIntro.innerHTML.replace(/<!--[^]*?-->/g, ''));
    expect(intro.firstElementChild === serverIntro.firstElementChild).to.equal(false);
    expect(root.querySelector('.intro')!.textContent).to.include('Es kann passieren');
    expect(new URL(root.querySelector<HTMLAnchorElement>('a[part="category"]')!.href).pathname).to.match(/^\/thema\//);
    expect(win.pageWarnings.filter((w) => w.includes('prerendered markup does not match'))).to.have.length(1);
    expect(win.pageErrors).to.deep.equal([]);
    const toggle = root.querySelector<HTMLButtonElement>('.section-toggle')!;
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(root.querySelectorAll('[part="title"]').length).to.equal(1);
  });

  it('renders afresh when only a text differs (the date in the front matter)', async () => {
    const { win, el } = await open('redated');
    expect(el.shadowRoot!.querySelector('time')!.textContent).to.equal('Aktualisiert am 20. November 2026');
    expect(win.pageErrors).to.deep.equal([]);
  });

  it('a long article: the server markup stays while it is built, then it is rendered afresh (no skeleton)', async () => {
    const { win, el } = await open('long');
    const root = el.shadowRoot!;
    const added = [...win.prerendered.records, ...win.prerendered.observer.takeRecords()].flatMap((r) => [...r.addedNodes]);
    expect(added.some((n) => n.nodeType === 1 && ((n as Element).matches('.skeleton') || (n as Element).querySelector('.skeleton') !== null))).to.equal(false);
    expect(root.querySelector('.skeleton')).to.equal(null);
    expect(el.sections.length).to.equal(12);
    expect(root.querySelectorAll('.section').length).to.equal(12);
    expect(root.querySelector('[data-section="abschnitt-12"] .section-body')!.textContent).to.include('Nummer 12');
    expect(win.pageErrors).to.deep.equal([]);
  });
});
