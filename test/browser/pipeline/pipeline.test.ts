import { expect } from '@open-wc/testing';
import { slugify, Slugger } from '../../../src/internal/slug.js';
import { readFrontMatter } from '../../../src/pipeline/front-matter.js';
import { boundMarkdown, splitChunks, LIMITS } from '../../../src/pipeline/limits.js';
import { markdownToHtml } from '../../../src/pipeline/markdown.js';
import { LINK_SCHEMES, sanitizeHtml } from '../../../src/pipeline/sanitize.js';
import { SectionSplitter } from '../../../src/pipeline/sections.js';
import { looksLikeMarkdown } from '../../../src/article/fetch-markdown.js';
import { idFromSrc, isValidArticleId, toArticleId } from '../../../src/internal/article-id.js';

const link = { baseUrl: 'https://help.example/content/a.de.md', lang: 'de' };

describe('slugify', () => {
  it('makes GitHub-style anchors: lowercase, punctuation dropped, spaces to hyphens, umlauts kept', () => {
    expect(slugify('Automatische Postfachregeln (z.B. Google Mail)')).to.equal('automatische-postfachregeln-zb-google-mail');
    expect(slugify('Übersicht')).to.equal('übersicht');
    expect(slugify('E-Mail & SMS: was geht?')).to.equal('e-mail--sms-was-geht');
    expect(slugify('  Trim me ')).to.equal('trim-me');
  });

  it('numbers repeats -1, -2 and never hands out the same id twice', () => {
    const s = new Slugger();
    expect([s.slug('Tipp'), s.slug('Tipp'), s.slug('Tipp'), s.slug('Tipp 1')]).to.deep.equal(['tipp', 'tipp-1', 'tipp-2', 'tipp-1-1']);
  });
});

describe('readFrontMatter', () => {
  it('reads id, title, inline and block category lists, updated and lang', () => {
    const src = '---\nid: my-id\ntitle: "Mein Titel"\ncategories: [A, "B, C"]\nupdated: 2026-01-02\nlang: de\n---\n# Body';
    const r = readFrontMatter(src);
    expect(r.data).to.deep.equal({ id: 'my-id', title: 'Mein Titel', categories: ['A', 'B, C'], updated: '2026-01-02', lang: 'de' });
    expect(r.body).to.equal('# Body');
    expect(r.problems).to.deep.equal([]);
    const block = readFrontMatter('---\ncategories:\n  - Eins\n  - Zwei\n---\ntext');
    expect(block.data.categories).to.deep.equal(['Eins', 'Zwei']);
  });

  it('reports malformed lines, unknown keys, bad dates and an unclosed block with line numbers', () => {
    const r = readFrontMatter('---\ntitle: ok\nthis is not yaml\ncolor: red\nupdated: 14.10.2026\nid: "a b"\n---\ntext');
    expect(r.problems.map((p) => p.line)).to.deep.equal([3, 4, 5, 6]);
    expect(r.data).to.deep.equal({ title: 'ok' });
    const quote = readFrontMatter('---\ntitle: "Offen\ncategories: [A, B\n---\ntext');
    expect(quote.problems.map((p) => [p.line, p.message])).to.deep.equal([
      [2, '"title" has a " that is not closed'],
      [3, '"categories" list is not closed with ]'],
    ]);
    expect(quote.data).to.deep.equal({ title: 'Offen', categories: ['A', 'B'] });
    const open = readFrontMatter('---\ntitle: x\n# no end');
    expect(open.problems[0].message).to.match(/not closed/);
    expect(open.body).to.contain('# no end');
  });

  it('leaves markdown without front matter untouched', () => {
    // A thematic break or a setext underline first: markdown, not front matter (CommonMark 43, 88–92).
    for (const source of ['---\n\ntext', '---\nFoo\n---\n', '---\n---\n', '---\n# Heading\n---\n', '---\n- item\n---']) {
      const r = readFrontMatter(source);
      expect(r.body, source).to.equal(source);
      expect(r.bodyLine, source).to.equal(0);
      expect(r.problems.map((p) => p.message), source).to.deep.equal([
        'front matter not read: the article starts with --- but no "key: value" line follows, so it is shown as markdown (a rule or a heading)',
      ]);
    }
    expect(readFrontMatter('# Title\n\n---\n').body).to.equal('# Title\n\n---\n');
  });
});

