import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import { addTranslations, i18n } from '../../src/index.js';
import type { HelpArticle } from '../../src/article/help-article.js';
import { shadow } from '../support/helpers.js';
import de from '../../src/i18n/de/index.js';
import en from '../../src/i18n/en/index.js';

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
        categories: 'Catégories',
        callout: { note: 'Remarque', tip: 'Astuce', warning: 'Attention' },
      },
      share: { label: 'Partager' },
    });
    const el = await fixture<HelpArticle>(
      html`<help-article lang="fr" .markdown=${'---\ncategories: [A]\n---\n> [!TIP]\n> x\n\n## A\n\na\n\n## B\n\nb'}></help-article>`,
    );
    await el.loadComplete;
    const root = shadow(el);
    expect(root.querySelector('[part="toggle-all"]')!.textContent!.trim()).to.equal('Fermer toutes les sections');
    expect(root.querySelector('.callout-title')!.textContent).to.equal('Astuce');
    expect(shadow(root.querySelector('help-categories')!).querySelector('.label')!.textContent).to.equal('Catégories:');
    // A key the host did not translate falls back to German.
    expect(i18n.getFixedT('fr')('article:loading')).to.equal(de.article.loading);
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
});
