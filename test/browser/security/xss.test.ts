import { expect } from '@open-wc/testing';
import '../../../src/define.js';
import type { HelpArticle } from '../../../src/article/help-article.js';
import type { HelpShare } from '../../../src/share/help-share.js';
import { settled, frames } from '../../support/helpers.js';

interface Payload {
  title: string;
  payload: string;
}

const BATCH = 25;
// Room for the corpus to grow; the first test fails when it outgrows the batches.
const MAX_PAYLOADS = 275;
const URL_ATTRIBUTES = ['href', 'src', 'xlink:href', 'action', 'formaction', 'data', 'poster', 'background', 'cite', 'srcset', 'srcdoc'];
const FORBIDDEN = 'script, iframe, frame, form, style, base, meta, object, embed, link, template, noscript';

// Every handler a payload might reach records itself instead of running.
const ran: string[] = [];
const w = window as unknown as Record<string, unknown>;
for (const name of ['alert', 'confirm', 'prompt', 'print']) w[name] = (...args: unknown[]) => void ran.push(`${name}(${args.join(',')})`);
w.__xss = (n: unknown) => void ran.push(`__xss(${n})`);

async function corpus(): Promise<Payload[]> {
  const [purify, extra] = await Promise.all(
    ['/test/fixtures/xss/dompurify-fixtures.json', '/test/fixtures/xss/extra-payloads.json'].map(async (url) => (await fetch(url)).json() as Promise<Payload[]>),
  );
  return [...purify, ...extra];
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** One article holding every payload of a batch in every place markdown lets it go. */
function hostileArticle(batch: Payload[]): string {
  const lines = batch.map((p) => oneLine(p.payload));
  return [
    '---',
    `title: ${lines.join(' ')}`,
    'categories:',
    ...lines.map((l) => `  - ${l}`),
    '---',
    '',
    'Intro.',
    '',
    ...batch.flatMap((p, i) => [
      p.payload,
      '',
      `[link ${i}](${lines[i]}) [${lines[i]}](https://example.com/${i}) <${lines[i]}>`,
      '',
      `## ${lines[i]}`,
      '',
      `Text ${i} ${lines[i]}`,
      '',
      `> [!NOTE] ${lines[i]}`,
      `> ${lines[i]}`,
      '',
    ]),
  ].join('\n');
}

/** The element's shadow root and every shadow root below it. */
function roots(node: Element | ShadowRoot): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  const visit = (r: Element | ShadowRoot) => {
    for (const el of r.querySelectorAll('*')) {
      if (el.shadowRoot) {
        found.push(el.shadowRoot);
        visit(el.shadowRoot);
      }
    }
  };
  if (node instanceof Element && node.shadowRoot) found.push(node.shadowRoot);
  visit(node instanceof Element && node.shadowRoot ? node.shadowRoot : node);
  return found;
}

/** What a hostile payload left in the rendered DOM, as readable findings. */
function findings(host: Element): string[] {
  const out: string[] = [];
  for (const root of roots(host)) {
    // <help-feedback>'s own rating form is the widget's template, not article content.
    const forbidden = root.host.localName === 'help-feedback' ? FORBIDDEN.replace('form, ', '') : FORBIDDEN;
    for (const el of root.querySelectorAll(forbidden)) out.push(`<${el.localName}> element`);
    for (const el of root.querySelectorAll('*')) {
      for (const attr of el.attributes) {
        if (/^on/i.test(attr.name)) out.push(`${el.localName}[${attr.name}]`);
        const value = attr.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
        if (URL_ATTRIBUTES.includes(attr.name.toLowerCase()) && /^(?:javascript|vbscript|data:text|data:application)/.test(value)) {
          out.push(`${el.localName}[${attr.name}=${attr.value.slice(0, 40)}]`);
        }
      }
    }
  }
  return out;
}

/** Waits until every image in the rendered DOM has loaded or failed (so onerror would have run). */
async function imagesSettled(host: Element): Promise<void> {
  await frames(2);
  const images = roots(host).flatMap((r) => [...r.querySelectorAll('img')]);
  await Promise.all(
    images.map((img) => (img.complete ? undefined : new Promise((r) => {
      img.addEventListener('load', r, { once: true });
      img.addEventListener('error', r, { once: true });
      // Lazy images outside the viewport never load: do not wait for them forever.
      setTimeout(r, 1000);
    }))),
  );
  await frames(2);
}

describe('XSS corpus (DOMPurify fixtures + own payloads)', () => {
  let payloads: Payload[] = [];

  before(async () => {
    payloads = await corpus();
  });

  afterEach(() => {
    document.body.replaceChildren();
    ran.length = 0;
  });

  it('has the DOMPurify corpus and at least 20 own payloads, all covered by the batches below', () => {
    expect(payloads.length).to.be.at.least(223 + 20);
    expect(payloads.length).to.be.at.most(MAX_PAYLOADS);
  });

  it('notices a handler that runs and a handler attribute left in a shadow root (control)', async () => {
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).innerHTML = '<img src="data:image/png;base64,AAAA" onerror="__xss(0)"><a href="javascript:void 0">x</a>';
    document.body.append(host);
    await imagesSettled(host);
    expect(ran).to.deep.equal(['__xss(0)']);
    expect(findings(host)).to.deep.equal(['img[onerror]', 'a[href=javascript:void 0]']);
  });

  for (let start = 0; start < MAX_PAYLOADS; start += BATCH) {
    it(`runs no handler and leaves no script, handler or dangerous URL for payloads ${start + 1}–${start + BATCH} in body, links, headings, callouts, front matter, categories and share title`, async function () {
      const batch = payloads.slice(start, start + BATCH);
      if (!batch.length) this.skip();
      const lines = batch.map((p) => oneLine(p.payload));

      const article = document.createElement('help-article') as HelpArticle;
      article.setAttribute('article-id', 'xss-corpus');
      article.setAttribute('feedback-endpoint', `${(window as unknown as { __collector: string }).__collector}/api/feedback`);
      const done = settled(article);
      article.markdown = hostileArticle(batch);
      document.body.append(article);
      await done;

      const withAttribute = document.createElement('help-article') as HelpArticle;
      withAttribute.setAttribute('categories', lines.join(','));
      withAttribute.setAttribute('article-id', 'xss');
      const done2 = settled(withAttribute);
      withAttribute.markdown = `# ${lines[0]}\n\nText.`;
      document.body.append(withAttribute);
      await done2;

      const share = document.createElement('help-share') as HelpShare;
      share.articleTitle = lines.join(' ');
      share.setAttribute('share-url', `https://example.com/a?x=${encodeURIComponent(lines[0])}`);
      document.body.append(share);
      await share.updateComplete;

      for (const el of [article, withAttribute, share]) await imagesSettled(el);

      expect(ran, `handlers that ran for: ${batch.map((p) => p.title).join(' | ')}`).to.deep.equal([]);
      for (const el of [article, withAttribute, share]) {
        expect(findings(el), `${el.localName}: ${batch.map((p) => p.title).join(' | ')}`).to.deep.equal([]);
      }
      // The payloads ended up somewhere visible as text, not silently dropped wholesale.
      expect(article.shadowRoot!.textContent).to.contain('Text 0');
    });
  }
});
