// The browser features the widget relies on, checked in the engine the test runs in: either the
// engine has the feature and the widget uses it, or the widget does without it on purpose. No
// engine of the test run lacks any of them today (docs/development.md, "Browser support"); for
// the JavaScript features a test removes it from the page to show the widget's way without it.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define.js';
import type { HelpArticle } from '../../../src/article/help-article.js';
import type { HelpShare } from '../../../src/share/help-share.js';
import { engine } from '../../support/engine.js';
import { shadow } from '../../support/helpers.js';

const MARKDOWN = '# Titel\n\nEinleitung.\n\n## Erster\n\nNadel im Heuhaufen.\n\n## Zweiter\n\nZweiter Text.';

async function article(template: ReturnType<typeof html>): Promise<HelpArticle> {
  const el = await fixture<HelpArticle>(template);
  await el.loadComplete;
  await el.updateComplete;
  return el;
}

const panel = (el: HelpArticle, id: string) => shadow(el).getElementById(`${id}:panel`)!;
const expanded = (el: HelpArticle) => [...shadow(el).querySelectorAll('.section-toggle')].map((t) => t.getAttribute('aria-expanded'));

/** Runs `body` with `name` removed from the prototype chain of `target` (as in an engine without it). */
async function without(target: object, name: string, body: () => Promise<void>): Promise<void> {
  let owner: object | null = target;
  while (owner && !Object.prototype.hasOwnProperty.call(owner, name)) owner = Object.getPrototypeOf(owner);
  if (!owner) return body();
  const descriptor = Object.getOwnPropertyDescriptor(owner, name)!;
  delete (owner as Record<string, unknown>)[name];
  try {
    await body();
  } finally {
    Object.defineProperty(owner, name, descriptor);
  }
}

describe(`browser features in ${engine}`, () => {
  it('has hidden="until-found": closed sections keep their text findable and open on beforematch', async () => {
    expect('onbeforematch' in HTMLElement.prototype).to.equal(true);
    const el = await article(html`<help-article collapsed .markdown=${MARKDOWN}></help-article>`);
    expect(expanded(el)).to.deep.equal(['false', 'false']);
    const body = panel(el, 'erster');
    expect(body.getAttribute('hidden')).to.equal('until-found');
    // Hidden until found, not removed: the engine lays it out as content-visibility: hidden.
    expect(getComputedStyle(body).display).not.to.equal('none');
    expect(body.textContent).to.contain('Nadel im Heuhaufen');
    // What the engine sends when find-in-page or a text fragment reaches the closed text.
    body.dispatchEvent(new Event('beforematch', { bubbles: true }));
    await el.updateComplete;
    expect(expanded(el)).to.deep.equal(['true', 'false']);
    expect(body.hasAttribute('hidden')).to.equal(false);
  });

  it('without hidden="until-found", `collapsed` leaves sections open so find-in-page finds them', async () => {
    await without(HTMLElement.prototype, 'onbeforematch', async () => {
      const el = await article(html`<help-article collapsed .markdown=${MARKDOWN}></help-article>`);
      expect(expanded(el)).to.deep.equal(['true', 'true']);
      expect(panel(el, 'erster').hasAttribute('hidden')).to.equal(false);
      // The reader can still close one.
      shadow(el).querySelector<HTMLButtonElement>('.section-toggle')!.click();
      await el.updateComplete;
      expect(expanded(el)).to.deep.equal(['false', 'true']);
    });
  });

  it('has container queries: the article lays out by its own width, not the window', async () => {
    expect(CSS.supports('container-type', 'inline-size')).to.equal(true);
    const wrapper = await fixture<HTMLElement>(html`<div>
      <div style="width: 320px"><help-article .markdown=${MARKDOWN}></help-article></div>
      <div style="width: 760px"><help-article .markdown=${MARKDOWN}></help-article></div>
    </div>`);
    const [narrow, wide] = [...wrapper.querySelectorAll<HelpArticle>('help-article')];
    await Promise.all([narrow.loadComplete, wide.loadComplete]);
    const inset = (el: HelpArticle) => parseFloat(getComputedStyle(panel(el, 'erster')).paddingInlineStart);
    const padding = (el: HelpArticle) => parseFloat(getComputedStyle(shadow(el).querySelector('.base')!).paddingInlineStart);
    expect(inset(narrow)).to.be.below(inset(wide));
    expect(padding(narrow)).to.be.below(padding(wide));
  });

  it('has light-dark() and color-mix(): theme="dark" turns the surface dark', async () => {
    expect(CSS.supports('color', 'light-dark(#000, #fff)')).to.equal(true);
    expect(CSS.supports('color', 'color-mix(in srgb, red 50%, blue)')).to.equal(true);
    const el = await article(html`<help-article theme="dark" .markdown=${MARKDOWN}></help-article>`);
    const [r, g, b] = getComputedStyle(el).backgroundColor.match(/\d+/g)!.map(Number);
    expect(r + g + b, getComputedStyle(el).backgroundColor).to.be.below(3 * 60);
  });

  it(`offers the native share sheet only where the engine has one (${typeof navigator.share === 'function' ? 'has' : 'has not'})`, async () => {
    const el = await fixture<HelpShare>(html`<help-share share="copy native" share-url="https://example.com/"></help-share>`);
    const native = shadow(el).querySelector('[data-target="native"]');
    expect(native !== null).to.equal(typeof navigator.share === 'function' && typeof navigator.canShare === 'function');
    expect(shadow(el).querySelector('[data-target="copy"]')).to.exist;
  });

  it('copies a section link without the Clipboard API, through the fallback', async () => {
    await without(Navigator.prototype, 'clipboard', async () => {
      expect(navigator.clipboard).to.equal(undefined);
      const el = await article(html`<help-article .markdown=${MARKDOWN}></help-article>`);
      // A real key press: the fallback's execCommand('copy') needs a user gesture.
      shadow(el).querySelector<HTMLButtonElement>('.copy-link')!.focus();
      await sendKeys({ press: 'Enter' });
      const status = shadow(el).querySelector('[role="status"]')!;
      await waitUntil(() => status.textContent!.trim() !== '', 'the copy is announced');
      expect(status.textContent!.trim()).to.equal('Link kopiert');
    });
  });
});
