import de from './de/index.js';
import en from './en/index.js';
import { warnOnce } from '../internal/dev.js';
import type { PartialTranslation, Translate, TranslationKey, TranslationValues } from './translation.js';

/** Labels of languages the widget has none for are shown in this one: the help center's own. */
export const FALLBACK_LANGUAGE = 'de';

/** The languages that ship complete with the widget. */
export const BUILT_IN_LANGUAGES = ['de', 'en'] as const;

type Tree = { [key: string]: string | Tree };

/**
 * What i18next (src/i18n/i18n.ts) provides once it is loaded. Until then labels are read from
 * the store below: the script tag paints the first article without waiting for i18next's 16 KB
 * (issue 10), and test/browser/i18n/first-paint-labels.test.ts checks that both give the same
 * text for every built-in label.
 */
export interface LabelEngine {
  t(lang: string, key: string, values?: TranslationValues): string;
  has(lang: string, ns: string): boolean;
  add(lang: string, ns: string, labels: object, overwrite: boolean): void;
}

/** Every language's labels as added so far, one tree per namespace; i18next starts from a copy. */
export const store: Record<string, Record<string, Tree>> = structuredClone({ de, en }) as never;

let engine: LabelEngine | undefined;
const listeners = new Set<() => void>();

/** Calls `listener` whenever labels are added (by a host, the report, or i18next's own store). */
export function onLabelsChanged(listener: () => void): void {
  listeners.add(listener);
}

/** Tells the elements on the page that labels changed. */
export function labelsChanged(): void {
  for (const listener of listeners) listener();
}

/** Whether i18next has taken over. */
export const hasEngine = (): boolean => engine !== undefined;

/** Hands translation to i18next; the elements re-render through it. */
export function useEngine(next: LabelEngine): void {
  engine = next;
  labelsChanged();
}

function merge(target: Tree, source: object, overwrite: boolean): void {
  for (const [key, value] of Object.entries(source)) {
    if (value && typeof value === 'object') merge((target[key] = typeof target[key] === 'object' ? target[key] : {}) as Tree, value, overwrite);
    else if (typeof value === 'string' && (overwrite || target[key] === undefined)) target[key] = value;
  }
}

/** Adds labels of one namespace; `overwrite: false` keeps what a host added before. */
export function addLabels(lang: string, ns: string, labels: object, overwrite = true): void {
  merge(((store[lang] ??= {})[ns] ??= {}), labels, overwrite);
  if (engine) engine.add(lang, ns, labels, overwrite);
  else labelsChanged();
}

/**
 * Adds or overrides labels for a language, e.g. `addTranslations('fr', { article: {…} })`.
 * Elements on the page re-render with the new labels at once.
 */
export function addTranslations(lang: string, translations: PartialTranslation): void {
  for (const [ns, labels] of Object.entries(translations)) addLabels(lang, ns, labels as object);
}

/** True when labels exist for `lang` or its base language (`de-AT` → `de`). */
export function hasLanguage(lang: string): boolean {
  const base = lang.split('-')[0];
  if (engine) return engine.has(lang, 'article') || engine.has(base, 'article');
  return Boolean(store[lang]?.article || store[base]?.article);
}

function read(lang: string, key: string): string | undefined {
  const colon = key.indexOf(':');
  let node: string | Tree | undefined = store[lang]?.[key.slice(0, colon)];
  for (const part of key.slice(colon + 1).split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

/** A label of `lang` or its base language only (no fallback to German), e.g. to tell whether a language has its own month names. */
export function ownLabel(lang: string, key: TranslationKey): string | undefined {
  return read(lang, key) ?? read(lang.split('-')[0], key);
}

const pluralRules = new Map<string, Intl.PluralRules>();

/** Reads one label of one language (`article:loading` in `de`), if it has one. */
export type LabelReader = (lang: string, key: string) => string | undefined;

/**
 * Finds a label as i18next does: the first of `languages` that has the key, with the plural form
 * `count` selects (`_zero` for 0 first), then the plain key.
 */
export function findLabel(languages: readonly string[], key: string, count: unknown, readLabel: LabelReader): string | undefined {
  for (const lang of languages) {
    let label: string | undefined;
    if (typeof count === 'number') {
      let rules = pluralRules.get(lang);
      if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
      label = (count === 0 ? readLabel(lang, `${key}_zero`) : undefined) ?? readLabel(lang, `${key}_${rules.select(count)}`);
    }
    label ??= readLabel(lang, key);
    if (label !== undefined) return label;
  }
  return undefined;
}

/**
 * Fills a label's `{{name}}` placeholders as i18next does: a name passed without a value gives
 * nothing, a name not passed stays as written.
 */
export function fillLabel(label: string, values: TranslationValues): string {
  return label.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (all: string, name: string) => (name in values ? String(values[name] ?? '') : all));
}

/**
 * i18next's resolution for the labels the widget ships, read from the store. Nesting (`$t(…)`)
 * and formats (`{{x, number}}`), which only a host's labels can use, show as written until
 * i18next has loaded, a moment after the first paint.
 */
function firstPaintLabel(languages: readonly string[], key: string, values?: TranslationValues): string {
  const label = findLabel(languages, key, values?.count, read);
  if (label === undefined) return key.slice(key.indexOf(':') + 1);
  return values ? fillLabel(label, values) : label;
}

/** A translate function bound to `lang`, falling back to German for unknown languages. */
export function translator(lang: string): Translate {
  if (!hasLanguage(lang)) {
    warnOnce(`lang/${lang}`, `No labels for lang="${lang}"; showing ${FALLBACK_LANGUAGE}. Add them with addTranslations().`);
  }
  const languages = [...new Set([lang, lang.split('-')[0], FALLBACK_LANGUAGE])];
  return (key: TranslationKey, values?: TranslationValues): string =>
    engine ? engine.t(lang, key, values) : firstPaintLabel(languages, key, values);
}

/** Exposed for the test that holds the first-paint labels to i18next's. */
export const firstPaintTranslator = (lang: string): Translate => {
  const languages = [...new Set([lang, lang.split('-')[0], FALLBACK_LANGUAGE])];
  return (key, values) => firstPaintLabel(languages, key, values);
};
