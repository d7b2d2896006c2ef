import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define.js';
import type { HelpCategories } from '../../../src/categories/help-categories.js';
import { shadow } from '../../support/helpers.js';

async function render(template: ReturnType<typeof html>): Promise<HelpCategories> {
  const el = await fixture<HelpCategories>(template);
  await el.updateComplete;
  return el;
}

const tags = (el: HelpCategories) => [...shadow(el).querySelectorAll<HTMLElement>('[part="tag"]')];

// The same list renders in <help-article>'s header (test/browser/article/help-article.test.ts);
// here the element on its own, as a host uses it.
describe('<help-categories>', () => {
  it('lists the names of its attribute once each, as plain text, labelled, with its parts', async () => {
    const el = await render(html`<help-categories categories=" Allgemein, E-Mails,,Allgemein "></help-categories>`);
    expect(tags(el).map((t) => [t.tagName, t.textContent])).to.deep.equal([
      ['SPAN', 'Allgemein'],
      ['SPAN', 'E-Mails'],
    ]);
    const root = shadow(el);
    expect(root.querySelector('[part="label"]')!.textContent).to.equal('Kategorien:');
    expect(root.querySelector('[part="list"]')!.getAttribute('aria-labelledby')).to.equal('label');
    expect(root.querySelector('[part="base"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('links each tag with the href template; the items property wins over the attribute', async () => {
    const el = await render(html`<help-categories categories="Alt" .items=${['E-Mails & SMS', 'Konto']} href="/kategorie/{slug}?l={lang}" lang="en"></help-categories>`);
    expect(tags(el).map((t) => t.getAttribute('href'))).to.deep.equal(['/kategorie/e-mails--sms?l=en', '/kategorie/konto?l=en']);
    expect(shadow(el).querySelector('[part="label"]')!.textContent).to.equal('Categories:');
  });

  it('refuses a javascript: template (plain tags), takes its own label and the names\' language', async () => {
    const el = await render(html`<help-categories categories="Allgemein" href="javascript:alert(1)//{slug}" label="Themen" tag-lang="de" lang="en"></help-categories>`);
    expect(tags(el).map((t) => t.tagName)).to.deep.equal(['SPAN']);
    expect(shadow(el).querySelector('a')).to.equal(null);
    expect(shadow(el).querySelector('[part="label"]')!.textContent).to.equal('Themen:');
    expect(shadow(el).querySelector('[part="list"]')!.getAttribute('lang')).to.equal('de');
  });

  it('renders nothing without names', async () => {
    const el = await render(html`<help-categories categories=" , "></help-categories>`);
    expect(shadow(el).querySelector('[part="base"]')).to.equal(null);
  });
});
