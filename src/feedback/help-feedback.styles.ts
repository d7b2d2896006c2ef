import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_icon-size: var(--help-feedback-icon-size, 2rem);
  }

  /* Calm until used: a divider, the question and the rating; no box around an unused control. */
  .base {
    position: relative;
    margin-block: var(--_space) 0;
    padding-block: var(--_space) 0;
    border-top: 1px solid var(--_border);
    color: var(--_text);
  }
  .base:focus {
    outline: none;
  }

  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  legend {
    padding: 0;
    font-weight: 600;
    margin-bottom: 0.5rem;
  }

  .rating {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
  }
  .option {
    position: relative;
  }
  .option input {
    position: absolute;
    opacity: 0;
    width: 1px;
    height: 1px;
    margin: 0;
    pointer-events: none;
  }
  .option label {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.375rem;
    min-width: 2.75rem;
    min-height: 2.75rem;
    padding: 0.25rem;
    border-radius: var(--_radius);
    border: 1px solid transparent;
    color: var(--_muted);
    cursor: pointer;
  }
  .option label svg {
    width: var(--_icon-size);
    height: var(--_icon-size);
  }
  .option input:focus-visible + label {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .stars .option label.filled {
    color: var(--_star);
  }
  .choice .option input:checked + label {
    color: var(--_accent);
    border-color: var(--_accent);
    background: var(--_surface);
  }
  .choice .option label:hover {
    color: var(--_text);
  }

  .follow-up {
    margin-top: var(--_space);
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }
  .reasons legend {
    font-weight: 600;
  }
  .reasons label {
    display: flex;
    align-items: flex-start;
    gap: 0.5rem;
    padding-block: 0.125rem;
  }
  .reasons input {
    flex: none;
    width: 1.125rem;
    height: 1.125rem;
    /* Centred on the first line of a label that wraps: the box takes the label's font and line
       height, so 1lh is the text's line (a form control's own line height is smaller). */
    font: inherit;
    margin: calc((1lh - 1.125rem) / 2) 0 0;
    accent-color: var(--_accent);
  }
  .comment-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0 0.75rem;
    margin-bottom: 0.25rem;
  }
  .comment-label {
    font-weight: 600;
  }
  textarea {
    display: block;
    width: 100%;
    min-height: 6rem;
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_muted);
    border-radius: calc(var(--_radius) / 2);
    padding: 0.5rem;
    resize: vertical;
  }
  .hint,
  .counter {
    margin: 0.25rem 0 0;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .summary {
    margin: 0 0 0.375rem;
    font-size: 0.9375em;
    color: var(--_muted);
  }
  /* "Bitte wählen Sie zuerst eine Bewertung." is an error of the form, and looks like one. */
  .choose-rating {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    margin: 0.5rem 0 0;
    color: var(--_danger);
    font-weight: 600;
  }
  .choose-rating::before {
    content: '!';
    flex: none;
    display: inline-grid;
    place-items: center;
    width: 1.25rem;
    height: 1.25rem;
    border-radius: 50%;
    background: var(--_danger);
    color: var(--_surface);
    font-size: 0.8125rem;
    line-height: 1;
  }
  .counter.full {
    color: var(--_text);
    font-weight: 600;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem;
    margin-top: var(--_space);
  }
  /* After sending: one compact line ("✓ Vielen Dank …  Feedback erneut abgeben?"). */
  .outcome {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 1rem;
  }
  .outcome:has(.status:empty):not(:has(.error)) {
    display: none;
  }
  .outcome .actions {
    margin-top: 0;
    flex-basis: 100%;
  }
  .status:empty {
    display: none;
  }
  .status {
    margin: 0;
  }
  .status[data-view='thanks'] {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    color: var(--_success);
    font-weight: 600;
  }
  .check {
    flex: none;
  }
  .error {
    flex-basis: 100%;
    margin: 0;
    color: var(--_danger);
  }
  .spinner {
    display: inline-block;
    width: 0.875em;
    height: 0.875em;
    margin-inline-end: 0.375rem;
    border: 2px solid currentColor;
    border-right-color: transparent;
    border-radius: 50%;
    vertical-align: -0.125em;
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  /* High contrast keeps borders but drops fills: the chosen thumb or face gets the system's
     selection colours so it still stands out. */
  @media (forced-colors: active) {
    .choice .option input:checked + label {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
      border-color: Highlight;
    }
  }

  @media print {
    :host {
      display: none;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
  }

  .trap {
    position: absolute;
    left: -10000px;
    top: auto;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
`;
