// How each input of the pathological corpus holds up in the engine that runs this page (the same
// figures in Chromium, Firefox and WebKit, unlike bench/pathological.mjs, which needs Chromium's
// Long Tasks API and DevTools protocol). Per input:
// - stages: the pipeline run chunk by chunk without the element (cutting, bounding the markdown
//   and the HTML's depth, marked, DOMPurify with the link/image pass, counting elements), the total
//   and the longest single chunk of each, in ms;
// - element: the time until the first render of the parsed article (`ready`), until
//   `help-article-load` and until `loadComplete` (after the deferred fill), the
//   longest gap between the page's own 10 ms timer ticks (what a task holds the page for) and
//   between animation frames, then scrolled to the middle, the end and the top (300 ms each).
// Results go to bench/results/engines/<engine>.jsonl; bench/engines/report.mjs tabulates them.
// A fresh page per input (see benchInput).
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/define.js';
import type { HelpArticle } from '../../src/article/help-article.js';
import { boundDepth, boundMarkdown, splitChunks } from '../../src/pipeline/limits.js';
import { markdownToHtml } from '../../src/pipeline/markdown.js';
import { sanitizeHtml } from '../../src/pipeline/sanitize.js';
import { SectionSplitter } from '../../src/pipeline/sections.js';
import { LIMITS } from '../../src/pipeline/index.js';
import { PATHOLOGICAL } from '../../test/fixtures/pathological/inputs.mjs';

type Case = { class: string; make: () => string; expect: string };
const { stages } = (await executeServerCommand('bench-config')) as { stages: boolean };
const engine = (await executeServerCommand('engine')) as string;
const options = { baseUrl: location.href, lang: 'de' };
// The pipeline's check for content nested deeper than maxDepth (src/pipeline/index.ts).
const DEEP = `*${' > *'.repeat(LIMITS.maxDepth - 1)}`;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const frame = () => new Promise((r) => requestAnimationFrame(r));

function stagePass(markdown: string) {
  const total: Record<string, number> = { cut: 0, bound: 0, marked: 0, purify: 0, depth: 0, rest: 0 };
  const longest: Record<string, number> = { cut: 0, bound: 0, marked: 0, purify: 0, depth: 0, rest: 0, chunk: 0 };
  const splitter = new SectionSplitter(undefined, true);
  let chunks = 0;
  const add = (stage: string, ms: number) => {
    total[stage] += ms;
    longest[stage] = Math.max(longest[stage], ms);
  };
  const it = splitChunks(markdown);
  const started = performance.now();
  for (;;) {
    let t = performance.now();
    const step = it.next();
    add('cut', performance.now() - t);
    if (step.done) break;
    chunks++;
    const c0 = performance.now();
    t = c0;
    const bounded = boundMarkdown(step.value.text);
    add('bound', -t + (t = performance.now()));
    let html = '';
    try {
      html = markdownToHtml(bounded.text);
    } catch {
      /* marked throws on what it cannot take: the widget shows text */
    }
    add('marked', -t + (t = performance.now()));
    html = boundDepth(html).text;
    add('bound', -t + (t = performance.now()));
    const fragment = sanitizeHtml(html, options);
    add('purify', -t + (t = performance.now()));
    fragment.querySelector(DEEP);
    add('depth', -t + (t = performance.now()));
    fragment.querySelectorAll('*').length;
    fragment.querySelectorAll('img, video, audio').length;
    const content = document.createDocumentFragment();
    content.append(fragment);
    splitter.add(content);
    add('rest', performance.now() - t);
    longest.chunk = Math.max(longest.chunk, performance.now() - c0);
    // Stop a pass that would take minutes: the element figures tell the rest.
    if (performance.now() - started > 120_000) return { chunks, total, longest, stopped: true };
  }
  return { chunks, total, longest };
}

async function elementPass(markdown: string) {
  const m = { readyMs: 0, loadMs: 0, completeMs: 0, gap: 0, gapPhase: '', frameGap: 0, frames: 0, events: [] as string[], elements: 0 };
  // Where the longest gap fell: building (before load), laying out the rest (before loadComplete), scrolling.
  let phase = 'build';
  let last = performance.now();
  const beat = setInterval(() => {
    const now = performance.now();
    if (now - last > m.gap) [m.gap, m.gapPhase] = [now - last, phase];
    last = now;
  }, 10);
  let running = true;
  let lastFrame = performance.now();
  const el = document.createElement('help-article') as HelpArticle;
  const onFrame = (now: number) => {
    if (!running) return;
    // Parsed and in its first render; the deferred groups follow frame by frame.
    if (!m.readyMs && el.state === 'ready') m.readyMs = performance.now() - start;
    m.frames++;
    m.frameGap = Math.max(m.frameGap, now - lastFrame);
    lastFrame = now;
    requestAnimationFrame(onFrame);
  };
  el.setAttribute('share', 'none');
  const start = performance.now();
  requestAnimationFrame(onFrame);
  const settled = new Promise<void>((resolve) => {
    el.addEventListener('help-article-load', () => (m.events.push('load'), resolve()));
    el.addEventListener('help-article-error', (e) => (m.events.push(e.detail.reason), resolve()));
  });
  el.markdown = markdown;
  document.body.append(el);
  await settled;
  m.loadMs = performance.now() - start;
  phase = 'complete';
  await el.loadComplete;
  m.completeMs = performance.now() - start;
  const scroller = document.scrollingElement!;
  for (const f of [0.5, 1, 0]) {
    phase = `scroll ${f}`;
    scroller.scrollTop = f * scroller.scrollHeight;
    await frame();
    await wait(300);
  }
  running = false;
  clearInterval(beat);
  m.elements = el.shadowRoot!.querySelectorAll('*').length;
  el.remove();
  return m;
}

/**
 * Benches one input of the corpus on this page: pathological.config.mjs writes one test file per
 * input (bench/engines/.inputs/), so that each gets a fresh page and none pays for the garbage of
 * the ones before it (Firefox's collector made the holds move from input to input).
 */
export function benchInput(name: string) {
  const input = (PATHOLOGICAL as Record<string, Case>)[name];
  describe(`pathological corpus in ${engine}`, () => {
    it(name, async () => {
      const markdown = input.make();
      await wait(200);
      // The element first: the stage pass builds every piece without the element budget (300,000
      // list items are 300,000 detached nodes).
      const element = await elementPass(markdown);
      await wait(200);
      const stage = stages && input.expect !== 'too-large' ? stagePass(markdown) : undefined;
      await executeServerCommand('bench-result', { engine, name, chars: markdown.length, stage, element, at: new Date().toISOString() });
    });
  });
}
