import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define.js';
import { addTranslations, i18n } from '../../../src/index.js';
import type { HelpArticle } from '../../../src/article/help-article.js';
import { shadow } from '../../support/helpers.js';
import de from '../../../src/i18n/de/index.js';
import en from '../../../src/i18n/en/index.js';

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('translations', () => {
  it('has every German label in English and the other way round', () => {
    expect(keys(en).sort()).to.deep.equal(keys(de).sort());
  });

  it('adds a third language (the README example) and the article speaks it', async () => {
    addTranslations('fr', {
      article: {
        expandAll: 'Ouvrir toutes les sections',
        collapseAll: 'Fermer toutes les sections',
        callout: { note: 'Remarque', tip: 'Astuce', warning: 'Attention' },
      },
      categories: { label: 'Catégories' },
      share: { label: 'Partager' },
    });
    const el = await fixture<HelpArticle>(
      html`<help-article lang="fr" .markdown=${'---\ncategories: [A]\n---\n> [!TIP]\n> x\n\n## A\n\na\n\n## B\n\nb'}></help-article>`,
    );
    await el.loadComplete;
    const root = shadow(el);
    expect(root.querySelector('[part="toggle-all"]')!.textContent!.trim()).to.equal('Fermer toutes les sections');
    expect(root.querySelector('.callout-title')!.textContent).to.equal('Astuce');
    expect(root.querySelector('.categories-label')!.textContent).to.equal('Catégories:');
    // A key the host did not translate falls back to German.
    expect(i18n.getFixedT('fr')('article:loading')).to.equal(de.article.loading);
  });

  it('formats the updated date in the reader\'s language, and with Intl for added languages', async () => {
    const md = '---\nupdated: 2026-10-14\n---\n# T';
    const date = async (lang: string) => {
      const el = await fixture<HelpArticle>(html`<help-article lang=${lang} .markdown=${md}></help-article>`);
      await el.loadComplete;
      return shadow(el).querySelector('time')!.textContent;
    };
    expect(await date('de')).to.equal('Aktualisiert am 14. Oktober 2026');
    expect(await date('en-GB')).to.equal('Updated October 14, 2026');
    addTranslations('fr', { article: { updated: 'Mis à jour le {{date}}' } });
    expect(await date('fr')).to.equal('Mis à jour le 14 octobre 2026');
    // Language tags are case-insensitive; a language without labels is German throughout.
    expect(await date('EN')).to.equal('Updated October 14, 2026');
    expect(await date('en-us')).to.equal('Updated October 14, 2026');
    expect(await date('xx')).to.equal('Aktualisiert am 14. Oktober 2026');
  });

  it('overrides a built-in label live on elements already on the page', async () => {
    const el = await fixture<HelpArticle>(html`<help-article lang="de" .markdown=${'## A\n\na\n\n## B\n\nb'}></help-article>`);
    await el.loadComplete;
    addTranslations('de', { article: { collapseAll: 'Alles zuklappen' } });
    await el.updateComplete;
    try {
      expect(shadow(el).querySelector('[part="toggle-all"]')!.textContent!.trim()).to.equal('Alles zuklappen');
    } finally {
      addTranslations('de', { article: { collapseAll: de.article.collapseAll } });
    }
  });

  it('shows German for a label whose language bundle was removed', async () => {
    addTranslations('nl', { article: { expandAll: 'Alles openklappen', collapseAll: 'Alles dichtklappen' } });
    const el = await fixture<HelpArticle>(html`<help-article lang="nl" collapsed .markdown=${'## A\n\na\n\n## B\n\nb'}></help-article>`);
    await el.loadComplete;
    const toggleAll = () => shadow(el).querySelector('[part="toggle-all"]')!.textContent!.trim();
    expect(toggleAll()).to.equal('Alles openklappen');
    i18n.removeResourceBundle('nl', 'article');
    el.requestUpdate();
    await el.updateComplete;
    expect(toggleAll()).to.equal(de.article.expandAll);
  });
});
