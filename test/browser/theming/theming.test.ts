import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../../src/define.js';
import { HelpArticle } from '../../../src/article/help-article.js';
import { HelpShare } from '../../../src/share/help-share.js';
import { defineElement } from '../../../src/internal/define-element.js';
import type { SectionToggleDetail } from '../../../src/article/help-article.js';
import type { ShareDetail } from '../../../src/share/help-share.js';
import { CHROMIUM_ONLY, chromiumOnly, engine } from '../../support/engine.js';

const ARTICLE = `---
title: Termine mit sehr langen Wörtern und Adressen
categories: [Kalender, Online-Buchung]
updated: 2026-09-22
---

Einleitung mit [einem Link](https://example.com/) und einem sehr langen Wort: Terminerinnerungsbenachrichtigungseinstellungsänderungsbestätigung.

## Erster Abschnitt mit einer Überschrift, die in einer schmalen Seitenleiste umbrechen muss

Eine Adresse ohne Leerzeichen: https://belbo.com/buchen/ein-sehr-langer-kalendername-der-nicht-umbricht-und-trotzdem-nicht-ueberlaufen-darf

| Einstellung | Bedeutung | Beispiel |
| --- | --- | --- |
| Mindestvorlaufzeit | So viel Zeit muss zwischen Buchung und Termin liegen. | \`2 Stunden\`: Um 9 Uhr ist der früheste buchbare Termin um 11 Uhr. |

\`\`\`
curl -X POST https://api.belbo.com/v1/calendars/ein-sehr-langer-kalendername/appointments?include=customer,service,staff
\`\`\`

> [!TIP]
> Ein Tipp mit \`code\` und **fett**.

## Zweiter Abschnitt

Text.
`;

function root(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`${el.tagName} has no shadow root`);
  return el.shadowRoot;
}

async function ready<T extends Element>(wrapper: T): Promise<{ wrapper: T; article: HelpArticle }> {
  const article = (wrapper instanceof HelpArticle ? wrapper : wrapper.querySelector('help-article')) as HelpArticle;
  await waitUntil(() => article.state === 'ready', 'article renders', { timeout: 8000 });
  await article.updateComplete;
  const bar = root(article).querySelector('help-share');
  await bar?.updateComplete;
  return { wrapper, article };
}

const part = (article: HelpArticle, name: string) => root(article).querySelector<HTMLElement>(`[part~="${name}"]`)!;
const style = (el: Element) => getComputedStyle(el);
const shareBar = (article: HelpArticle) => root(article).querySelector('help-share')!;

