import i18next, { type i18n as I18n } from 'i18next';
import { FALLBACK_LANGUAGE, labelsChanged, store, useEngine } from './labels.js';

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

/** A label read straight from i18next's store (`lang`, its base language, then German), if it is a plain one. */
function plainLabel(languages: readonly string[], key: string): string | undefined {
  const colon = key.indexOf(':');
  const ns = key.slice(0, colon);
  const path = key.slice(colon + 1);
  for (const lng of languages) {
    const label: unknown = i18n.getResource(lng, ns, path);
    if (typeof label === 'string') return label.includes('{{') || label.includes('$t(') ? undefined : label;
  }
  return undefined;
}

type Fixed = (key: string, values?: object) => string;
const fixed = new Map<string, [readonly string[], Fixed]>();

// Plain labels are read from the store directly: i18next's full resolution costs tens of
// microseconds a key, and a long article asks for the same labels once per section.
useEngine({
  t(lang, key, values) {
    let entry = fixed.get(lang);
    if (!entry) fixed.set(lang, (entry = [[...new Set([lang, lang.split('-')[0], FALLBACK_LANGUAGE])], i18n.getFixedT(lang) as unknown as Fixed]));
    return (values ? undefined : plainLabel(entry[0], key)) ?? entry[1](key, values);
  },
  has: (lang, ns) => i18n.hasResourceBundle(lang, ns),
  add: (lang, ns, labels, overwrite) => void i18n.addResourceBundle(lang, ns, labels, true, overwrite),
});
i18n.store.on('added', labelsChanged);
i18n.store.on('removed', labelsChanged);
