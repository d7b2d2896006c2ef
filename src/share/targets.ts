import { svg, type SVGTemplateResult } from 'lit';
import { fillTemplate } from '../internal/url.js';

/** The services and actions the share bar offers. */
export type ShareTargetId = 'copy' | 'email' | 'whatsapp' | 'linkedin' | 'xing' | 'facebook' | 'x' | 'print' | 'native';

/**
 * A share target in the manner of Shariff: a fixed URL template (never loaded before the reader
 * clicks) or an action the element performs itself, and an inline icon (nothing from elsewhere).
 */
export interface ShareTarget {
  /** Name used in the `share` attribute and in the `help-share` event. */
  id: ShareTargetId;
  /** `link`: a plain link built from `template`; `action`: handled by the element. */
  kind: 'link' | 'action';
  /** URL template with `{url}`, `{title}` and `{text}` (title and URL) placeholders. */
  template?: string;
  /** Opens in a new browsing context (web services; not `mailto:`). */
  newWindow?: boolean;
  /** 24 × 24 icon drawn with `currentColor`. */
  icon: SVGTemplateResult;
}

/** What a share link is built from. */
export interface ShareData {
  url: string;
  title: string;
}

const stroke = (content: SVGTemplateResult) =>
  svg`<g fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${content}</g>`;

/** Every target the element knows, in the default order. */
export const SHARE_TARGETS: readonly ShareTarget[] = [
  {
    id: 'copy',
    kind: 'action',
    icon: stroke(svg`<path d="M10 14a4.5 4.5 0 0 0 6.4 0l3.2-3.2a4.5 4.5 0 0 0-6.4-6.4l-1.1 1.1"/><path d="M14 10a4.5 4.5 0 0 0-6.4 0l-3.2 3.2a4.5 4.5 0 0 0 6.4 6.4l1.1-1.1"/>`),
  },
  {
    id: 'email',
    kind: 'link',
    template: 'mailto:?subject={title}&body={text}',
    icon: stroke(svg`<rect x="3" y="5" width="18" height="14" rx="2"/><path d="m3.5 7 8.5 6 8.5-6"/>`),
  },
  {
    id: 'whatsapp',
    kind: 'link',
    template: 'https://wa.me/?text={text}',
    newWindow: true,
    icon: svg`<path fill="currentColor" d="M17.47 14.38c-.3-.15-1.76-.87-2.03-.97-.27-.1-.47-.15-.67.15-.2.3-.77.97-.94 1.16-.17.2-.35.22-.64.08-.3-.15-1.26-.47-2.39-1.48-.88-.79-1.48-1.76-1.65-2.06-.17-.3-.02-.46.13-.6.13-.14.3-.35.45-.53.15-.17.2-.3.3-.5.1-.2.05-.37-.03-.52-.07-.15-.67-1.61-.91-2.2-.24-.58-.49-.5-.67-.51h-.57c-.2 0-.52.07-.8.37-.27.3-1.04 1.02-1.04 2.48s1.07 2.88 1.21 3.07c.15.2 2.1 3.2 5.08 4.49.71.3 1.26.49 1.7.63.71.22 1.36.19 1.87.12.57-.09 1.76-.72 2-1.42.25-.69.25-1.29.18-1.41-.08-.13-.27-.2-.57-.35M12.05 21.8h-.01a9.87 9.87 0 0 1-5.03-1.39l-.36-.21-3.74.98 1-3.65-.24-.37a9.86 9.86 0 0 1-1.51-5.26c0-5.45 4.44-9.88 9.89-9.88 2.64 0 5.12 1.03 6.99 2.9a9.83 9.83 0 0 1 2.89 6.99c0 5.45-4.44 9.89-9.88 9.89m8.41-18.3A11.82 11.82 0 0 0 12.05 0C5.5 0 .16 5.34.16 11.89c0 2.1.55 4.14 1.59 5.95L.06 24l6.3-1.65a11.88 11.88 0 0 0 5.68 1.45h.01c6.55 0 11.89-5.34 11.89-11.9a11.82 11.82 0 0 0-3.48-8.41Z"/>`,
  },
  {
    id: 'linkedin',
    kind: 'link',
    template: 'https://www.linkedin.com/sharing/share-offsite/?url={url}',
    newWindow: true,
    icon: svg`<path fill="currentColor" d="M20.45 20.45h-3.56v-5.57c0-1.33-.02-3.04-1.85-3.04-1.85 0-2.13 1.45-2.13 2.94v5.67H9.35V9h3.41v1.56h.05c.48-.9 1.64-1.85 3.37-1.85 3.6 0 4.27 2.37 4.27 5.46v6.28ZM5.34 7.43a2.06 2.06 0 1 1 0-4.13 2.06 2.06 0 0 1 0 4.13Zm1.78 13.02H3.56V9h3.56v11.45ZM22.22 0H1.77C.79 0 0 .77 0 1.73v20.54C0 23.23.79 24 1.77 24h20.45c.98 0 1.78-.77 1.78-1.73V1.73C24 .77 23.2 0 22.22 0Z"/>`,
  },
  {
    id: 'xing',
    kind: 'link',
    template: 'https://www.xing.com/spi/shares/new?url={url}',
    newWindow: true,
    icon: svg`<path fill="currentColor" d="M18.19 0c-.52 0-.74.33-.93.66L9.56 14.32l4.92 9.02c.17.31.44.66.97.66h3.45c.21 0 .38-.08.46-.22.09-.15.09-.35-.01-.54l-4.88-8.92v-.02L22.14.76c.1-.2.1-.39 0-.54-.08-.14-.24-.22-.45-.22h-3.5ZM3.65 4.74c-.21 0-.39.07-.47.22-.09.15-.08.34.02.53l2.34 4.05v.02L1.86 16.05c-.1.19-.1.38 0 .53.08.14.24.23.45.23h3.46c.52 0 .77-.35.95-.67l3.73-6.6-2.38-4.16c-.17-.31-.43-.66-.96-.66H3.65Z"/>`,
  },
  {
    id: 'facebook',
    kind: 'link',
    template: 'https://www.facebook.com/sharer/sharer.php?u={url}',
    newWindow: true,
    icon: svg`<path fill="currentColor" d="M24 12.07C24 5.41 18.63 0 12 0S0 5.4 0 12.07C0 18.1 4.39 23.1 10.13 24v-8.44H7.08v-3.49h3.04V9.41c0-3.02 1.8-4.7 4.54-4.7 1.31 0 2.68.24 2.68.24v2.97h-1.5c-1.5 0-1.96.93-1.96 1.89v2.26h3.32l-.53 3.5h-2.8V24C19.62 23.1 24 18.1 24 12.07Z"/>`,
  },
  {
    id: 'x',
    kind: 'link',
    template: 'https://x.com/intent/post?text={title}&url={url}',
    newWindow: true,
    icon: svg`<path fill="currentColor" d="M18.9 1.15h3.68l-8.04 9.19L24 22.85h-7.4l-5.8-7.59-6.64 7.59H.47l8.6-9.83L0 1.15h7.59l5.25 6.93 6.06-6.93Zm-1.29 19.5h2.04L6.49 3.24H4.3l13.31 17.41Z"/>`,
  },
  {
    id: 'print',
    kind: 'action',
    icon: stroke(svg`<path d="M7 9V3h10v6"/><rect x="3" y="9" width="18" height="8" rx="2"/><path d="M7 14h10v7H7z"/>`),
  },
  {
    id: 'native',
    kind: 'action',
    icon: stroke(svg`<circle cx="18" cy="5" r="2.5"/><circle cx="6" cy="12" r="2.5"/><circle cx="18" cy="19" r="2.5"/><path d="m8.2 13.3 7.6 4.4M15.8 6.3l-7.6 4.4"/>`),
  },
];

