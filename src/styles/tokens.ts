import { css } from 'lit';

// Dark defaults, used by `theme="dark"` and by the reader's system preference alike.
const darkScheme = css`
    --_text: var(--help-color-text, #e6edf3);
    --_muted: var(--help-color-muted, #9aa7b4);
    --_surface: var(--help-color-surface, #161b22);
    --_surface-alt: var(--help-color-surface-alt, #1f2630);
    --_border: var(--help-color-border, #30363d);
    --_accent: var(--help-color-accent, #58a6ff);
    --_accent-text: var(--help-color-accent-contrast, #0d1117);
    --_danger: var(--help-color-danger, #ff7b72);
    --_success: var(--help-color-success, #3fb950);
    --_note: var(--help-color-note, #58a6ff);
    --_tip: var(--help-color-tip, #3fb950);
    --_warning: var(--help-color-warning, #d29922);
    color-scheme: dark;
`;

// Light defaults: the standard look, and paper (a dark page prints light).
const lightScheme = css`
    --_text: var(--help-color-text, #1f2933);
    --_muted: var(--help-color-muted, #5b6670);
    --_surface: var(--help-color-surface, #ffffff);
    --_surface-alt: var(--help-color-surface-alt, #f5f7f9);
    --_border: var(--help-color-border, #dde3e8);
    --_accent: var(--help-color-accent, #0b63ce);
    --_accent-text: var(--help-color-accent-contrast, #ffffff);
    --_danger: var(--help-color-danger, #b42318);
    --_success: var(--help-color-success, #1a7f37);
    --_note: var(--help-color-note, #0b63ce);
    --_tip: var(--help-color-tip, #1a7f37);
    --_warning: var(--help-color-warning, #8a5c00);
    color-scheme: light;
`;

/**
 * Design tokens shared by every element. Each `--help-*` custom property can be set by the host
 * (on the element or any ancestor); the `--_*` internals pick the host value or the default for
 * the current scheme. Fonts inherit from the host page unless set.
 */
export const tokens = css`
  :host {
    --_font: var(--help-font-family, inherit);
    --_font-size: var(--help-font-size, 1rem);
    --_line-height: var(--help-line-height, 1.65);
    --_heading-font: var(--help-heading-font-family, var(--_font));
    --_mono: var(--help-font-family-mono, ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace);
    --_radius: var(--help-radius, 0.5rem);
    --_space: var(--help-spacing, 1rem);
    --_max-width: var(--help-max-width, 48rem);
    --_focus: var(--help-color-focus, var(--_accent));

    ${lightScheme}
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: var(--_line-height);
    color: var(--_text);
  }

  :host([theme='dark']) {
    ${darkScheme}
  }

  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${darkScheme}
    }
  }

  /* Paper is white: a dark page or theme="dark" prints with the light colours. */
  @media print {
    :host,
    :host([theme]),
    :host(:not([theme='light'])) {
      ${lightScheme}
    }
  }

  :host([hidden]) {
    display: none !important;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;
