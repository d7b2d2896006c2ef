import i18next, { type i18n as I18n } from 'i18next';
import { FALLBACK_LANGUAGE, fillLabel, findLabel, labelsChanged, store, useEngine } from './labels.js';

export { addTranslations, BUILT_IN_LANGUAGES, FALLBACK_LANGUAGE } from './labels.js';

/**
 * The widget's own i18next instance (never the host's global one, which may be configured
 * differently or not at all). Exported for advanced use; `addTranslations` covers the usual case.
 * The script tag imports this module after the first paint (src/i18n/labels.ts says why).
 */
export const i18n: I18n = i18next.createInstance();

void i18n.init({
  // A copy: labels added from now on go through `addResourceBundle`, and i18next's store is its own.
  resources: structuredClone(store),
  ns: Object.keys(store[FALLBACK_LANGUAGE]),
  defaultNS: 'article',
  // `en-GB` → `en` → `de`; unknown languages end in German, the help center's own language.
  fallbackLng: FALLBACK_LANGUAGE,
  supportedLngs: false,
  initAsync: false,
  returnNull: false,
  interpolation: { escapeValue: false },
} as Parameters<I18n['init']>[0]);

/** A label as it is in i18next's store. */
function stored(lang: string, key: string): string | undefined {
  const colon = key.indexOf(':');
  const label: unknown = i18n.getResource(lang, key.slice(0, colon), key.slice(colon + 1));
  return typeof label === 'string' ? label : undefined;
}

// Labels with nesting, formats (`{{x, number}}`), unescaped values (`{{- x}}`) or paths (`{{a.b}}`):
// a host's, which only i18next's full resolution gets right.
const needsI18next = (label: string) => label.includes('$t(') || /\{\{(?!\s*\w+\s*\}\})/.test(label);

type Fixed = (key: string, values?: object) => string;
const fixed = new Map<string, [readonly string[], Fixed]>();

// Labels are read from the store directly, plural forms and `{{name}}` placeholders too, the way
// i18next resolves them (test/browser/i18n/first-paint-labels.test.ts): its full resolution cost
// tens of microseconds a key, a long article asks for the same labels once per section, and the
// three labels with values (date, section count) were a fifth of the article's first render.
useEngine({
  t(lang, key, values) {
    let entry = fixed.get(lang);
    if (!entry) fixed.set(lang, (entry = [[...new Set([lang, lang.split('-')[0], FALLBACK_LANGUAGE])], i18n.getFixedT(lang) as unknown as Fixed]));
    const label = findLabel(entry[0], key, values?.count, stored);
    if (label === undefined || needsI18next(label)) return entry[1](key, values);
    return values ? fillLabel(label, values) : label;
  },
  has: (lang, ns) => i18n.hasResourceBundle(lang, ns),
  add: (lang, ns, labels, overwrite) => void i18n.addResourceBundle(lang, ns, labels, true, overwrite),
});
i18n.store.on('added', labelsChanged);
i18n.store.on('removed', labelsChanged);
