import { expect } from '@open-wc/testing';
import { boundDepth, LIMITS, splitChunks, type Chunk } from '../../../src/pipeline/limits.js';
import { markdownToHtml } from '../../../src/pipeline/markdown.js';
import { buildArticle, fillDeferred, prepareArticle } from '../../../src/pipeline/index.js';

const options = { baseUrl: 'https://help.example/content/a.de.md', lang: 'de' };
const lines = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join('\n');
// The most a chunk may hold: its own lines, one line the cutter adds (a fence closed or opened
// again), and the link definitions it uses.
const CHUNK_BOUND = LIMITS.chunkChars + LIMITS.maxLineChars + LIMITS.maxRepeatedDefinitionChars;

function chunksOf(source: string): Chunk[] {
  return [...splitChunks(source)];
}

/** The parts of a built article: text, degraded reason, elements. */
async function build(source: string) {
  const model = await buildArticle(prepareArticle(source), options);
  const div = document.createElement('div');
  div.append(model.intro, ...model.sections.flatMap((s) => [s.title, s.body]));
  await fillDeferred(model);
  return { degraded: model.degraded, text: div.textContent ?? '', elements: div.querySelectorAll('*').length, html: div.innerHTML, div };
}

describe('splitChunks', () => {
  const blocks: Record<string, string> = {
    'a list of 100,000 items': lines(100_000, (i) => `- Punkt ${i}`),
    'a paragraph on one line of 1 MB': 'Wort und Wort '.repeat(75_000),
    'a word of 1 MB': 'a'.repeat(1_000_000),
    '<div> × 50,000 on one line': '<div>'.repeat(50_000),
    'a setext heading storm over 100,000 lines': lines(100_000, (i) => (i % 2 ? '===' : 'a')),
    'an unclosed fence and 1 MB': `\`\`\`\n${lines(40_000, (i) => `zeile ${i} mit etwas code`)}`,
    '50,000 backtick runs': '`a'.repeat(50_000),
  };

  for (const [name, source] of Object.entries(blocks)) {
    it(`cuts ${name} (one block, no blank line) into chunks of bounded size, losing no text`, () => {
      const chunks = chunksOf(source);
      expect(chunks.length, 'chunks').to.be.greaterThan(source.length / LIMITS.chunkChars - 1);
      for (const chunk of chunks) expect(chunk.text.length).to.be.at.most(CHUNK_BOUND);
      // Every character is in some chunk, in order (cuts drop a space or add a line break, and a
      // cut fence is closed and opened again).
      const fence = /^```$/gm;
      const joined = chunks.map((c) => c.text.replace(fence, '')).join('').replace(/\s+/g, '');
      expect(joined).to.equal(source.replace(fence, '').replace(/\s+/g, ''));
      expect(chunks.map((c) => c.start)).to.deep.equal(chunks.map((c) => c.start).sort((a, b) => a - b));
    });
  }

  it('cuts a block dense with inline marks into chunks of bounded inline work, and keeps prose chunks whole', () => {
    const marks = (text: string) => text.match(/[\\<>[\]!`*_~&@:]/g)?.length ?? 0;
    const dense = lines(20_000, (i) => `<span>x${i}</span> [a](b) **c**`);
    const chunks = chunksOf(dense);
    for (const { text } of chunks) expect(text.length * marks(text), 'characters × marks').to.be.at.most(LIMITS.chunkWork);
    expect(chunks.map((c) => c.text).join('\n')).to.equal(dense);
    const prose = lines(2_000, (i) => `Ein ganz normaler Satz ${i} eines Hilfeartikels, ohne Auszeichnung.`);
    expect(Math.max(...chunksOf(prose).map((c) => c.text.length)), 'prose').to.be.greaterThan(LIMITS.chunkChars * 0.9);
  });

  it('keeps a setext heading with its underline across every cut (100 chunks)', () => {
    for (const chunk of chunksOf(lines(20_000, (i) => (i % 2 ? '===' : `Titel ${i}`)))) {
      expect(chunk.text.startsWith('===')).to.equal(false);
      expect(markdownToHtml(chunk.text)).not.to.contain('<p>');
    }
  });

  it('closes and opens again a fence cut in two: what was code stays code', () => {
    const chunks = chunksOf(`\`\`\`sh\n${lines(200_000, (i) => `## H${i}`)}`);
    expect(chunks.length).to.be.greaterThan(10);
    chunks.forEach((chunk, i) => {
      expect(chunk.text.split('\n')[0]).to.equal('```sh');
      if (i < chunks.length - 1) expect(chunk.text.endsWith('\n```')).to.equal(true);
    });
    expect(markdownToHtml(chunks[3].text)).to.match(/^<pre><code class="language-sh">## H/);
    expect(markdownToHtml(chunks[3].text)).not.to.contain('<h2');
  });

  it('opens an HTML comment again in the next chunk, as the whole would be', () => {
    const chunks = chunksOf(`Text\n\n<!-- offen\n${lines(40_000, (i) => `Zeile ${i}`)}`);
    expect(chunks.length).to.be.greaterThan(10);
    for (const chunk of chunks.slice(1)) expect(markdownToHtml(chunk.text).trim()).to.match(/^<!--/);
  });

  it('repeats a cut table\'s head in every chunk, with no row lost or doubled', () => {
    const head = ['| Nr | Leistung | Preis |', '|---|:-:|--:|'];
    const source = [...head, ...Array.from({ length: 20_000 }, (_, i) => `| ${i} | Schnitt | ${i % 50} € |`)].join('\n');
    const chunks = chunksOf(source);
    expect(chunks.length).to.be.greaterThan(10);
    const numbers: number[] = [];
    for (const chunk of chunks) {
      const rows = chunk.text.split('\n');
      expect(rows.slice(0, 2)).to.deep.equal(head);
      numbers.push(...rows.slice(2).map((row) => Number(row.split('|')[1])));
      expect((rows.length - 2) * 3, 'cells in one parse').to.be.at.most(LIMITS.chunkCells);
    }
    expect(numbers).to.deep.equal(Array.from({ length: 20_000 }, (_, i) => i));
  });

  it('counts the cells marked pads: a wide head over one-cell rows is cut by cells, not characters', () => {
    const source = [`|${' K |'.repeat(60)}`, `|${'---|'.repeat(60)}`, ...Array.from({ length: 20_000 }, (_, i) => `|${i}`)].join('\n');
    for (const chunk of chunksOf(source)) {
      expect((chunk.text.split('\n').length - 2) * 60).to.be.at.most(LIMITS.chunkCells);
    }
  });

  it('shows a table wider than maxTableColumns as text, and says so', () => {
    const table = (columns: number) =>
      [`| ${Array.from({ length: columns }, (_, i) => `K${i}`).join(' | ')} |`, `|${'---|'.repeat(columns)}`, `|${' x |'.repeat(columns)}`].join('\n');
    const [chunk, ...more] = chunksOf(table(LIMITS.maxTableColumns + 1));
    expect(more).to.deep.equal([]);
    expect(chunk.reshaped).to.equal(true);
    const html = markdownToHtml(chunk.text);
    expect(html).not.to.contain('<table');
    expect(html).to.contain('<pre><code>| K0 | K1');
    // A table at the limit stays a table.
    const [narrow] = chunksOf(table(LIMITS.maxTableColumns));
    expect(narrow.reshaped).to.equal(undefined);
    expect(markdownToHtml(narrow.text)).to.contain('<table');
  });

  it('repeats the link definitions a chunk uses into it, and only those', () => {
    const source = `Siehe [Hilfe][r] und [x].\n\n${'Absatz. '.repeat(3_000)}\n\n[r]: https://e.example/r\n[x]: https://e.example/x\n[unused]: https://e.example/u`;
    const chunks = chunksOf(source);
    expect(chunks.length).to.be.greaterThan(1);
    expect(chunks[0].text).to.contain('[r]: https://e.example/r');
    expect(chunks[0].text).not.to.contain('[unused]');
    expect(markdownToHtml(chunks[0].text)).to.contain('<a href="https://e.example/r">Hilfe</a>');
  });
});

describe('buildArticle budgets', function () {
  this.timeout(60_000);

  it('renders up to the element budget and shows the rest as text, losing none of it', async () => {
    const source = lines(200_000, (i) => `- P${i}`);
    const { degraded, text, elements, div } = await build(source);
    expect(degraded).to.equal('too-complex');
    expect(elements, 'elements').to.be.within(LIMITS.maxElements, LIMITS.maxElements + LIMITS.chunkChars);
    const rendered = div.querySelectorAll('li').length;
    const fallback = [...div.querySelectorAll('pre.fallback')].map((p) => p.textContent).join('');
    // The text picks up where the list stopped.
    expect(fallback.startsWith(`- P${rendered}\n`)).to.equal(true);
    expect(text).to.contain('P199999');
    expect(fallback.split('\n').filter(Boolean).length).to.equal(200_000 - rendered);
  });

  it('lays the text out in small groups: no group holds more than about linesPerGroup lines', async () => {
    // 100,000 setext headings: past the element budget, 250,000 short lines of plain text.
    const source = lines(200_000, (i) => (i % 2 ? '=' : 'a')) + '\n' + lines(150_000, (i) => `z${i}`);
    const { degraded, div } = await build(source);
    expect(degraded).to.equal('too-complex');
    const breaks = (node: Node) => (node.textContent ?? '').split('\n').length - 1;
    const fallbacks = [...div.querySelectorAll('pre.fallback')];
    expect(fallbacks.length).to.be.greaterThan(100);
    expect(Math.max(...fallbacks.map(breaks)), 'lines per plain-text block').to.be.at.most(LIMITS.fallbackLines);
    const groups = [...div.querySelectorAll('div.blocks')];
    expect(Math.max(...groups.map(breaks)), 'lines per group').to.be.at.most(LIMITS.linesPerGroup + LIMITS.fallbackLines);
    expect(div.textContent).to.contain('z149999');
  });

  it('lays long lines out in small groups too: no group of a too-wide table holds more than 30,000 characters', async () => {
    // 3,000 columns: shown as code, lines of 12,000 characters. A group of 80 KB of it held WebKit
    // for 150–220 ms when scrolled to (bench/engines/).
    const row = (cell: (i: number) => string) => `|${Array.from({ length: 3_000 }, (_, i) => ` ${cell(i)} |`).join('')}`;
    const source = [row((i) => `K${i}`), row(() => '---'), ...Array.from({ length: 100 }, () => row(() => 'x'))].join('\n');
    const { degraded, div } = await build(source);
    expect(degraded).to.equal('too-complex');
    const groups = [...div.querySelectorAll('div.blocks')];
    expect(Math.max(...groups.map((g) => g.textContent!.length)), 'characters per group').to.be.at.most(30_000);
    expect(groups.length).to.be.greaterThan(20);
    expect(div.textContent).to.contain('K2999');
  });

  it('puts the groups on shelves: no box holds more than groupsPerShelf groups side by side', async () => {
    // 100,000 "######" headings: 2,500 groups of 40 blocks. Side by side, WebKit laid all of them
    // out again in every frame of the deferred fill (bench/engines/).
    const { div } = await build(lines(100_000, (i) => `###### T${i}`));
    const groups = div.querySelectorAll('div.blocks');
    expect(groups.length, 'groups').to.be.greaterThan(20 * LIMITS.groupsPerShelf);
    const shelves = [...div.children].filter((c) => c.matches('div.shelf'));
    expect(shelves.length, 'shelves').to.equal(Math.ceil(groups.length / LIMITS.groupsPerShelf));
    for (const shelf of shelves) {
      expect(shelf.children.length).to.be.at.most(LIMITS.groupsPerShelf);
      expect([...shelf.children].every((c) => c.matches('div.blocks'))).to.equal(true);
    }
    expect(div.textContent).to.contain('T49999');
  });

  it('places the shelves past the first render as one box each, with their groups put in as they fill', async () => {
    // WebKit's first frame of 2,600 empty groups: 100–130 ms of layout and 80 ms of paint in one task.
    const model = await buildArticle(prepareArticle(lines(100_000, (i) => `###### T${i}`)), options);
    const div = document.createElement('div');
    div.append(model.intro, ...model.sections.flatMap((s) => [s.title, s.body]));
    const pending = [...div.querySelectorAll<HTMLElement>('div.shelf.pending')];
    expect(pending.length, 'shelves placed empty').to.be.greaterThan(20);
    expect(pending.every((shelf) => !shelf.firstChild && parseFloat(shelf.style.getPropertyValue('--size')) > 0)).to.equal(true);
    expect(div.querySelectorAll('div.blocks').length, 'groups in the first render').to.be.at.most(LIMITS.groupsPerShelf);
    await fillDeferred(model);
    expect(div.querySelectorAll('div.shelf.pending').length).to.equal(0);
    expect(div.querySelectorAll('div.blocks').length).to.be.greaterThan(20 * LIMITS.groupsPerShelf);
    expect(div.textContent).to.contain('T99999');
  });

  it('gives the page idle time after every fillLinks links it puts into place', async () => {
    // Firefox asks whether new links were visited in one batch per idle time and takes the answer
    // in one task: 20,000 links put in frame after frame held the page for 450–720 ms (bench/engines/).
    const source = Array.from({ length: 6_000 }, (_, i) => `[Bild ${i}](bilder/${i}.png)`).join('\n\n');
    const model = await buildArticle(prepareArticle(source), options);
    const div = document.createElement('div');
    div.append(model.intro, ...model.sections.flatMap((s) => [s.title, s.body]));
    const links = () => div.querySelectorAll('a[href]').length;
    // Records how many links were in place at each idle wait (where there is no requestIdleCallback, as in Safari, a timer).
    const native = window.requestIdleCallback;
    const atIdle: number[] = [];
    window.requestIdleCallback = (callback, opts) => {
      atIdle.push(links());
      return native ? native.call(window, callback, opts) : (setTimeout(callback, 0) as unknown as number);
    };
    try {
      await fillDeferred(model);
    } finally {
      if (native) window.requestIdleCallback = native;
      else delete (window as Partial<Window>).requestIdleCallback;
    }
    expect(links()).to.equal(6_000);
    expect(atIdle.length, 'idle waits').to.be.at.least(2);
    const seen = [0, ...atIdle, links()];
    // Between two waits: the links of whole slices, at most fillLinks and one more slice.
    for (let i = 1; i < seen.length; i++) expect(seen[i] - seen[i - 1]).to.be.at.most(LIMITS.fillLinks + LIMITS.fillElements);
  });

  it('puts each slice in from a task of its own after a frame, never in the call or in a frame callback', async () => {
    // In WebKit the first render's layout (thousands of empty groups) and the layout of a slice
    // put in from the frame callback ran back to back: the page's timers waited 200–300 ms
    // (bench/engines/). Where each slice goes in is recorded as it goes in.
    const model = await buildArticle(prepareArticle(lines(20_000, (i) => `###### T${i}`)), options);
    expect(model.deferred.length, 'deferred groups').to.be.greaterThan(20);
    let calling = false;
    let inFrame = false;
    const appends: { calling: boolean; inFrame: boolean }[] = [];
    for (const { group } of model.deferred) {
      group.append = (...nodes: (Node | string)[]) => {
        appends.push({ calling, inFrame });
        HTMLElement.prototype.append.apply(group, nodes);
      };
    }
    // A frame callback and the promise jobs it queues (a continuation awaiting the frame runs
    // before the job that clears the flag).
    const native = window.requestAnimationFrame;
    window.requestAnimationFrame = (callback) =>
      native.call(window, (time) => {
        inFrame = true;
        try {
          callback(time);
        } finally {
          queueMicrotask(() => (inFrame = false));
        }
      });
    try {
      calling = true;
      const filled = fillDeferred(model);
      calling = false;
      await filled;
    } finally {
      window.requestAnimationFrame = native;
    }
    expect(appends.length).to.equal(model.deferred.length);
    expect(appends.filter((a) => a.calling).length, 'slices put in during the call').to.equal(0);
    expect(appends.filter((a) => a.inFrame).length, 'slices put in from a frame callback').to.equal(0);
  });

  it('gives the same article on every call: no budget is carried from one article to the next', async () => {
    const over = LIMITS.maxElements + 1_000;
    const source = `${lines(1000, (i) => `## S${i}\n\n![Bild](b${i}.png)`)}\n\n${'<b>x</b>'.repeat(over)}`;
    const first = await build(source);
    await build(lines(200, (i) => `![Bild](c${i}.png)`) + '\n\n' + '<i>y</i>'.repeat(over));
    const again = await build(source);
    expect(first.degraded).to.equal('too-complex');
    expect(again.degraded).to.equal(first.degraded);
    expect(again.html === first.html, 'same markup').to.equal(true);
  });

  it('lets at most maxImages images and videos load; later ones become links to their source', async () => {
    // In three parts with long paragraphs between them: the cap counts across chunks.
    const part = (from: number) => lines(60, (i) => `![Bild ${from + i}](bilder/${from + i}.png)`);
    const filler = 'Absatz. '.repeat(1_200);
    const { div } = await build([part(0), filler, part(60), filler, part(120), filler, '<video src="bilder/v.mp4"></video>'].join('\n\n'));
    const images = div.querySelectorAll('img');
    expect(images.length).to.equal(LIMITS.maxImages);
    expect(images[0].getAttribute('src')).to.equal('https://help.example/content/bilder/0.png');
    expect(div.querySelectorAll('video').length).to.equal(0);
    const links = [...div.querySelectorAll('a')];
    expect(links.map((a) => a.textContent)).to.include(`Bild ${LIMITS.maxImages}`);
    expect(links.map((a) => a.textContent)).to.include('bilder/v.mp4');
    expect(links.find((a) => a.textContent === `Bild ${LIMITS.maxImages}`)!.getAttribute('href')).to.equal(
      `https://help.example/content/bilder/${LIMITS.maxImages}.png`,
    );
  });
});

describe('renderChunk depth', () => {
  it('keeps only the text of raw HTML nested deeper than maxDepth, and says so', async () => {
    const deep = `${'<div>'.repeat(LIMITS.maxDepth + 10)}<a href="https://e.example/">tief</a> unten`;
    const { degraded, text, div } = await build(deep);
    expect(degraded).to.equal('too-complex');
    expect(text).to.contain('tief unten');
    let depth = 0;
    for (let e: Element | null = div; e?.firstElementChild; e = e.firstElementChild) depth++;
    expect(depth).to.be.at.most(LIMITS.maxDepth);
    // Nesting that markdown makes itself stays.
    const nested = await build(Array.from({ length: 16 }, (_, i) => `${'  '.repeat(i)}- Ebene ${i}`).join('\n'));
    expect(nested.degraded).to.equal(undefined);
    expect(nested.div.querySelectorAll('li').length).to.equal(16);
  });
});

describe('boundDepth', () => {
  it('drops the tags of elements nested deeper than maxDepth, keeping their text, before the HTML is parsed', () => {
    const html = `${'<div><span>'.repeat(1_000)}Ende${'</span></div>'.repeat(1_000)}<p>danach</p>`;
    const { text, reshaped } = boundDepth(html);
    expect(reshaped).to.equal(true);
    expect(text.match(/<(?:div|span)>/g)!.length, 'start tags').to.equal(LIMITS.maxDepth);
    expect(text.match(/<\/(?:div|span)>/g)!.length, 'end tags').to.equal(LIMITS.maxDepth);
    const div = document.createElement('div');
    div.innerHTML = text;
    expect(div.textContent).to.equal('Endedanach');
    expect(div.querySelector('p')!.parentElement, 'what follows is not nested').to.equal(div);
  });

  it('drops unclosed tags past maxDepth too', () => {
    const { text } = boundDepth(`${'<table><tr><td>'.repeat(1_000)}Ende`);
    const div = document.createElement('div');
    div.innerHTML = text;
    expect(div.querySelectorAll('td').length).to.be.at.most(LIMITS.maxDepth / 3 + 1);
    expect(div.textContent).to.equal('Ende');
  });

  it('counts elements that a start tag ends (<li>, <td>, <tr>, <a>, <p>) as siblings, not as nesting', () => {
    const html = `<ul>${'<li>Punkt'.repeat(500)}</ul><table>${'<tr><td>a<td>b'.repeat(300)}</table>${'<a href="/x">Link'.repeat(300)}${'<p>Absatz'.repeat(300)}<div>x</div>`;
    expect(boundDepth(html)).to.deep.equal({ text: html, reshaped: false });
  });

  it('leaves marked\'s HTML of an ordinary article alone', () => {
    const html = markdownToHtml(lines(300, (i) => `- Punkt **${i}** mit [Link](https://e.example/${i})\n  - Unterpunkt \`code\``));
    expect(boundDepth(html)).to.deep.equal({ text: html, reshaped: false });
  });
});