/** Target names in the default order of the share bar. */
export const DEFAULT_SHARE_TARGETS: readonly ShareTargetId[] = SHARE_TARGETS.map((t) => t.id);

const byId = new Map<string, ShareTarget>(SHARE_TARGETS.map((t) => [t.id, t]));

/** The descriptor of a target, or `undefined` for an unknown name. */
export function shareTarget(id: string): ShareTarget | undefined {
  return byId.get(id);
}

/**
 * Splits a `share` attribute into known target names, in order and without repeats. Unknown names
 * are returned separately so the caller can warn about them. Empty or missing means the default.
 */
export function parseShareTargets(value: string | null | undefined): { ids: ShareTargetId[]; unknown: string[] } {
  const names = (value ?? '').trim().toLowerCase().split(/[\s,]+/).filter(Boolean);
  if (!names.length) return { ids: [...DEFAULT_SHARE_TARGETS], unknown: [] };
  if (names.length === 1 && names[0] === 'none') return { ids: [], unknown: [] };
  const ids: ShareTargetId[] = [];
  const unknown: string[] = [];
  for (const name of names) {
    const target = byId.get(name);
    if (!target) unknown.push(name);
    else if (!ids.includes(target.id)) ids.push(target.id);
  }
  return { ids, unknown };
}

/**
 * The link of a `link` target: the template with every placeholder replaced by its
 * `encodeURIComponent`-encoded value, so no title or URL can break out of its parameter.
 */
export function shareHref(target: ShareTarget, data: ShareData): string | undefined {
  if (!target.template) return undefined;
  return fillTemplate(target.template, {
    url: data.url,
    title: data.title,
    text: data.title ? `${data.title} ${data.url}` : data.url,
  });
}
