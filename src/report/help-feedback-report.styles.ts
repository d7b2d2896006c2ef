import { css } from 'lit';

/** Styles of <help-feedback-report>: a table on a wide page, stacked figures in a side panel (container queries). */
export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
    --_tone-0: light-dark(#b42318, #ff7b72);
    --_tone-1: light-dark(#d9730d, #f0883e);
    --_tone-2: light-dark(#a3a3a3, #8b949e);
    --_tone-3: light-dark(#6aa84f, #56d364);
    --_tone-4: light-dark(#1a7f37, #3fb950);
    background: var(--_surface);
  }
  .base {
    padding: var(--_space);
  }
  h2,
  h3,
  h4 {
    font-family: var(--_heading-font);
    line-height: 1.25;
    margin: 0;
  }
  h2 {
    font-size: 1.4em;
  }
  h3 {
    font-size: 1.2em;
  }
  h4 {
    font-size: 1em;
    margin-bottom: 0.5rem;
  }
  p {
    margin: 0.25rem 0;
  }
  .muted {
    color: var(--_muted);
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem 1.5rem;
    align-items: flex-end;
    justify-content: space-between;
    margin-bottom: 1rem;
  }
  .actions,
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: flex-end;
  }
  .filters {
    border: 0;
    padding: 0.75rem;
    margin: 0 0 1rem;
    background: var(--_surface-alt);
    border-radius: var(--_radius);
  }
  label {
    display: flex;
    flex-direction: column;
    gap: 0.2rem;
    font-size: 0.875em;
    color: var(--_muted);
  }
  label.inline {
    flex-direction: row;
    align-items: center;
    gap: 0.4rem;
  }
  select,
  input[type='password'] {
    font: inherit;
    font-size: 1rem;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    padding: 0.35rem 0.5rem;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .hint {
    font-size: 0.875em;
    margin-bottom: 0.5rem;
  }
  .notice {
    padding: 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .notice.error,
  .message.error {
    border-color: var(--_danger);
  }
  .message.error {
    color: var(--_danger);
    font-weight: 600;
  }
  .notice .button {
    margin-top: 0.75rem;
  }
  .login {
    max-width: 32rem;
    display: grid;
    gap: 0.5rem;
  }
  .login label {
    font-size: 1em;
    color: var(--_text);
  }
  .login .row {
    display: flex;
    gap: 0.5rem;
    flex-wrap: wrap;
  }
  .login input {
    flex: 1 1 12rem;
  }
  .table-wrap {
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.9375em;
  }
  th,
  td {
    text-align: left;
    padding: 0.5rem;
    border-bottom: 1px solid var(--_border);
    vertical-align: middle;
  }
  thead th {
    font-size: 0.8125em;
    color: var(--_muted);
    font-weight: 600;
    white-space: nowrap;
  }
  tbody th {
    font-weight: normal;
  }
  .num {
    text-align: right;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .sort {
    font: inherit;
    color: inherit;
    background: none;
    border: 0;
    padding: 0.125rem 0;
    cursor: pointer;
    display: inline-flex;
    gap: 0.25rem;
  }
  [aria-sort='ascending'] .sort,
  [aria-sort='descending'] .sort {
    color: var(--_text);
  }
  .arrow {
    opacity: 0.7;
  }
  .title {
    text-align: left;
    padding: 0;
    font-weight: 600;
  }
  .tag {
    display: inline-block;
    font-size: 0.75em;
    padding: 0 0.4rem;
    margin-top: 0.15rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    color: var(--_muted);
  }
  .few {
    color: var(--_muted);
  }
  .bad {
    color: var(--_danger);
    font-weight: 700;
  }
  .bar {
    display: block;
    width: 8rem;
    height: 0.75rem;
    border-radius: 3px;
    background: var(--_surface-alt);
  }
  .trend {
    display: block;
    width: 7.5rem;
    height: 1.5rem;
  }
  .trend.large {
    width: 100%;
    max-width: 36rem;
    height: 6rem;
  }
  .week {
    fill: var(--_accent);
  }
  .zero {
    fill: var(--_border);
  }
  .tone-0 {
    fill: var(--_tone-0);
  }
  .tone-1 {
    fill: var(--_tone-1);
  }
  .tone-2 {
    fill: var(--_tone-2);
  }
  .tone-3 {
    fill: var(--_tone-3);
  }
  .tone-4 {
    fill: var(--_tone-4);
  }
  .reason {
    fill: var(--_warning);
  }
  select {
    max-width: 100%;
    min-width: 0;
  }
  .actions label {
    max-width: 100%;
    flex-wrap: wrap;
  }
  /* A side panel: each article becomes a card; the column heads stay as sort buttons. */
  @container (max-width: 40rem) {
    table,
    thead,
    tbody,
    tr,
    th,
    td {
      display: block;
    }
    thead tr {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.75rem;
      padding-bottom: 0.5rem;
      border-bottom: 1px solid var(--_border);
    }
    thead th {
      border: 0;
      padding: 0;
    }
    thead .col-distribution,
    thead .col-trend,
    .col-trend {
      display: none;
    }
    tbody tr {
      display: grid;
      grid-template-columns: repeat(3, minmax(0, 1fr));
      gap: 0.25rem 0.5rem;
      padding: 0.75rem 0;
      border-bottom: 1px solid var(--_border);
    }
    tbody th,
    tbody td,
    tbody td.num {
      border: 0;
      padding: 0;
      text-align: left;
      white-space: normal;
    }
    tbody .col-article,
    tbody .col-distribution {
      grid-column: 1 / -1;
    }
    tbody td[data-label]::before {
      content: attr(data-label);
      display: block;
      font-size: 0.75em;
      color: var(--_muted);
    }
    .bar {
      width: 100%;
    }
  }
  .detail .back {
    padding-left: 0;
    margin-bottom: 0.5rem;
  }
  .id {
    font-family: var(--_mono);
    font-size: 0.8125em;
  }
  .scale {
    margin: 1rem 0;
    padding: 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .figures {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 2rem;
    margin: 0 0 1rem;
  }
  .figures dt {
    font-size: 0.8125em;
    color: var(--_muted);
  }
  .figures dd {
    margin: 0;
    font-size: 1.25em;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .panels {
    display: grid;
    gap: 1rem 2rem;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 20rem), 1fr));
  }
  .panel.wide {
    grid-column: 1 / -1;
  }
  .bars {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: 0.3rem;
  }
  .bars li {
    display: grid;
    grid-template-columns: minmax(0, 11rem) minmax(3rem, 1fr) 2rem;
    gap: 0.5rem;
    align-items: center;
    font-size: 0.875em;
  }
  .hbar {
    width: 100%;
    height: 0.6rem;
    background: var(--_surface-alt);
    border-radius: 3px;
  }
  .bar-value {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  details {
    margin-top: 0.5rem;
    font-size: 0.875em;
  }
  .trend-table {
    max-width: 20rem;
  }
  .comments-head {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: baseline;
    gap: 0.5rem;
    margin-top: 1.5rem;
  }
  .comment-list {
    list-style: none;
    padding: 0;
    margin: 0.5rem 0;
    display: grid;
    gap: 0.75rem;
  }
  .comment {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75rem 1rem;
  }
  .comment.done {
    background: var(--_surface-alt);
  }
  .comment-head {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    align-items: baseline;
  }
  .comment-head time {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .chips {
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    padding: 0;
    margin: 0.4rem 0;
  }
  .chips li {
    font-size: 0.8125em;
    padding: 0.05rem 0.5rem;
    border-radius: 999px;
    background: var(--_surface-alt);
    border: 1px solid var(--_border);
  }
  .comment-text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    margin: 0.5rem 0;
  }
  .meta {
    font-size: 0.8125em;
    overflow-wrap: anywhere;
  }
  .comment-actions,
  .dialog-actions,
  .pager {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    margin-top: 0.5rem;
  }
  .button.danger {
    color: var(--_danger);
  }
  .button.danger-solid {
    color: var(--_accent-text);
    background: var(--_danger);
    border-color: var(--_danger);
  }
  .button:disabled {
    opacity: 0.5;
    cursor: default;
  }
  dialog {
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    max-width: min(32rem, calc(100vw - 2rem));
    padding: 1.25rem;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  blockquote {
    margin: 0.75rem 0;
    padding-left: 0.75rem;
    border-left: 3px solid var(--_border);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
`;
