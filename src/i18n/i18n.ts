import i18next, { type i18n as I18n } from 'i18next';
import de from './de/index.js';
import en from './en/index.js';
import { warnOnce } from '../internal/dev.js';
import type { PartialTranslation, Translate, TranslationKey, TranslationValues } from './translation.js';

/** Labels of languages the widget has none for are shown in this one: the help center's own. */
export const FALLBACK_LANGUAGE = 'de';

/** The languages that ship complete with the widget. */
export const BUILT_IN_LANGUAGES = ['de', 'en'] as const;

/**
 * The widget's own i18next instance (never the host's global one, which may be configured
 * differently or not at all). Exported for advanced use; `addTranslations` covers the usual case.
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
export function addTranslations(lang: string, translations: PartialTranslation): void {
  for (const [ns, resources] of Object.entries(translations)) {
    i18n.addResourceBundle(lang, ns, resources, true, true);
  }
}

/** True when labels exist for `lang` or its base language (`de-AT` → `de`). */
export function hasLanguage(lang: string): boolean {
  const base = lang.split('-')[0];
  return i18n.hasResourceBundle(lang, 'article') || i18n.hasResourceBundle(base, 'article');
}

/** A label read straight from the store (`lang`, its base language, then German), if it is a plain one. */
function plainLabel(languages: readonly string[], key: TranslationKey): string | undefined {
  const colon = key.indexOf(':');
  const ns = key.slice(0, colon);
  const path = key.slice(colon + 1);
  for (const lng of languages) {
    const label: unknown = i18n.getResource(lng, ns, path);
    if (typeof label === 'string') return label.includes('{{') || label.includes('$t(') ? undefined : label;
  }
  return undefined;
}

/**
 * A translate function bound to `lang`, falling back to German for unknown languages. Plain labels
 * are read from the store directly: i18next's full resolution costs tens of microseconds a key,
 * and a long article asks for the same labels once per section.
 */
export function translator(lang: string): Translate {
  if (!hasLanguage(lang)) {
    warnOnce(`lang/${lang}`, `No labels for lang="${lang}"; showing ${FALLBACK_LANGUAGE}. Add them with addTranslations().`);
  }
  const fixed = i18n.getFixedT(lang);
  const languages = [...new Set([lang, lang.split('-')[0], FALLBACK_LANGUAGE])];
  return (key: TranslationKey, values?: TranslationValues): string =>
    (values ? undefined : plainLabel(languages, key)) ?? (fixed as unknown as (k: string, v?: object) => string)(key, values);
}