describe('markdown and callouts', () => {
  it('renders callouts with an empty label slot, or the own title', () => {
    const html = markdownToHtml('> [!WARNING]\n> Vorsicht\n\n> [!TIP] Anwendungsbeispiel\n> Text hier');
    expect(html).to.contain('class="callout callout-warning"');
    expect(html).to.contain('data-callout-title="warning"');
    expect(html).to.contain('>Anwendungsbeispiel</p>');
    expect(html).to.contain('<p>Text hier</p>');
    expect(html).not.to.contain('[!TIP]');
  });

  it('keeps plain blockquotes as blockquotes and renders GFM tables', () => {
    expect(markdownToHtml('> quote')).to.contain('<blockquote>');
    expect(markdownToHtml('| a | b |\n|---|---|\n| 1 | 2 |')).to.contain('<table>');
  });
});

describe('sanitizeHtml', () => {
  const clean = (html: string) => {
    const div = document.createElement('div');
    div.append(sanitizeHtml(html, link));
    return div;
  };

  it('removes scripts, handlers, frames, forms, styles, base, meta and dangerous URLs', () => {
    const div = clean(
      '<script>x</script><img src=x onerror=alert(1)><iframe src="https://e.x"></iframe><form><input></form>' +
        '<style>*{}</style><base href="https://evil"><meta http-equiv=refresh content="0;url=https://e"><a href="javascript:alert(1)">j</a>' +
        '<a href="vbscript:x">v</a><a href="data:text/html,<script>alert(1)</script>">d</a><img src="data:text/html;base64,AAAA">' +
        '<svg><script>alert(1)</script></svg><p style="position:fixed" id="x" name="y">ok</p>',
    );
    expect(div.querySelectorAll('script, iframe, form, input, style, base, meta, svg').length).to.equal(0);
    expect(div.innerHTML).not.to.match(/onerror|javascript:|vbscript:|data:text|style=|id="x"/i);
    expect(div.textContent).to.contain('ok');
  });

  it('drops part, slot and exportparts from markdown: an article cannot reach the host page\'s ::part styles', () => {
    const div = clean('<p part="base" slot="x" exportparts="a:b">ok</p><span part="callout">c</span>');
    // A count, not the element: a failing assertion on a DOM node would stall the runner.
    expect(div.querySelectorAll('[part], [slot], [exportparts]').length).to.equal(0);
  });

  it('opens external links safely and resolves relative links and images against the article', () => {
    const div = clean('<a href="https://other.example/x">e</a><a href="/page">i</a><img src="images/p.svg" alt="p">');
    const [external, internal] = div.querySelectorAll('a');
    expect(external.getAttribute('rel')).to.equal('noopener noreferrer');
    expect(external.getAttribute('target')).to.equal('_blank');
    expect(internal.getAttribute('href')).to.equal('https://help.example/page');
    expect(div.querySelector('img')!.getAttribute('src')).to.equal('https://help.example/content/images/p.svg');
  });

  it('keeps GFM task lists as disabled checkboxes, checked or not, and drops every other form control', () => {
    const div = clean(markdownToHtml('- [x] erledigt\n- [ ] offen\n\n1. [X] nummeriert\n\n<input type="text" value="x"><input type="checkbox" name="n" onclick="alert(1)" formaction="https://e.x">'));
    const boxes = [...div.querySelectorAll('input')];
    expect(boxes.map((b) => [b.type, b.disabled, b.checked])).to.deep.equal([
      ['checkbox', true, true],
      ['checkbox', true, false],
      ['checkbox', true, true],
      ['checkbox', true, false],
    ]);
    expect(boxes.map((b) => b.getAttributeNames().sort().join(' '))).to.deep.equal(['checked disabled type', 'disabled type', 'checked disabled type', 'disabled type']);
    expect([...div.querySelectorAll('li.task')].map((li) => li.textContent!.trim())).to.deep.equal(['erledigt', 'offen', 'nummeriert']);
  });

  it('keeps links of the allowed schemes (LINK_SCHEMES) and drops the href of any other', () => {
    const allowed = ['mailto:a@b.de', 'tel:+4930123', 'sms:+4930123', 'xmpp:support@help.example', 'irc://irc.example/help', 'ircs://irc.example/help', 'webcal://cal.example/feiertage.ics'];
    const refused = ['javascript:alert(1)', 'ftp://files.example/x', 'file:///etc/passwd', 'data:text/plain,x', 'blob:https://e.x/1', 'chrome://settings', 'intent://x#Intent;end'];
    const div = clean([...allowed, ...refused].map((href, i) => `<a href="${href}">${i}</a>`).join(' ') + ' ' + markdownToHtml('<xmpp:foo@bar.example>'));
    const links = [...div.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([...allowed, ...refused.map(() => null), 'xmpp:foo@bar.example']);
    expect(links.map((a) => a.textContent)).to.deep.equal([...[...allowed, ...refused].map((_, i) => String(i)), 'xmpp:foo@bar.example']);
    expect(LINK_SCHEMES.map((s) => s.replace(':', ''))).to.deep.equal(['http', 'https', 'mailto', 'tel', 'sms', 'xmpp', 'irc', 'ircs', 'webcal']);
  });

  it('routes links to other articles through the article-href template, keeping the section', () => {
    const div = document.createElement('div');
    div.append(sanitizeHtml('<a href="kalender-synchronisieren.md#fehler">k</a>', { ...link, articleHref: '/hilfe/{lang}/{id}' }));
    expect(div.querySelector('a')!.getAttribute('href')).to.equal('/hilfe/de/kalender-synchronisieren#fehler');
  });
});

/** A fragment of the given markup, as the sanitizer hands it over. */
function fragmentOf(markup: string): DocumentFragment {
  const div = document.createElement('div');
  div.innerHTML = markup;
  const fragment = document.createDocumentFragment();
  fragment.append(...div.childNodes);
  return fragment;
}

/** The parts of an article handed to one splitter in the given pieces. */
function split(...pieces: string[]) {
  const splitter = new SectionSplitter();
  for (const piece of pieces) splitter.add(fragmentOf(piece));
  return splitter.parts();
}

describe('SectionSplitter', () => {
  it('takes a leading h1 as heading, content before the first h2 as intro, and numbers duplicate ids', () => {
    const parts = split('<h1>T</h1><p>intro</p><h2>A</h2><p>a</p><h3>Sub</h3><h2>A</h2><p>b</p>');
    expect(parts.heading).to.equal('T');
    expect(parts.intro.textContent).to.equal('intro');
    expect(parts.sections.map((s) => s.id)).to.deep.equal(['a', 'a-1']);
    expect(parts.sections[0].body.querySelector('h3')!.id).to.equal('sub');
  });

  it('keeps headings after the last allowed section as headings with ids inside it', () => {
    const { sections } = split(Array.from({ length: LIMITS.maxSections + 2 }, (_, i) => `<h2>S${i}</h2><p>${i}</p>`).join(''));
    expect(sections.length).to.equal(LIMITS.maxSections);
    const last = sections[sections.length - 1];
    expect([...last.body.querySelectorAll('h2')].map((h) => h.id)).to.deep.equal([`s${LIMITS.maxSections}`, `s${LIMITS.maxSections + 1}`]);
  });

  it('splits an article handed over in pieces like the whole (ids stay unique across pieces)', () => {
    const parts = split('<h1>T</h1><p>intro</p><h2>A</h2><p>a</p>', '<p>more a</p><h2>A</h2><p>b</p>');
    expect(parts.heading).to.equal('T');
    expect(parts.sections.map((s) => s.id)).to.deep.equal(['a', 'a-1']);
    expect(parts.sections[0].body.textContent).to.equal('amore a');
  });
});

describe('limits', () => {
  it('caps blockquote depth and indentation, and escapes emphasis storms, but not in code', () => {
    const deep = boundMarkdown('>'.repeat(5000) + ' x');
    expect(deep.reshaped).to.equal(true);
    expect(deep.text.match(/>/g)!.length).to.equal(LIMITS.maxQuoteDepth);
    const storm = boundMarkdown('*a_'.repeat(3000));
    expect(storm.text.startsWith('\\*a\\_')).to.equal(true);
    const code = boundMarkdown('```\n' + '*a_'.repeat(3000) + '\n```');
    expect(code.reshaped).to.equal(false);
  });

  it('escapes runs of `[`, `](` and `<` that nothing closes, and the text reads the same', () => {
    for (const storm of ['['.repeat(600), '[a]('.repeat(600), '<a'.repeat(600), `Text [Link](https://e.x) ${'!['.repeat(600)}`]) {
      const bounded = boundMarkdown(storm);
      expect(bounded.reshaped, storm.slice(0, 12)).to.equal(false);
      expect(bounded.text, storm.slice(0, 12)).not.to.equal(storm);
      expect(markdownToHtml(bounded.text), storm.slice(0, 12)).to.equal(markdownToHtml(storm));
    }
    // Openers that something closes stay.
    const links = Array.from({ length: 500 }, (_, i) => `- [Artikel ${i}](/a/${i}) <b>${i}</b>`).join('\n');
    expect(boundMarkdown(links)).to.deep.equal({ text: links, reshaped: false });
    const code = '```\n' + '['.repeat(3000) + '\n```';
    expect(boundMarkdown(code).text).to.equal(code);
  });

  it('keeps a short article in one chunk, as written', () => {
    const source = 'intro [x][r]\n## A\n```\n## not a heading\n```\n## B\n\n[r]: https://e.x';
    expect([...splitChunks(source)].map((c) => c.text)).to.deep.equal([source]);
  });
});

describe('source checks', () => {
  it('tells markdown from HTML pages and binary data', () => {
    expect(looksLikeMarkdown('# Hallo\n\nText', 'text/markdown')).to.equal(true);
    expect(looksLikeMarkdown('<!DOCTYPE html><html>', 'text/html')).to.equal(false);
    expect(looksLikeMarkdown('\u0000\u0001\u0002abc'.repeat(100), '')).to.equal(false);
    expect(looksLikeMarkdown('x', 'image/png')).to.equal(false);
    // An app shell served as HTML, without doctype or head.
    expect(looksLikeMarkdown('<div id="app"></div><script src="/app.js"></script>', 'text/html; charset=utf-8')).to.equal(false);
    // Markdown that starts with a tag is still markdown when not served as HTML.
    expect(looksLikeMarkdown('<div align="center">Logo</div>\n\n# Titel', 'text/markdown')).to.equal(true);
  });

  it('derives the article id from the src file name without language suffix', () => {
    expect(idFromSrc('/content/versandte-email-nicht-im-postfach.de.md')).to.equal('versandte-email-nicht-im-postfach');
    expect(idFromSrc('https://x.y/a/b.md?v=2#top')).to.equal('b');
  });

  it('makes a URL-safe article id from a file name or title that is not one', () => {
    expect(toArticleId(idFromSrc('/content/zahlungsart-%C3%A4ndern.de.md'))).to.equal('zahlungsart-aendern');
    expect(toArticleId('Café & Crème brûlée')).to.equal('Cafe-Creme-brulee');
    expect(toArticleId('Größe')).to.equal('Groesse');
    expect(toArticleId('日本語')).to.equal('');
    expect(toArticleId('already-valid_id.v2')).to.equal('already-valid_id.v2');
    // `.` and `..` are path segments (the summary URL would resolve them away): never ids.
    expect(['.', '..', '...'].map(toArticleId)).to.deep.equal(['', '', '...']);
    expect(['.', '..', '...'].map((id) => isValidArticleId(id))).to.deep.equal([false, false, true]);
  });
});
