import { expect } from '@open-wc/testing';
import '../../../src/define.js';
import type { HelpArticle } from '../../../src/article/help-article.js';
import { LIMITS } from '../../../src/pipeline/limits.js';
import { frames, settled, shadow } from '../../support/helpers.js';
import { PATHOLOGICAL } from '../../fixtures/pathological/inputs.mjs';
import { corpusTests, render, type Case } from './pathological.js';

describe('pathological markdown: images, tables, code and size', function () {
  this.timeout(60_000);

  afterEach(() => document.body.replaceChildren());

  corpusTests(['images', 'tables', 'code', 'size']);

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
    const rows = 8_000; // 40,000 elements: within LIMITS.maxElements
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
