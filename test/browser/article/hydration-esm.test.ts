// `help-article-widget/hydrate` for pages that use the ES build (here the sources with Lit's
// development build, whose part fields have their long names): imported before the elements are
// defined, it takes a prerendered article over without changing its DOM. The markup comes from
// test/support/prerendered-pages.mjs and is parsed with its declarative shadow root
// (`setHTMLUnsafe`) before any element of the widget is defined: this file imports none up front.
import { expect } from '@open-wc/testing';
import type { HelpArticle } from '../../../src/article/help-article.js';

describe('help-article-widget/hydrate (ES build)', () => {
  it('takes the prerendered article over: same nodes, no mutation but defer-hydration', async () => {
    const page = await (await fetch('/test/prerendered/seed.html')).text();
    const markup = /<help-article[^]*<\/help-article>/.exec(page)![0];
    const holder = document.createElement('div');
    document.body.append(holder);
    holder.setHTMLUnsafe(markup);
    const el = holder.querySelector('help-article') as HelpArticle;
    const root = el.shadowRoot!;
    expect(root, 'declarative shadow root').to.exist;
    expect(customElements.get('help-article')).to.equal(undefined);
    const nodes: Node[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
    const texts = nodes.map((n) => (n.nodeType === 1 ? '' : (n as CharacterData).data));
    const records: MutationRecord[] = [];
    const observer = new MutationObserver((r) => records.push(...r));
    observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true, attributeOldValue: true });

    // The share bar renders afresh here (its links name the page's URL, not the one rendered for).
    await import('../../../src/hydrate.js');
    await import('../../../src/define.js');
    await el.loadComplete;
    records.push(...observer.takeRecords());
    const unexpected = records.filter(
      (r) => !(r.type === 'attributes' && (r.attributeName === 'defer-hydration' || (r.target as Element).getAttribute(r.attributeName!) === r.oldValue)),
    );
    expect(unexpected.map((r) => `${r.type} ${r.target.nodeName} ${r.attributeName ?? ''}`)).to.deep.equal([]);
    const after: Node[] = [];
    const again = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
    for (let n = again.nextNode(); n; n = again.nextNode()) after.push(n);
    expect(after.length).to.equal(nodes.length);
    expect(after.every((n, i) => n === nodes[i])).to.equal(true);
    expect(after.map((n) => (n.nodeType === 1 ? '' : (n as CharacterData).data))).to.deep.equal(texts);
    // And it is live: a section closes in place.
    const toggle = root.querySelector<HTMLButtonElement>('.section-toggle')!;
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    holder.remove();
  });
});
