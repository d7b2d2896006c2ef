/**
 * The language an element speaks: its own `lang`, else the nearest ancestor's (across shadow
 * roots, so an app that sets `lang` on its own shell is followed), else `<html lang>`.
 */
export function resolveLang(el: HTMLElement, fallback = 'de'): string {
  if (el.lang) return el.lang;
  let node: Node | null = el.parentNode;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return lang;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return document.documentElement.lang || fallback;
}
