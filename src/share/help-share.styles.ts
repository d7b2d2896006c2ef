import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    container: help-share / inline-size;
    background: var(--_surface);
  }

  .base {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
    font-size: 0.875em;
  }

  .label {
    color: var(--_muted);
    font-weight: 600;
  }

  .list {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .button {
    display: inline-grid;
    place-items: center;
    width: var(--help-share-size, 2.5rem);
    height: var(--help-share-size, 2.5rem);
    padding: 0;
    font: inherit;
    color: var(--help-share-color, var(--_text));
    background: var(--help-share-background, var(--_surface-alt));
    border: 1px solid var(--_border);
    border-radius: var(--help-share-radius, 999px);
    text-decoration: none;
    cursor: pointer;
    transition:
      color 120ms ease,
      background-color 120ms ease,
      border-color 120ms ease;
  }
  .button:hover {
    color: var(--_accent-text);
    background: var(--_accent);
    border-color: var(--_accent);
  }
  .icon {
    flex: none;
    width: 1.25rem;
    height: 1.25rem;
  }
  /* Narrow bars: round icon buttons. Wide ones: the icon and a short label. */
  .text {
    display: none;
  }
  @container help-share (min-width: 34rem) {
    .button {
      display: inline-flex;
      align-items: center;
      gap: 0.4rem;
      width: auto;
      padding: 0 0.875rem 0 0.7rem;
    }
    .text {
      display: inline;
      font-size: 0.9375em;
      white-space: nowrap;
    }
  }
  .more[aria-expanded='true'] {
    border-color: var(--_accent);
    color: var(--_accent);
  }
  .more-list[hidden] {
    display: none;
  }

  .status {
    color: var(--_success);
    font-weight: 600;
  }
  .status.failed {
    color: var(--_danger);
  }

  @media (prefers-reduced-motion: reduce) {
    .button {
      transition: none;
    }
  }

  @media print {
    :host {
      display: none;
    }
  }
`;
