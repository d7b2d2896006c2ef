import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .base {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    font-size: 0.875em;
  }
  .label {
    color: var(--_muted);
  }
  ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  /* Plain names read as text; only linked tags look like something to click. */
  .tag {
    display: inline-block;
    color: var(--help-category-color, var(--_text));
    line-height: 1.6;
  }
  span.tag {
    padding: 0.125rem 0;
  }
  li:has(span.tag) + li::before {
    content: '\\00b7'; /* · (an escape: the bundle stays ASCII-only) */
    margin-inline-end: 0.375rem;
    color: var(--_muted);
  }
  a.tag {
    padding: 0.125rem 0.625rem;
    border-radius: 999px;
    background: var(--help-category-background, var(--_surface-alt));
    border: 1px solid var(--_border);
    text-decoration: none;
  }
  a.tag:hover {
    border-color: var(--_accent);
    color: var(--_accent);
  }
`;
