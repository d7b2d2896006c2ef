import { css } from 'lit';

/** Buttons, once for every element: `.button` (primary), `.button.quiet` (secondary) and `.link-button`. */
export const controls = css`
  .button {
    font: inherit;
    color: var(--_accent-text);
    background: var(--_accent);
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    padding: 0.5rem 1rem;
    cursor: pointer;
  }
  .button.quiet {
    color: var(--_accent);
    background: var(--_surface);
    border-color: var(--_border);
  }
  .button.quiet:hover {
    border-color: var(--_accent);
  }
  .button[aria-disabled='true'] {
    opacity: 0.65;
    cursor: not-allowed;
  }
  .link-button {
    font: inherit;
    color: var(--_accent);
    background: none;
    border: 0;
    padding: 0.25rem 0.375rem;
    border-radius: calc(var(--_radius) / 2);
    text-underline-offset: 0.15em;
    cursor: pointer;
  }
  .link-button:hover {
    text-decoration: underline;
  }
`;
