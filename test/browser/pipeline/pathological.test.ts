import { expect } from '@open-wc/testing';
import '../../../src/define.js';
import type { HelpArticle } from '../../../src/article/help-article.js';
import { boundMarkdown, splitChunks, LIMITS } from '../../../src/pipeline/limits.js';
import { frames, settled, shadow } from '../../support/helpers.js';
// A plain JS module shared with bench/pathological.mjs, which measures the longest task, frame
// and timer gap of every input (tests never time anything).
import { PATHOLOGICAL } from '../../fixtures/pathological/inputs.mjs';

type Case = { class: string; make: () => string; expect: 'load' | 'too-complex' | 'too-large' };

// What one parse may be handed: a chunk (its own lines, a line the cutter adds, the link
// definitions it uses), with every `*` and `_` escaped at worst.
const PARSE_BOUND = 2 * (LIMITS.chunkChars + LIMITS.maxLineChars + LIMITS.maxRepeatedDefinitionChars);
// The element's own markup around the article (header, toolbar, sections, footer).
const CHROME_ELEMENTS = 20 * LIMITS.maxSections + 100;

/** Renders `markdown` in a fresh `<help-article>`; the events it sent. */
async function render(markdown: string): Promise<{ el: HelpArticle; events: string[] }> {
  const el = document.createElement('help-article') as HelpArticle;
  el.setAttribute('share', 'none');
  const events: string[] = [];
  el.addEventListener('help-article-load', () => events.push('load'));
  el.addEventListener('help-article-error', (e) => events.push(e.detail.reason));
  const done = settled(el);
  el.markdown = markdown;
  document.body.append(el);
  await done;
  await el.loadComplete;
  return { el, events };
}

describe('pathological markdown', function () {
  this.timeout(60_000);

  afterEach(() => document.body.replaceChildren());

  for (const [name, input] of Object.entries(PATHOLOGICAL as Record<string, Case>)) {
    it(`${name}: ends ${input.expect === 'load' ? 'rendered' : `with a readable fallback and "${input.expect}"`}, parsed in bounded chunks`, async () => {
      const markdown = input.make();
      if (input.expect !== 'too-large') {
        let largest = 0;
        for (const chunk of splitChunks(markdown)) largest = Math.max(largest, boundMarkdown(chunk.text).text.length);
        expect(largest, 'largest piece handed to marked').to.be.at.most(PARSE_BOUND);
      }
      const { el, events } = await render(markdown);

      expect(el.state).to.equal('ready');
      expect(events).to.deep.equal(input.expect === 'load' ? ['load'] : ['load', input.expect]);
      // A readable fallback: the reader sees text from the article and a notice when degraded.
      const root = shadow(el);
      expect((root.textContent ?? '').replace(/\s+/g, '').length).to.be.greaterThan(0);
      if (input.expect !== 'load') expect(root.querySelector('.notice')).to.exist;
      expect(root.querySelectorAll('*').length, 'elements').to.be.at.most(LIMITS.maxElements + LIMITS.chunkChars + CHROME_ELEMENTS);
      expect(root.querySelectorAll('img[src], video, audio').length, 'images that may load').to.be.at.most(LIMITS.maxImages);
    });
  }

  it('makes at most maxImages image requests for 20,000 images, scrolled from top to bottom', async () => {
    const key = `images-${Math.random()}`;
    const count = async () => ((await (await fetch(`/fault/count?key=${key}`)).json()) as { count: number }).count;
    const { el } = await render(Array.from({ length: 20_000 }, (_, i) => `![Bild ${i}](/fault/image?key=${key}&n=${i})`).join('\n'));
    const scroller = document.scrollingElement!;
    for (const at of [0, 0.25, 0.5, 0.75, 1]) {
      scroller.scrollTop = at * scroller.scrollHeight;
      await frames(3);
    }
    await new Promise((r) => setTimeout(r, 500));
    expect(await count(), 'image requests').to.be.at.most(LIMITS.maxImages);
    // The images past the cap are links to them, so none is lost.
    const links = shadow(el).querySelectorAll(`a[href*="/fault/image?key="]`);
    expect(links.length).to.equal(20_000 - LIMITS.maxImages);
    expect(links[0].textContent).to.equal(`Bild ${LIMITS.maxImages}`);
  });

  it('repeats a huge table\'s head in every part and loses no row', async () => {
    const head = ['| Nr | Leistung | Dauer | Preis |', '|---|---|---|---|'];
    const rows = 22_000;
    const { el, events } = await render([...head, ...Array.from({ length: rows }, (_, i) => `| ${i} | Schnitt ${i % 97} | ${15 + (i % 4) * 15} min | ${20 + (i % 50)} € |`)].join('\n'));
    expect(events).to.deep.equal(['load']);
    const tables = [...shadow(el).querySelectorAll('table')];
    expect(tables.length, 'table parts').to.be.greaterThan(10);
    for (const table of tables) {
      expect([...table.querySelectorAll('thead th')].map((th) => th.textContent)).to.deep.equal(['Nr', 'Leistung', 'Dauer', 'Preis']);
    }
    const numbers = tables.flatMap((t) => [...t.querySelectorAll('tbody tr')].map((tr) => Number(tr.firstElementChild!.textContent)));
    expect(numbers).to.deep.equal(Array.from({ length: rows }, (_, i) => i));
  });

  it('keeps the page responsive: a click handler runs while a large article renders', async () => {
    const el = document.createElement('help-article') as HelpArticle;
    const button = document.createElement('button');
    const order: string[] = [];
    button.addEventListener('click', () => order.push('click'));
    el.addEventListener('help-article-load', () => order.push('load'));
    document.body.append(button);
    const done = settled(el);
    el.markdown = (PATHOLOGICAL as Record<string, Case>)['1 MB table'].make() + '\n\n' + '## Abschnitt\n\nText.\n\n'.repeat(2000);
    document.body.append(el);
    await new Promise((r) => setTimeout(r, 0));
    setTimeout(() => button.click(), 0);
    await done;
    expect(order).to.deep.equal(['click', 'load']);
  });
});
