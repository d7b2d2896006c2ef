import { css } from 'lit';

/**
 * Design tokens shared by every element. Each `--help-*` custom property can be set by the host
 * (on the element or any ancestor); the `--_*` internals pick the host value or the default for
 * the current scheme with `light-dark()`: the element's `color-scheme` follows `theme`, else the
 * reader's system. Fonts inherit from the host page unless set.
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

    --_text: var(--help-color-text, light-dark(#1f2933, #e6edf3));
    --_muted: var(--help-color-muted, light-dark(#5b6670, #9aa7b4));
    --_surface: var(--help-color-surface, light-dark(#ffffff, #161b22));
    --_surface-alt: var(--help-color-surface-alt, light-dark(#f5f7f9, #1f2630));
    --_border: var(--help-color-border, light-dark(#dde3e8, #30363d));
    --_accent: var(--help-color-accent, light-dark(#0b63ce, #58a6ff));
    --_accent-text: var(--help-color-accent-contrast, light-dark(#ffffff, #0d1117));
    --_danger: var(--help-color-danger, light-dark(#b42318, #ff7b72));
    --_success: var(--help-color-success, light-dark(#1a7f37, #3fb950));
    --_note: var(--help-color-note, light-dark(#0b63ce, #58a6ff));
    --_tip: var(--help-color-tip, light-dark(#1a7f37, #3fb950));
    --_warning: var(--help-color-warning, light-dark(#8a5c00, #d29922));
    --_star: var(--help-feedback-star-color, light-dark(#c26a00, #f2b84b));
    color-scheme: light dark;
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: var(--_line-height);
    color: var(--_text);
  }

  :host([theme='light']) {
    color-scheme: light;
  }

  :host([theme='dark']) {
    color-scheme: dark;
  }

  /* Paper is white: a dark page or theme="dark" prints with the light colours. */
  @media print {
    :host,
    :host([theme]) {
      color-scheme: light;
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
