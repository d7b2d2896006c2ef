// Taking over a prerendered shadow root (help-article-widget/ssr) without rendering it again: the
// element's first render is matched against the server's markup with @lit-labs/ssr-client's
// `hydrate()`, which builds Lit's parts over the nodes that are there and touches none of them.
// Only pages with a prerendered element load this module (src/script-tag/core.ts).
//
// Not ssr-client's `lit-element-hydrate-support.js`: it patches every LitElement of the page and a
// mismatch leaves the element broken. Here a mismatch (markdown edited after the render, a page
// served from another URL than the one rendered for) falls back to rendering afresh, so the reader
// still gets a working article and the host page no exception. `hydrate()` checks the templates
// (and the HTML of unsafeHTML, by digest); the text and attribute values it does not check are
// compared here, so stale server text never stays on screen.
import { hydrate } from '@lit-labs/ssr-client';
import { adoptStyles, nothing, ReactiveElement, type CSSResultOrNative, type PropertyValues, type RenderOptions } from 'lit';
import { HelpElement } from './help-element.js';

/**
 * What an element's first update does with the server's shadow root: take it over as it is, keep it
 * on screen until a later update, or render afresh. An element that renders only its properties
 * takes it over; an element whose content comes later says so with a `takeover()` method.
 */
export type Takeover = 'hydrate' | 'later' | 'replace';

// Lit's parts as `hydrate()` leaves them. Their values and a template instance's parts sit in
// fields shared across Lit's packages: `_$committedValue` and `_$parts` in Lit's development
// build, `_$AH` and `_$AV` in its production build (Lit 3's cross-package names, the ones
// ssr-client itself uses). Part types: 1 attribute, 2 child, 4 boolean attribute.
interface Part {
  type: number;
  startNode?: Node;
  endNode?: Node | null;
  element?: Element;
  name?: string;
  strings?: readonly string[];
}
type Fields = Record<string, unknown>;
type Container = ShadowRoot & { _$litPart$?: Part };

const valueOf = (part: Part) => {
  const fields = part as unknown as Fields;
  return '_$committedValue' in fields ? fields._$committedValue : fields._$AH;
};
const partsOf = (value: object) => {
  const fields = value as Fields;
  return (fields._$parts ?? fields._$AV) as (Part | undefined)[] | undefined;
};

class Mismatch extends Error {}

let warned = false;


const text = (value: unknown) => (value == null || typeof value === 'symbol' ? '' : String(value));

function check(part: Part): void {
  const value = valueOf(part);
  if (part.type === 2) {
    if (Array.isArray(value)) return value.forEach(check);
    if (value && typeof value === 'object') {
      // A template instance: check its parts (an unsafeHTML value has none; its digest matched).
      const parts = partsOf(value);
      if (!parts) throw new Mismatch('node value');
      for (const p of parts) if (p) check(p);
      return;
    }
    let shown = '';
    for (let n = part.startNode!.nextSibling; n && n !== part.endNode; n = n.nextSibling) {
      if (n.nodeType !== Node.TEXT_NODE) throw new Mismatch('text');
      shown += (n as Text).data;
    }
    if (shown !== text(value)) throw new Mismatch(`text "${shown}"`);
  } else if (part.type === 1) {
    const { strings, element, name } = part;
    let expected: string | null;
    if (!strings) expected = value === nothing ? null : text(value);
    else {
      const values = value as unknown[];
      expected = values.includes(nothing) ? null : strings.reduce((s, piece, i) => s + text(values[i - 1]) + piece);
    }
    if (element!.getAttribute(name!) !== expected) throw new Mismatch(`attribute ${name}`);
  } else if (part.type === 4 && part.element!.hasAttribute(part.name!) !== (Boolean(value) && value !== nothing)) {
    throw new Mismatch(`attribute ${part.name}`);
  }
}

interface Host extends Pick<HTMLElement, 'hasAttribute'> {
  requestUpdate(): void;
  prerendered?: ShadowRoot;
  renderOptions: RenderOptions;
  render(): unknown;
  takeover?(): Takeover;
  /** Called after a mismatch, before the element is rendered afresh. */
  takeoverFailed?(): void;
  shadowRoot: ShadowRoot | null;
  isConnected: boolean;
  constructor: { elementStyles: CSSResultOrNative[] };
}
type Base = Host & { createRenderRoot(): HTMLElement | DocumentFragment; update(changed: PropertyValues): void };

const base = HelpElement.prototype as unknown as Base;
const { createRenderRoot, update } = base;
const reflect = (ReactiveElement.prototype as unknown as Base).update;

base.createRenderRoot = function (this: Base) {
  // The server's markup stays until the first update decides what to do with it.
  if (this.shadowRoot) return (this.prerendered = this.shadowRoot);
  return createRenderRoot.call(this);
};

// A nested element the server marked `defer-hydration` waits until its host's hydration removes
// the attribute (as ssr-client's own support does): on its own it would update before its host has
// given it its properties (the share bar's title), find its markup different and render afresh.
const waiting = new WeakSet<Base>();
function afterHost(el: Base & Element): void {
  if (waiting.has(el)) return;
  waiting.add(el);
  new MutationObserver((_, observer) => {
    if (el.hasAttribute('defer-hydration')) return;
    observer.disconnect();
    waiting.delete(el);
    el.requestUpdate();
  }).observe(el, { attributes: true, attributeFilter: ['defer-hydration'] });
}

base.update = function (this: Base, changed: PropertyValues) {
  const root = this.prerendered as Container | undefined;
  if (!root) return update.call(this, changed);
  if (this.hasAttribute('defer-hydration')) {
    afterHost(this as Base & Element);
    return reflect.call(this, changed);
  }
  const how = this.takeover?.() ?? 'hydrate';
  // Not ready (a long article is being built): the server's markup stays on screen meanwhile.
  if (how === 'later') return reflect.call(this, changed);
  if (how === 'hydrate') {
    // As LitElement.update: render first, then reflect attributes, then put the result in place.
    const value = this.render();
    this.prerendered = undefined;
    reflect.call(this, changed);
    this.renderOptions.isConnected = this.isConnected;
    try {
      hydrate(value, root, this.renderOptions);
      check(root._$litPart$!);
      // The element's styles as on any other page, beside the server's inline copy (which a strict
      // style-src blocks); adopting sheets changes no node.
      adoptStyles(root, this.constructor.elementStyles);
      return;
    } catch (error) {
      // Not a reader's error (the article is shown); a host's to fix, so logged in every build, once.
      if (!warned) console.warn(`help-article-widget: the prerendered markup does not match this page (${String(error)}); it was rendered afresh. Render it again for this page's URL and the current markdown.`);
      warned = true;
      delete root._$litPart$;
      this.takeoverFailed?.();
    }
  }
  // Rendered afresh, as where the page does not hydrate.
  this.prerendered = undefined;
  root.replaceChildren();
  adoptStyles(root, this.constructor.elementStyles);
  update.call(this, changed);
};
