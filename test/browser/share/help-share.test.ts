import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define.js';
import type { HelpShare, ShareDetail } from '../../../src/share/help-share.js';
import type { HelpArticle } from '../../../src/article/help-article.js';
import { DEFAULT_SHARE_TARGETS, SHARE_TARGETS, shareHref } from '../../../src/share/targets.js';
import { resolveShareUrl } from '../../../src/internal/page-url.js';

const HOSTILE_TITLE = `Er sagte "Grüße" & 'tschüß' "><script>alert(1)</script> 🎉 #1 ?a=b&c=d %20 + ä`;
const HOSTILE_URL = `https://example.com/hilfe/grüße?q="><script>alert(1)</script>&x=ä 🎉&y='1'#frag`;

function root(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`${el.tagName} has no shadow root`);
  return el.shadowRoot;
}

const control = (el: HelpShare, target: string) => root(el).querySelector<HTMLElement>(`[data-target="${target}"]`);
const controls = (el: HelpShare) => [...root(el).querySelectorAll<HTMLElement>('[data-target]')];

/** The query of a share link, decoded strictly as `encodeURIComponent` encoded it. */
function query(href: string): Record<string, string> {
  const raw = href.slice(href.indexOf('?') + 1);
  return Object.fromEntries(
    raw.split('&').map((pair) => {
      const [key, value = ''] = pair.split('=');
      return [key, decodeURIComponent(value)];
    }),
  );
}

/** Keeps a link click from navigating while recording whether the element let it through. */
function captureNavigation(): { prevented: () => boolean | undefined; stop: () => void } {
  let prevented: boolean | undefined;
  const listener = (event: Event) => {
    prevented = event.defaultPrevented;
    event.preventDefault();
  };
  window.addEventListener('click', listener);
  return { prevented: () => prevented, stop: () => window.removeEventListener('click', listener) };
}

/** Replaces a property of an object for one test. */
function stub<T extends object, K extends keyof T>(obj: T, key: K, value: unknown): () => void {
  const own = Object.getOwnPropertyDescriptor(obj, key);
  Object.defineProperty(obj, key, { value, configurable: true, writable: true });
  return () => {
    if (own) Object.defineProperty(obj, key, own);
    else delete (obj as Record<PropertyKey, unknown>)[key];
  };
}

