import { expect } from '@open-wc/testing';
import createDOMPurify from 'dompurify';
import { Marked } from 'marked';
import '../../../src/define.js';
import type { HelpArticle } from '../../../src/article/help-article.js';
import { shadow } from '../../support/helpers.js';

// The CommonMark 0.31.2 spec examples (npm `commonmark-spec`) and the GFM 0.29 extension examples
// (test/fixtures/spec/, from marked's repository), each rendered by the widget and by plain
// marked (GFM) + DOMPurify (default settings). Both results are normalized the same way (below)
// and compared; the examples that differ must be exactly the ones listed in INTENDED, each with
// its reason. A new difference fails, and so does a listed one that went away.

interface Example {
  number: string;
  section: string;
  markdown: string;
}

/** Examples whose widget output differs from marked + DOMPurify on purpose, and why. */
const INTENDED: Record<string, string> = {
  ...Object.fromEntries(['cm-170', 'cm-172', 'cm-173', 'cm-176', 'cm-178'].map((n) => [n, 'GFM\'s tagfilter, as on GitHub: a raw `<script>` or `<style>` block is shown as text instead of vanishing'])),
  'cm-171': 'GFM\'s tagfilter (which marked leaves out): `<textarea>` is shown as text, not dropped with its content',
  'gfm-657': 'GFM\'s tagfilter, as the GFM spec asks (marked leaves it out): `<title>`, `<style>`, `<xmp>` are shown as text, so nothing after them is lost',
  'cm-484': 'a link to a `.md` file is a link to another article: the widget routes it to the article in the reader\'s language (`target.de.md`, or `article-href`)',
  'cm-596': '`irc:` is one of the widget\'s LINK_SCHEMES (docs/security.md), DOMPurify\'s defaults drop it',
  'cm-597': 'the widget writes every link as the URL parser reads it: the scheme in lower case (`MAILTO:` → `mailto:`)',
};

function commonMarkExamples(spec: string): Example[] {
  // The extraction rule of commonmark-spec's own index.js: "→" stands for a tab.
  const examples: Example[] = [];
  let section = '';
  const text = spec.replace(/\r\n?/g, '\n').replace(/^<!-- END TESTS -->(.|[\n])*/m, '');
  const pattern = /^`{32} example\n([\s\S]*?)^\.\n([\s\S]*?)^`{32}$|^#{1,6} *(.*)$/gm;
  for (const match of text.matchAll(pattern)) {
    if (match[3] !== undefined) section = match[3];
    else examples.push({ number: `cm-${examples.length + 1}`, section, markdown: match[1].replace(/→/g, '\t') });
  }
  return examples;
}

const purify = createDOMPurify(window);
const plain = new Marked({ gfm: true });

// What the widget adds around the same content, taken away so that only content differs: its own
// wrappers and chrome, heading ids, link targets, image loading hints, callout roles, the task
// class, and relative URLs resolved against the page.
function normalize(root: ParentNode): string {
  for (const wrapper of root.querySelectorAll('div.shelf, div.blocks, div.table')) wrapper.replaceWith(...wrapper.childNodes);
  for (const el of root.querySelectorAll('*')) {
    for (const name of ['id', 'target', 'rel', 'loading', 'decoding', 'role', 'part']) el.removeAttribute(name);
    // Attributes in one order: the sanitizer may set them in another.
    const attributes = Array.from(el.attributes, (a) => [a.name, a.value] as const).sort(([a], [b]) => a.localeCompare(b));
    for (const [name] of attributes) el.removeAttribute(name);
    for (const [name, value] of attributes) el.setAttribute(name, value);
    if (el.localName === 'li' && el.classList.contains('task')) {
      el.classList.remove('task');
      if (!el.classList.length) el.removeAttribute('class');
    }
    for (const name of ['href', 'src']) {
      const value = el.getAttribute(name);
      if (value === null || value.startsWith('#')) continue;
      const url = URL.parse?.(value, document.baseURI) ?? new URL(value, document.baseURI);
      if (/^https?:$/.test(url.protocol)) el.setAttribute(name, url.href);
    }
  }
  const div = document.createElement('div');
  div.append(...Array.from(root.childNodes, (n) => n.cloneNode(true)));
  // Lit's markers and the whitespace between tags are no content.
  const comments = document.createTreeWalker(div, NodeFilter.SHOW_COMMENT);
  const markers: Node[] = [];
  while (comments.nextNode()) markers.push(comments.currentNode);
  for (const marker of markers) marker.parentNode!.removeChild(marker);
  return div.innerHTML.replace(/>\s+</g, '><').trim();
}

function reference(markdown: string): string {
  const fragment = purify.sanitize(plain.parse(markdown, { async: false }), { RETURN_DOM_FRAGMENT: true });
  return normalize(fragment);
}

/** The widget's article as one document: title, intro, then each section's heading and body. */
async function widget(el: HelpArticle, markdown: string): Promise<string> {
  const done = new Promise<void>((resolve) => {
    el.addEventListener('help-article-load', () => resolve(), { once: true });
    el.addEventListener('help-article-error', () => resolve(), { once: true });
  });
  el.markdown = markdown;
  await done;
  await el.updateComplete;
  const root = shadow(el);
  const out = document.createDocumentFragment();
  const title = root.querySelector('[part="title"]');
  if (title) out.append(Object.assign(document.createElement('h1'), { innerHTML: title.innerHTML }));
  const intro = root.querySelector('[part="intro"]');
  if (intro) out.append(...Array.from(intro.childNodes, (n) => n.cloneNode(true)));
  for (const section of root.querySelectorAll('[part="section"]')) {
    const h2 = document.createElement('h2');
    h2.innerHTML = section.querySelector('.section-title')!.innerHTML;
    out.append(h2, ...Array.from(section.querySelector('[part="section-body"]')!.childNodes, (n) => n.cloneNode(true)));
  }
  return normalize(out);
}

describe('CommonMark and GFM spec examples: the widget against marked + DOMPurify', function () {
  this.timeout(240_000);

  it('differ only where listed in INTENDED, with a reason each', async () => {
    const spec = await (await fetch('/node_modules/commonmark-spec/spec.txt')).text();
    const gfm = (await (await fetch('/test/fixtures/spec/gfm-extensions.0.29.json')).json()) as { example: number; section: string; markdown: string }[];
    const examples = [
      ...commonMarkExamples(spec),
      ...gfm.map((e) => ({ number: `gfm-${e.example}`, section: e.section, markdown: e.markdown })),
    ];
    expect(examples.length).to.equal(652 + 28);

    const el = document.createElement('help-article') as HelpArticle;
    document.body.append(el);
    const differ: Record<string, string> = {};
    try {
      for (const example of examples) {
        const ours = await widget(el, example.markdown);
        const theirs = reference(example.markdown);
        if (ours !== theirs) differ[example.number] = `${example.section}\n  markdown: ${JSON.stringify(example.markdown)}\n  widget:   ${JSON.stringify(ours)}\n  marked:   ${JSON.stringify(theirs)}`;
      }
    } finally {
      el.remove();
    }
    const unexpected = Object.keys(differ).filter((n) => !(n in INTENDED));
    const gone = Object.keys(INTENDED).filter((n) => !(n in differ));
    // Counts first: a long message would drown the examples that matter.
    expect(unexpected.map((n) => `${n} ${differ[n].slice(0, 600)}`).slice(0, 40).join('\n'), `${unexpected.length} differences not listed in INTENDED`).to.equal('');
    expect(gone, 'listed in INTENDED but now the same: remove them').to.deep.equal([]);
  });
});
