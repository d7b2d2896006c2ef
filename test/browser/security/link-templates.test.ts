import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define.js';
import type { HelpArticle } from '../../../src/article/help-article.js';
import { shadow } from '../../support/helpers.js';

// Every href in the article's shadow roots (its own, categories', share bar's).
function hrefs(el: Element): string[] {
  const all: string[] = [];
  const walk = (root: ShadowRoot) => {
    for (const node of root.querySelectorAll('*')) {
      if (node.hasAttribute('href')) all.push(node.getAttribute('href')!);
      if (node.shadowRoot) walk(node.shadowRoot);
    }
  };
  walk(shadow(el));
  return all;
}

/** Runs `work` and returns the dev-mode warnings it logged. */
async function warningsOf(work: () => Promise<void>): Promise<string[]> {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (msg: string) => warnings.push(String(msg));
  try {
    await work();
  } finally {
    console.warn = original;
  }
  return warnings;
}

const MARKDOWN = '---\ncategories: [Kalender]\n---\n# Titel\n\nSiehe [den anderen Artikel](anderer-artikel.md#teil).\n\n## Teil\n\nText';

describe('link settings of the host: only http(s) and relative URLs', () => {

  // Each test has its own values: a warning is given once per setting and value, page-wide.
  const hostile = [
    (n: number) => `javascript:alert(${n})`,
    (n: number) => ` JavaScript:alert(${n})`,
    (n: number) => `java\tscript:alert(${n})`,
    (n: number) => `data:text/html,<script>alert(${n})</script>`,
    (n: number) => `vbscript:${n}`,
  ];

  for (const [i, make] of hostile.entries()) {
    const v = make(i);
    it(`article-href, category-href, share-url and home-href of ${JSON.stringify(v)}: no such link, one warning per setting`, async () => {
      const warnings = await warningsOf(async () => {
        for (let copy = 0; copy < 2; copy++) {
          const el = await fixture<HelpArticle>(
            html`<help-article share="linkedin" article-href=${v} category-href=${v} share-url=${v} home-href=${v} .markdown=${MARKDOWN}></help-article>`,
          );
          await el.loadComplete;
          const links = hrefs(el);
          expect(links.length, 'links in the article').to.be.greaterThan(0);
          for (const href of links) expect(href.replace(/[\s\t]/g, '').toLowerCase()).not.to.match(/^(?:javascript|vbscript|data):/);
          // Refused settings act as unset: the cross-article link keeps its default target.
          expect(links).to.include(new URL('anderer-artikel.de.md#teil', document.baseURI).href);
        }
        // An error box with a home link: home-href too.
        const broken = await fixture<HelpArticle>(html`<help-article src="/content/does-not-exist.de.md" home-href=${v}></help-article>`);
        await broken.loadComplete;
        expect(shadow(broken).querySelectorAll('[part="home-link"]').length).to.equal(0);
      });
      for (const name of ['article-href', 'category-href', 'share-url', 'home-href']) {
        expect(warnings.filter((w) => w.includes(`${name}="${v}"`)).length, `warnings about ${name}`).to.equal(1);
      }
    });
  }

  it('keeps http(s) and relative templates, filled in', async () => {
    const el = await fixture<HelpArticle>(
      html`<help-article share="linkedin" article-href="/hilfe/{lang}/{id}" category-href="https://hilfe.example/k/{slug}" share-url="/seite" .markdown=${MARKDOWN}></help-article>`,
    );
    await el.loadComplete;
    const links = hrefs(el);
    expect(links).to.include('/hilfe/de/anderer-artikel#teil');
    expect(links).to.include('https://hilfe.example/k/kalender');
    expect(links.some((h) => h.includes(encodeURIComponent(`${location.origin}/seite`)))).to.equal(true);
  });

  it('refuses a template whose filled result is no http(s) URL ({id} standing for the scheme)', async () => {
    const el = await fixture<HelpArticle>(html`<help-article article-href="{id}:alert(1)" .markdown=${'[x](javascript.md)'}></help-article>`);
    await el.loadComplete;
    expect(hrefs(el).filter((h) => /^javascript:/i.test(h))).to.deep.equal([]);
  });
});