describe('<help-share>', () => {
  const restore: (() => void)[] = [];
  afterEach(() => {
    while (restore.length) restore.pop()!();
  });

  it('passes axe in light and dark', async () => {
    const el = await fixture<HelpShare>(html`<help-share share-url="https://example.com/a"></help-share>`);
    await expect(el).to.be.accessible();
    el.theme = 'dark';
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('shows a "Teilen:" label and the default targets in order, native share only where offered', async () => {
    restore.push(stub(navigator, 'share', undefined));
    const el = await fixture<HelpShare>(html`<help-share lang="de"></help-share>`);
    expect(root(el).querySelector('[part="label"]')!.textContent).to.equal('Teilen:');
    expect(controls(el).map((c) => c.dataset.target)).to.deep.equal(DEFAULT_SHARE_TARGETS.filter((t) => t !== 'native'));
  });

  it('shows three targets and "Mehr" for a long bar, in one row even at 320 px, and the rest on request', async () => {
    restore.push(stub(navigator, 'share', undefined));
    const wrap = await fixture<HTMLDivElement>(html`<div style="width: 320px"><help-share lang="de" share-url="https://example.com/a"></help-share></div>`);
    const el = wrap.querySelector('help-share')!;
    const visible = () => controls(el).filter((c) => c.getClientRects().length > 0).map((c) => c.dataset.target);
    expect(visible()).to.deep.equal(['copy', 'email', 'whatsapp']);
    const more = root(el).querySelector<HTMLButtonElement>('[part="more-button"]')!;
    expect(more.getAttribute('aria-expanded')).to.equal('false');
    expect(more.getAttribute('aria-label')).to.equal('Mehr Möglichkeiten zum Teilen');
    // No orphaned row: the three targets and "Mehr" share one line.
    const tops = [...controls(el).filter((c) => c.getClientRects().length > 0), more].map((c) => Math.round(c.getBoundingClientRect().top));
    expect(new Set(tops).size).to.equal(1);
    more.click();
    await el.updateComplete;
    expect(more.getAttribute('aria-expanded')).to.equal('true');
    expect(visible()).to.deep.equal(['copy', 'email', 'whatsapp', 'linkedin', 'xing', 'facebook', 'x', 'print']);
    await expect(el).to.be.accessible();
  });

  it('shows all of a bar with up to four targets, and labels them beside the icons when there is room', async () => {
    const wide = await fixture<HTMLDivElement>(html`<div style="width: 720px"><help-share lang="de" share="copy email linkedin print" share-url="https://example.com/a"></help-share></div>`);
    const el = wide.querySelector('help-share')!;
    expect(root(el).querySelector('[part="more-button"]')).to.equal(null);
    expect(controls(el).filter((c) => c.getClientRects().length > 0)).to.have.length(4);
    expect(control(el, 'linkedin')!.innerText.trim()).to.equal('LinkedIn');
    const narrow = await fixture<HTMLDivElement>(html`<div style="width: 320px"><help-share lang="de" share="copy email linkedin print" share-url="https://example.com/a"></help-share></div>`);
    expect(control(narrow.querySelector('help-share')!, 'linkedin')!.innerText.trim()).to.equal('');
  });

  it('gives every button an accessible name in the reader language', async () => {
    const el = await fixture<HelpShare>(html`<help-share lang="de"></help-share>`);
    expect(control(el, 'linkedin')!.getAttribute('aria-label')).to.equal('Auf LinkedIn teilen');
    expect(control(el, 'email')!.getAttribute('aria-label')).to.equal('Per E-Mail senden');
    expect(control(el, 'copy')!.getAttribute('aria-label')).to.equal('Link kopieren');
    expect(control(el, 'print')!.getAttribute('aria-label')).to.equal('Drucken');
    el.lang = 'en';
    await el.updateComplete;
    expect(control(el, 'linkedin')!.getAttribute('aria-label')).to.equal('Share on LinkedIn');
    expect(root(el).querySelector('[part="label"]')!.textContent).to.equal('Share:');
  });

  it('lets the label attribute override the translation', async () => {
    const el = await fixture<HelpShare>(html`<help-share label="Weitersagen"></help-share>`);
    expect(root(el).querySelector('[part="label"]')!.textContent).to.equal('Weitersagen:');
  });

  it('follows the share attribute: order, unknown names dropped with one warning, none hides', async () => {
    const warnings: unknown[][] = [];
    restore.push(stub(console, 'warn', (...args: unknown[]) => warnings.push(args)));
    const el = await fixture<HelpShare>(html`<help-share share="x  myspace copy x email"></help-share>`);
    expect(controls(el).map((c) => c.dataset.target)).to.deep.equal(['x', 'copy', 'email']);
    expect(warnings.filter((w) => String(w[0]).includes('myspace'))).to.have.length(1);
    el.share = 'none';
    await el.updateComplete;
    expect(controls(el)).to.have.length(0);
    expect(el.getBoundingClientRect().height).to.equal(0);
  });

  it('builds every link from its fixed template with the title and URL encoded exactly', async () => {
    const el = await fixture<HelpShare>(html`<help-share share-url=${HOSTILE_URL} .articleTitle=${HOSTILE_TITLE}></help-share>`);
    const url = new URL(HOSTILE_URL).href;
    const expected: Record<string, Record<string, string>> = {
      email: { subject: HOSTILE_TITLE, body: `${HOSTILE_TITLE} ${url}` },
      whatsapp: { text: `${HOSTILE_TITLE} ${url}` },
      linkedin: { url },
      xing: { url },
      facebook: { u: url },
      x: { text: HOSTILE_TITLE, url },
    };
    const prefixes: Record<string, string> = {
      email: 'mailto:?',
      whatsapp: 'https://wa.me/?',
      linkedin: 'https://www.linkedin.com/sharing/share-offsite/?',
      xing: 'https://www.xing.com/spi/shares/new?',
      facebook: 'https://www.facebook.com/sharer/sharer.php?',
      x: 'https://x.com/intent/post?',
    };
    for (const [id, params] of Object.entries(expected)) {
      const link = control(el, id) as HTMLAnchorElement;
      const href = link.getAttribute('href')!;
      expect(href, id).to.satisfy((h: string) => h.startsWith(prefixes[id]));
      expect(href, id).not.to.match(/[\s"<>#]/);
      expect(query(href), id).to.deep.equal(params);
      expect(link.getAttribute('rel'), id).to.equal('noopener noreferrer');
      expect(link.getAttribute('target'), id).to.equal(id === 'email' ? null : '_blank');
    }
    expect(root(el).querySelector('script')).to.equal(null);
    for (const target of SHARE_TARGETS.filter((t) => t.kind === 'link')) {
      expect(target.template).to.match(/^(https:\/\/[a-z.]+\/|mailto:\?)/);
      expect(shareHref(target, { url, title: HOSTILE_TITLE })).to.equal(control(el, target.id)!.getAttribute('href'));
    }
  });

  it('shares share-url, else the canonical link, else the page URL without tracking parameters', async () => {
    const before = location.href;
    history.replaceState(null, '', `${location.pathname}?utm_source=news&fbclid=abc&page=2#top`);
    restore.push(() => history.replaceState(null, '', before));
    expect(resolveShareUrl()).to.equal(`${location.origin}${location.pathname}?page=2`);
    // The rest of the query stays exactly as written.
    history.replaceState(null, '', `${location.pathname}?flag&q=a%20b&UTM_Medium=x&tag=a+b`);
    expect(resolveShareUrl()).to.equal(`${location.origin}${location.pathname}?flag&q=a%20b&tag=a+b`);
    history.replaceState(null, '', `${location.pathname}?gclid=1`);
    expect(resolveShareUrl()).to.equal(`${location.origin}${location.pathname}`);
    const canonical = Object.assign(document.createElement('link'), { rel: 'canonical', href: 'https://hilfe.example.com/artikel/a' });
    document.head.append(canonical);
    restore.push(() => canonical.remove());
    const el = await fixture<HelpShare>(html`<help-share share="linkedin"></help-share>`);
    expect(query(control(el, 'linkedin')!.getAttribute('href')!).url).to.equal('https://hilfe.example.com/artikel/a');
    el.shareUrl = 'javascript:alert(1)';
    await el.updateComplete;
    expect(query(control(el, 'linkedin')!.getAttribute('href')!).url).to.equal('https://hilfe.example.com/artikel/a');
    el.shareUrl = 'https://example.com/b';
    await el.updateComplete;
    expect(query(control(el, 'linkedin')!.getAttribute('href')!).url).to.equal('https://example.com/b');
  });

  it('shares the document title when no article title is given', async () => {
    const el = await fixture<HelpShare>(html`<help-share share="x" share-url="https://example.com/"></help-share>`);
    expect(query(control(el, 'x')!.getAttribute('href')!).text).to.equal(document.title);
  });

  it('sends a bubbling, composed help-share-select event (and its old name help-share) and opens the link', async () => {
    const el = await fixture<HelpShare>(html`<help-share share="linkedin" share-url="https://example.com/a" .articleTitle=${'A'}></help-share>`);
    const nav = captureNavigation();
    restore.push(nav.stop);
    const received = oneEvent(document, 'help-share-select');
    const old = oneEvent(document, 'help-share');
    control(el, 'linkedin')!.click();
    const event = (await received) as CustomEvent<ShareDetail>;
    expect(((await old) as CustomEvent<ShareDetail>).detail).to.deep.equal(event.detail);
    expect(event.detail).to.deep.include({ target: 'linkedin', url: 'https://example.com/a', title: 'A' });
    expect(event.detail.href).to.equal(control(el, 'linkedin')!.getAttribute('href'));
    expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
    expect(nav.prevented()).to.equal(false);
  });

  it('lets the host cancel help-share-select: the link does not open, nothing is copied or printed', async () => {
    const el = await fixture<HelpShare>(html`<help-share share="facebook copy print" share-url="https://example.com/a"></help-share>`);
    const nav = captureNavigation();
    restore.push(nav.stop);
    const writes: string[] = [];
    let printed = 0;
    restore.push(stub(navigator.clipboard, 'writeText', async (text: string) => void writes.push(text)));
    restore.push(stub(window, 'print', () => printed++));
    const cancel = (e: Event) => e.preventDefault();
    document.addEventListener('help-share-select', cancel);
    restore.push(() => document.removeEventListener('help-share-select', cancel));
    control(el, 'facebook')!.click();
    expect(nav.prevented()).to.equal(true);
    control(el, 'copy')!.click();
    control(el, 'print')!.click();
    await el.updateComplete;
    expect(writes).to.deep.equal([]);
    expect(printed).to.equal(0);
    expect(root(el).querySelector('[part="status"]')!.textContent).to.equal('');
  });

  it('copies the link with the Clipboard API and says "Link kopiert"', async () => {
    const writes: string[] = [];
    restore.push(stub(navigator.clipboard, 'writeText', async (text: string) => void writes.push(text)));
    const el = await fixture<HelpShare>(html`<help-share lang="de" share="copy" share-url="https://example.com/ä"></help-share>`);
    control(el, 'copy')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => writes.length === 1);
    await el.updateComplete;
    expect(writes).to.deep.equal(['https://example.com/%C3%A4']);
    const status = root(el).querySelector('[part="status"]')!;
    expect(status.getAttribute('role')).to.equal('status');
    expect(status.textContent).to.equal('Link kopiert');
    await expect(el).to.be.accessible();
    // A second copy is announced again: the region empties and fills anew.
    const texts: string[] = [];
    const watch = new MutationObserver(() => texts.push(status.textContent!));
    watch.observe(status, { childList: true, characterData: true, subtree: true });
    control(el, 'copy')!.click();
    await waitUntil(() => writes.length === 2 && texts.at(-1) === 'Link kopiert', 'copied again');
    watch.disconnect();
    expect(texts).to.include('');
  });

  it('falls back to execCommand when the Clipboard API refuses', async () => {
    let copied = '';
    restore.push(stub(navigator.clipboard, 'writeText', () => Promise.reject(new DOMException('denied', 'NotAllowedError'))));
    restore.push(
      stub(document, 'execCommand', (command: string) => {
        copied = command === 'copy' ? (document.activeElement as HTMLTextAreaElement).value : '';
        return true;
      }),
    );
    const el = await fixture<HelpShare>(html`<help-share lang="en" share="copy" share-url="https://example.com/b"></help-share>`);
    control(el, 'copy')!.click();
    await waitUntil(() => root(el).querySelector('[part="status"]')!.textContent === 'Link copied');
    expect(copied).to.equal('https://example.com/b');
    expect(document.querySelector('textarea')).to.equal(null);
  });

  it('says the link could not be copied when every way fails', async () => {
    restore.push(stub(navigator.clipboard, 'writeText', () => Promise.reject(new DOMException('denied', 'NotAllowedError'))));
    restore.push(stub(document, 'execCommand', () => false));
    const el = await fixture<HelpShare>(html`<help-share lang="de" share="copy" share-url="https://example.com/b"></help-share>`);
    control(el, 'copy')!.click();
    const status = root(el).querySelector('[part="status"]')!;
    await waitUntil(() => status.textContent !== '');
    expect(status.textContent).to.match(/^Link konnte nicht kopiert werden/);
    await expect(el).to.be.accessible();
  });

  it('offers the native share sheet only where the browser has one, and passes URL and title to it', async () => {
    restore.push(stub(navigator, 'share', undefined), stub(navigator, 'canShare', undefined));
    const without = await fixture<HelpShare>(html`<help-share share="copy native"></help-share>`);
    expect(control(without, 'native')).to.equal(null);

    const shared: ShareData[] = [];
    restore.push(
      stub(navigator, 'share', async (data: ShareData) => void shared.push(data)),
      stub(navigator, 'canShare', () => true),
    );
    const el = await fixture<HelpShare>(html`<help-share share="copy native" share-url="https://example.com/n" .articleTitle=${'Titel'}></help-share>`);
    const button = control(el, 'native')!;
    expect(button.getAttribute('aria-label')).to.equal('Mit einer anderen App teilen');
    button.click();
    await waitUntil(() => shared.length === 1);
    expect(shared[0]).to.deep.equal({ url: 'https://example.com/n', title: 'Titel' });
  });

  it('prints the page from the print button', async () => {
    let printed = 0;
    restore.push(stub(window, 'print', () => printed++));
    const el = await fixture<HelpShare>(html`<help-share share="print"></help-share>`);
    control(el, 'print')!.click();
    expect(printed).to.equal(1);
  });
});

describe('<help-article> with share bar', () => {
  it('renders the share bar under the article with its title, and hides it with share="none"', async () => {
    const el = await fixture<HelpArticle>(
      html`<help-article lang="de" share="linkedin copy" share-url="https://example.com/x" .markdown=${'# Titel „ä“\n\nText\n\n## A\n\nB'}></help-article>`,
    );
    await waitUntil(() => el.state === 'ready');
    await el.updateComplete;
    const bar = root(el).querySelector('help-share')!;
    await bar.updateComplete;
    expect(controls(bar).map((c) => c.dataset.target)).to.deep.equal(['linkedin', 'copy']);
    expect(query(control(bar, 'linkedin')!.getAttribute('href')!).url).to.equal('https://example.com/x');
    expect(bar.articleTitle).to.equal('Titel „ä“');
    el.share = 'none';
    await el.updateComplete;
    expect(root(el).querySelector('help-share')).to.equal(null);
  });

  it('loads nothing from another origin before a click', async () => {
    performance.clearResourceTimings();
    const el = await fixture<HelpArticle>(html`<help-article src="/content/online-buchung-einrichten.de.md"></help-article>`);
    await waitUntil(() => el.state === 'ready', 'article loads', { timeout: 8000 });
    await el.updateComplete;
    const bar = root(el).querySelector('help-share')!;
    await bar.updateComplete;
    expect(controls(bar).length).to.be.greaterThan(5);
    // Let the article's images load, so their requests are in the log too.
    await Promise.all([...root(el).querySelectorAll('img')].map((img) => img.decode().catch(() => undefined)));
    const entries = performance.getEntriesByType('resource').map((e) => e.name);
    expect(entries.some((name) => name.includes('/content/online-buchung-einrichten.de.md'))).to.equal(true);
    expect(entries.filter((name) => new URL(name).origin !== location.origin)).to.deep.equal([]);
  });
});

interface ShareData {
  url?: string;
  title?: string;
}
