import type de from './de/index.js';
import type report from './de/report.js';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/**
 * The shape of one language's labels: one namespace per element (`article`, `categories`,
 * `feedback`, `share`, `report`), as the German labels define it. Every built-in language has all
 * of it. `report` is registered by the owner report when it loads (`src/report/labels.ts`), so the
 * reader's bundle carries none of its labels.
 */
export type Translation = Widen<typeof de & { report: typeof report }>;

type DeepPartial<T> = { [K in keyof T]?: T[K] extends string ? string : DeepPartial<T[K]> };

/** Labels to add or override for a language: any part of a {@link Translation}. */
export type PartialTranslation = DeepPartial<Translation>;

// i18next picks `key_one` / `key_other` by `count`; code asks for `key`.
type StripPlural<K extends string> = K extends `${infer Base}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}` ? Base : K;

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${StripPlural<K>}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every label key, as `namespace:path` (e.g. `feedback:question`): a typo is a compile error. */
export type TranslationKey = { [NS in keyof Translation & string]: `${NS}:${Leaves<Translation[NS]>}` }[keyof Translation & string];

/** Values filled into a label (`{{count}}`, `{{status}}` …). */
export type TranslationValues = Record<string, string | number | undefined>;

/** Translates a key in one language. */
export type Translate = (key: TranslationKey, values?: TranslationValues) => string;
