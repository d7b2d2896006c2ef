import i18next, { type i18n as I18n, type TFunction } from 'i18next';
import de from './de/index.js';
import en from './en/index.js';
import { warnOnce } from '../internal/dev.js';

/** Labels of languages the widget has none for are shown in this one. */
export const FALLBACK_LANGUAGE = 'de';

/** The languages that ship complete with the widget. */
export const BUILT_IN_LANGUAGES = ['de', 'en'] as const;

/** The label tree of one language: namespaces (`article`, `feedback`, `share`) of nested strings. */
export type Translations = Record<string, unknown>;

/**
 * The widget's own i18next instance (never the host's global one, which may be configured
 * differently or not at all).
 */
export const i18n: I18n = i18next.createInstance();

void i18n.init({
  resources: { de, en },
  ns: Object.keys(de),
  defaultNS: 'article',
  // `en-GB` → `en` → `de`; unknown languages end in German, the help center's own language.
  fallbackLng: FALLBACK_LANGUAGE,
  supportedLngs: false,
  initAsync: false,
  returnNull: false,
  interpolation: { escapeValue: false },
} as Parameters<I18n['init']>[0]);

/**
 * Adds or overrides labels for a language, e.g. `addTranslations('fr', { article: {…} })`.
 * Elements on the page re-render with the new labels at once.
 */
export function addTranslations(lang: string, translations: Translations): void {
  for (const [ns, resources] of Object.entries(translations)) {
    i18n.addResourceBundle(lang, ns, resources, true, true);
  }
}

/** True when labels exist for `lang` or its base language (`de-AT` → `de`). */
export function hasLanguage(lang: string): boolean {
  const base = lang.split('-')[0];
  return i18n.hasResourceBundle(lang, 'article') || i18n.hasResourceBundle(base, 'article');
}

// Plain labels (a key, no options) per language. i18next resolves a key in tens of
// microseconds: a long article asks for the same few labels once per section.
const labels = new Map<string, Map<string, string>>();
// The instance is exported: labels added or removed through it directly drop the cache as well.
for (const change of ['added', 'removed'] as const) i18n.store.on(change, () => labels.clear());

/** A translate function bound to `lang`, falling back to German for unknown languages. */
export function translator(lang: string): TFunction {
  if (!hasLanguage(lang)) {
    warnOnce(`lang:${lang}`, `No labels for lang="${lang}"; showing German. Add them with addTranslations().`);
  }
  const fixed = i18n.getFixedT(lang);
  const t = (key: string, ...rest: unknown[]): string => {
    if (rest.length || typeof key !== 'string') return (fixed as unknown as (...args: unknown[]) => string)(key, ...rest);
    let known = labels.get(lang);
    if (!known) labels.set(lang, (known = new Map()));
    let label = known.get(key);
    if (label === undefined) known.set(key, (label = fixed(key)));
    return label;
  };
  return t as unknown as TFunction;
}
