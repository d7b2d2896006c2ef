// The script tag paints the first article before i18next has loaded, reading labels straight from
// the label store (src/i18n/labels.ts). Both must give the same text for every label the widget
// ships, in every built-in language, a regional variant and a language without labels, with the
// values the elements pass.
import { expect } from '@open-wc/testing';
import { addTranslations, i18n } from '../../../src/index.js';
import { firstPaintTranslator } from '../../../src/i18n/labels.js';
import '../../../src/report/labels.js';
import type { TranslationKey } from '../../../src/i18n/translation.js';
import de from '../../../src/i18n/de/index.js';
import report from '../../../src/i18n/de/report.js';

const PLURAL = /_(zero|one|two|few|many|other)$/;

function keys(tree: object, prefix: string): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k.replace(PLURAL, '')}`]));
}

const ALL = [...new Set([...Object.entries(de).flatMap(([ns, tree]) => keys(tree, `${ns}:`)), ...keys(report, 'report:')])];
// Every value a label of the widget names, so each placeholder is filled.
const VALUES: Record<string, string | number> = { status: 404, date: '14. Oktober 2026', day: 14, month: 'Oktober', year: 2026, max: 2000, column: 'rating', endpoint: '/api/feedback', items: 'A, B', origin: 'https://example.com', page: 2, pages: 5, reason: 'unclear', seconds: 30, value: 'x' };

describe('labels before i18next has loaded', () => {
  for (const lang of ['de', 'en', 'en-GB', 'xx']) {
    it(`gives i18next's text for every built-in label (${lang})`, () => {
      const fast = firstPaintTranslator(lang);
      const full = i18n.getFixedT(lang) as unknown as (key: string, values?: object) => string;
      const differ: string[] = [];
      for (const key of ALL as TranslationKey[]) {
        for (const values of [undefined, VALUES, ...[0, 1, 2, 5, 21].map((count) => ({ ...VALUES, count }))]) {
          const a = fast(key, values);
          const b = full(key, values);
          if (a !== b) differ.push(`${key} ${JSON.stringify(values?.count)}: "${a}" ≠ "${b}"`);
        }
      }
      expect(ALL.length).to.be.greaterThan(100);
      expect(differ).to.deep.equal([]);
    });
  }

  it('reads labels a host added, with their plural forms and placeholders, like i18next', () => {
    addTranslations('fr', { article: { sectionCount_one: '{{count}} section', sectionCount_other: '{{ count }} sections', updated: 'Mis à jour le {{date}}' } });
    const fast = firstPaintTranslator('fr-CA');
    const full = i18n.getFixedT('fr-CA');
    for (const count of [0, 1, 2, 1.5]) expect(fast('article:sectionCount', { count })).to.equal(full('article:sectionCount', { count }));
    expect(fast('article:updated', { date: '14 octobre' })).to.equal('Mis à jour le 14 octobre');
    expect(fast('article:loading')).to.equal(full('article:loading'));
    expect(fast('article:loading')).to.equal(de.article.loading);
  });
});