/** Relative luminance (WCAG) of an `rgb()` colour. */
function luminance(color: string): number {
  const [r, g, b] = color.match(/\d+(\.\d+)?/g)!.slice(0, 3).map((c) => {
    const v = Number(c) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (l1 + 0.05) / (l2 + 0.05);
}

describe('theming', () => {
  afterEach(async () => {
    if (engine === 'chromium') await emulateMedia({ colorScheme: 'light' });
  });

  it('passes axe in light and in dark', async () => {
    const { article } = await ready(await fixture<HelpArticle>(html`<help-article share-url="https://example.com/" .markdown=${ARTICLE}></help-article>`));
    await expect(article).to.be.accessible();
    article.theme = 'dark';
    await article.updateComplete;
    await expect(article).to.be.accessible();
  });

  it('inherits the host font and takes colours, radius and spacing from --help-* properties', async () => {
    const { article } = await ready(
      await fixture<HTMLElement>(html`<div
        style="font-family: 'Host Sans', serif; --help-color-accent: rgb(1, 2, 3); --help-color-text: rgb(4, 5, 6); --help-color-surface: rgb(250, 250, 240); --help-radius: 3px; --help-spacing: 10px; --help-share-background: rgb(7, 8, 9)"
      >
        <help-article share-url="https://example.com/" .markdown=${ARTICLE}></help-article>
      </div>`),
    );
    expect(style(part(article, 'title')).fontFamily).to.contain('Host Sans');
    expect(style(root(article).querySelector('.prose a')!).color).to.equal('rgb(1, 2, 3)');
    expect(style(part(article, 'toggle-all')).color).to.equal('rgb(1, 2, 3)');
    expect(style(part(article, 'intro')).color).to.equal('rgb(4, 5, 6)');
    expect(style(article).backgroundColor).to.equal('rgb(250, 250, 240)');
    expect(style(root(article).querySelector('.prose pre')!).borderRadius).to.equal('3px');
    expect(style(part(article, 'base')).paddingTop).to.equal(article.clientWidth >= 640 ? '25px' : '15px');
    const button = root(shareBar(article)).querySelector('[part~="button"]')!;
    expect(style(button).backgroundColor).to.equal('rgb(7, 8, 9)');
    expect(style(root(shareBar(article)).querySelector('[part="label"]')!).fontFamily).to.contain('Host Sans');
  });

  it('lets a host stylesheet reach the parts, including the share bar through the article', async () => {
    const sheet = document.createElement('style');
    sheet.textContent = `
      .themed::part(title) { color: rgb(10, 20, 30); letter-spacing: 2px; }
      .themed::part(section-heading) { font-size: 30px; }
      .themed::part(share-button) { border-radius: 2px; }
      .themed::part(share) { gap: 3px; }
    `;
    document.head.append(sheet);
    try {
      const { article } = await ready(
        await fixture<HelpArticle>(html`<help-article class="themed" share-url="https://example.com/" .markdown=${ARTICLE}></help-article>`),
      );
      expect(style(part(article, 'title')).color).to.equal('rgb(10, 20, 30)');
      expect(style(part(article, 'title')).letterSpacing).to.equal('2px');
      expect(style(part(article, 'section-heading')).fontSize).to.equal('30px');
      const bar = root(shareBar(article));
      expect(style(bar.querySelector('[part~="button"]')!).borderRadius).to.equal('2px');
      expect(style(bar.querySelector('[part="base"]')!).rowGap).to.equal('3px');
    } finally {
      sheet.remove();
    }
  });

  it('keeps host styles out and its own styles in', async () => {
    const sheet = document.createElement('style');
    sheet.textContent = 'h1, h2, a, button, p { color: rgb(255, 0, 0) !important; font-size: 50px !important; }';
    document.head.append(sheet);
    try {
      const wrapper = await fixture<HTMLElement>(html`<div>
        <p id="outside">Host text</p>
        <help-article share-url="https://example.com/" .markdown=${ARTICLE}></help-article>
      </div>`);
      const { article } = await ready(wrapper);
      expect(style(part(article, 'title')).color).not.to.equal('rgb(255, 0, 0)');
      expect(style(root(article).querySelector('.prose p')!).fontSize).not.to.equal('50px');
      expect(style(wrapper.querySelector('#outside')!).color).to.equal('rgb(255, 0, 0)');
    } finally {
      sheet.remove();
    }
  });

  it('renders dark with theme="dark": other background and text colour, with enough contrast', async () => {
    const { article } = await ready(await fixture<HelpArticle>(html`<help-article share-url="https://example.com/" .markdown=${ARTICLE}></help-article>`));
    const light = { bg: style(article).backgroundColor, fg: style(part(article, 'intro')).color };
    article.theme = 'dark';
    await article.updateComplete;
    const bar = shareBar(article);
    await bar.updateComplete;
    const dark = { bg: style(article).backgroundColor, fg: style(part(article, 'intro')).color };
    expect(dark.bg).not.to.equal(light.bg);
    expect(dark.fg).not.to.equal(light.fg);
    expect(luminance(dark.bg)).to.be.lessThan(luminance(light.bg));
    expect(contrast(dark.bg, dark.fg)).to.be.greaterThan(7);
    expect(bar.theme).to.equal('dark');
    expect(style(bar).backgroundColor).to.equal(dark.bg);
    expect(contrast(style(bar).backgroundColor, style(root(bar).querySelector('[part="label"]')!).color)).to.be.greaterThan(4.5);
  });

  chromiumOnly(CHROMIUM_ONLY.emulateMedia)('prints dark text on white even with theme="dark" or a dark system setting', async () => {
    const { article } = await ready(await fixture<HelpArticle>(html`<help-article theme="dark" share="none" .markdown=${ARTICLE}></help-article>`));
    await emulateMedia({ media: 'print', colorScheme: 'dark' });
    try {
      const fg = style(part(article, 'intro')).color;
      expect(luminance(fg), 'text').to.be.lessThan(0.1);
      expect(luminance(style(article).backgroundColor), 'surface').to.be.greaterThan(0.9);
    } finally {
      await emulateMedia({ media: 'screen', colorScheme: 'light' });
    }
  });

  chromiumOnly(CHROMIUM_ONLY.emulateMedia)('follows prefers-color-scheme unless theme="light" pins it', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div>
      <help-article id="auto" share-url="https://example.com/" .markdown=${ARTICLE}></help-article>
      <help-article id="pinned" theme="light" share-url="https://example.com/" .markdown=${ARTICLE}></help-article>
    </div>`);
    const auto = wrapper.querySelector<HelpArticle>('#auto')!;
    const pinned = wrapper.querySelector<HelpArticle>('#pinned')!;
    await ready(auto);
    await ready(pinned);
    const lightBg = style(auto).backgroundColor;
    await emulateMedia({ colorScheme: 'dark' });
    expect(style(auto).backgroundColor).not.to.equal(lightBg);
    expect(luminance(style(auto).backgroundColor)).to.be.lessThan(0.05);
    expect(style(shareBar(auto)).backgroundColor).to.equal(style(auto).backgroundColor);
    expect(style(pinned).backgroundColor).to.equal(lightBg);
    await expect(auto).to.be.accessible();
  });

  it('mirrors for right-to-left: chevrons, indentation and share buttons', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div>
      <div dir="ltr"><help-article collapsed share="copy email x" share-url="https://example.com/" .markdown=${ARTICLE}></help-article></div>
      <div dir="rtl"><help-article collapsed share="copy email x" share-url="https://example.com/" .markdown=${ARTICLE}></help-article></div>
    </div>`);
    const [ltr, rtl] = [...wrapper.querySelectorAll<HelpArticle>('help-article')];
    await ready(ltr);
    await ready(rtl);
    const chevron = (a: HelpArticle) => new DOMMatrix(style(root(a).querySelector('.chevron')!).transform);
    // Closed sections point to where the text runs: right in LTR, left in RTL.
    expect(chevron(ltr).b).to.be.closeTo(-1, 0.01);
    expect(chevron(rtl).b).to.be.closeTo(1, 0.01);
    await ltr.openSection(ltr.sections[0].id, { scroll: false });
    await rtl.openSection(rtl.sections[0].id, { scroll: false });
    const body = (a: HelpArticle) => style(part(a, 'section-body'));
    expect(body(ltr).paddingLeft).to.equal(body(rtl).paddingRight);
    expect(body(ltr).paddingRight).to.equal(body(rtl).paddingLeft);
    expect(parseFloat(body(rtl).paddingRight)).to.be.greaterThan(parseFloat(body(rtl).paddingLeft));
    // The chevron leads the title on the start side: right of it in RTL.
    const [chevronBox, titleBox] = ['.chevron', '.section-title'].map((s) => root(rtl).querySelector(s)!.getBoundingClientRect());
    expect(chevronBox.left).to.be.greaterThan(titleBox.left);
    expect(style(root(rtl).querySelector('.section-title')!).textAlign).to.equal('start');
    const [first, second] = [...root(shareBar(rtl)).querySelectorAll('[part~="button"]')].map((b) => b.getBoundingClientRect());
    expect(first.left).to.be.greaterThan(second.left);
    const base = part(rtl, 'base');
    expect(base.scrollWidth).to.be.at.most(base.clientWidth);
    await expect(rtl).to.be.accessible();
  });

  for (const width of [320, 900]) {
    it(`has no horizontal overflow in a ${width} px container`, async () => {
      const wrapper = await fixture<HTMLElement>(html`<div style=${`width: ${width}px`}>
        <help-article share-url="https://example.com/" .markdown=${ARTICLE}></help-article>
      </div>`);
      const { article } = await ready(wrapper);
      const parts = [part(article, 'base'), ...root(article).querySelectorAll<HTMLElement>('[part~="section"]')];
      for (const el of parts) {
        expect(el.scrollWidth, el.getAttribute('part')!).to.be.at.most(el.clientWidth);
      }
      const bar = root(shareBar(article)).querySelector<HTMLElement>('[part="base"]')!;
      expect(bar.scrollWidth).to.be.at.most(bar.clientWidth);
      expect(article.getBoundingClientRect().width).to.equal(width);
      await expect(article).to.be.accessible();
    });
  }

  it('keeps whole words in table cells when the table has room', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div style="width: 900px">
      <help-article share="none" .markdown=${ARTICLE}></help-article>
    </div>`);
    const { article } = await ready(wrapper);
    const cell = [...root(article).querySelectorAll('td')].find((td) => td.textContent === 'Mindestvorlaufzeit')!;
    const words = document.createRange();
    words.selectNodeContents(cell);
    expect(words.getClientRects().length, 'lines of "Mindestvorlaufzeit"').to.equal(1);
  });

  it('reserves space while loading, so the page does not jump', async () => {
    const article = await fixture<HelpArticle>(html`<help-article src="/fault/hang?key=theming"></help-article>`);
    expect(part(article, 'skeleton').getBoundingClientRect().height).to.be.greaterThan(200);
    article.remove();
  });
});

describe('repeated registration', () => {
  it('does not throw when the tags are defined again or taken by another class', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(String(args[0]));
    try {
      expect(() => defineElement('help-article', HelpArticle)).not.to.throw();
      expect(() => defineElement('help-share', HelpShare)).not.to.throw();
      expect(warnings).to.deep.equal([]);
      expect(() => defineElement('help-share', class extends HTMLElement {})).not.to.throw();
      expect(customElements.get('help-share')).to.equal(HelpShare);
      expect(warnings.filter((w) => w.includes('<help-share> is already defined'))).to.have.length(1);
    } finally {
      console.warn = warn;
    }
  });
});

describe('integration hooks for a host app', () => {
  it('delivers share and section events to a listener on document', async () => {
    const { article } = await ready(await fixture<HelpArticle>(html`<help-article share="copy" share-url="https://example.com/h" .markdown=${ARTICLE}></help-article>`));
    const cancel = (e: Event) => e.preventDefault();
    document.addEventListener('help-share', cancel);
    try {
      const shared = oneEvent(document, 'help-share');
      root(shareBar(article)).querySelector<HTMLElement>('[data-target="copy"]')!.click();
      const detail = ((await shared) as CustomEvent<ShareDetail>).detail;
      expect(detail).to.deep.equal({ target: 'copy', url: 'https://example.com/h', title: 'Termine mit sehr langen Wörtern und Adressen' });
    } finally {
      document.removeEventListener('help-share', cancel);
    }
    const toggled = oneEvent(document, 'help-article-toggle');
    part(article, 'section-toggle').click();
    const toggle = ((await toggled) as CustomEvent<SectionToggleDetail>).detail;
    expect(toggle).to.deep.equal({ id: article.sections[0].id, open: false });
  });

  it('re-renders labels live when the host switches lang on an ancestor', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div lang="de">
      <help-article share-url="https://example.com/" .markdown=${ARTICLE}></help-article>
    </div>`);
    const { article } = await ready(wrapper);
    const label = () => root(shareBar(article)).querySelector('[part="label"]')!.textContent;
    expect(label()).to.equal('Teilen:');
    expect(part(article, 'toggle-all').textContent!.trim()).to.equal('Alle Abschnitte schließen');
    wrapper.lang = 'en';
    await waitUntil(() => label() === 'Share:', 'share bar follows lang');
    await article.updateComplete;
    expect(part(article, 'toggle-all').textContent!.trim()).to.equal('Collapse all sections');
    expect(root(shareBar(article)).querySelector('[data-target="copy"]')!.getAttribute('aria-label')).to.equal('Copy link');
  });
});
