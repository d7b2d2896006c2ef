import { warnOnce } from './dev.js';

/**
 * Registers `ctor` as `tag` unless the tag is taken: a second bundle on the page or a host that
 * defined the tag first must not turn into an exception in the host page.
 */
export function defineElement(
  tag: string,
  ctor: CustomElementConstructor,
  registry: CustomElementRegistry = customElements,
): void {
  const existing = registry.get(tag);
  if (existing) {
    if (existing !== ctor) {
      warnOnce(`define/${tag}`, `<${tag}> is already defined by another script; keeping the first definition.`);
    }
    return;
  }
  registry.define(tag, ctor);
}
