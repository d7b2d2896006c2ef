import { FALLBACK_LANGUAGE } from '../i18n/labels.js';

/**
 * The language an element speaks: its own `lang`, else the nearest ancestor's (across shadow
 * roots, so an app that sets `lang` on its own shell is followed), else `<html lang>`, else the
 * widget's fallback language.
 */
export function resolveLang(el: HTMLElement): string {
  return normalize(findLang(el) || FALLBACK_LANGUAGE);
}

function findLang(el: HTMLElement): string {
  if (el.lang) return el.lang;
  let node: Node | null = el.parentNode;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return lang;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return document.documentElement.lang;
}

// Language tags are case-insensitive (`EN`, `en-us`); labels are stored under `en`, `en-US`.
function normalize(tag: string): string {
  const [language, ...rest] = tag.trim().split('-');
  return [language.toLowerCase(), ...rest.map((part) => (part.length === 2 ? part.toUpperCase() : part))].join('-');
}
