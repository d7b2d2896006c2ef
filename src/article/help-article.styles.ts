import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
    container-name: help-article;
    background: var(--_surface);
  }

  .base {
    max-width: var(--_max-width);
    margin-inline: auto;
    padding: calc(var(--_space) * 1.5) var(--_space);
  }

  @container help-article (min-width: 40rem) {
    .base {
      padding: calc(var(--_space) * 2.5) calc(var(--_space) * 2);
    }
  }

  .header {
    margin-bottom: calc(var(--_space) * 1.25);
  }

  .title {
    font-family: var(--_heading-font);
    font-size: clamp(1.5rem, 4.5cqi, 2.125rem);
    line-height: 1.2;
    font-weight: 700;
    letter-spacing: -0.01em;
    margin: 0 0 0.5rem;
    overflow-wrap: anywhere;
    hyphens: auto;
  }

  .meta {
    margin: 0 0 0.75rem;
    color: var(--_muted);
    font-size: 0.875em;
  }

  /* The head of the section list: how many there are, and open / close them all. */
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0 1rem;
    margin: calc(var(--_space) * 1.25) 0 0;
    border-bottom: 1px solid var(--_border);
    padding-bottom: 0.375rem;
  }
  .section-count {
    color: var(--_muted);
    font-size: 0.875em;
    font-weight: 600;
    letter-spacing: 0.02em;
    text-transform: uppercase;
  }

  .toolbar .link-button {
    font-size: 0.875em;
  }

  .section {
    border-bottom: 1px solid var(--_border);
  }

  .section-head {
    display: flex;
    align-items: center;
    gap: 0.25rem;
  }
  .section-heading {
    flex: 1;
    min-width: 0;
    margin: 0;
    font-family: var(--_heading-font);
    font-size: 1.1875em;
    font-weight: 650;
    line-height: 1.35;
    display: flex;
    align-items: flex-start;
    gap: 0.5rem;
    min-height: 2.75rem;
    padding: 0.875rem 0.25rem;
    box-sizing: border-box;
    /* The toggle's overlay (below) is placed against the heading. */
    position: relative;
    cursor: pointer;
    scroll-margin-top: var(--help-scroll-margin, 1rem);
  }

  /* The button holds the chevron; its ::after covers the whole heading, so a click anywhere on
     the title toggles, and its focus ring goes round the heading. Links in the title sit above. */
  .section-toggle {
    flex: none;
    display: flex;
    padding: 0;
    font: inherit;
    color: inherit;
    background: none;
    border: 0;
    cursor: pointer;
  }
  .section-toggle::after {
    content: '';
    position: absolute;
    inset: 0;
    border-radius: calc(var(--_radius) / 2);
  }
  .section-toggle:focus-visible {
    outline: none;
  }
  .section-toggle:focus-visible::after {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }
  .section-heading:hover .section-title {
    color: var(--_accent);
  }
  .section-title {
    flex: 1;
    min-width: 0;
    overflow-wrap: anywhere;
    hyphens: auto;
  }
  .section-title a {
    position: relative;
    color: var(--_accent);
  }
  .section-title code {
    font-family: var(--_mono);
    font-size: 0.85em;
    font-weight: 500;
  }

  .copy-link {
    flex: none;
    display: inline-grid;
    place-items: center;
    width: 2.25rem;
    height: 2.25rem;
    color: var(--_muted);
    background: none;
    border: 0;
    border-radius: calc(var(--_radius) / 2);
    cursor: pointer;
    opacity: 0;
    transition: opacity 120ms ease;
  }
  .section-head:hover .copy-link,
  .copy-link:focus-visible {
    opacity: 1;
  }
  @media (hover: none) {
    .copy-link {
      opacity: 1;
    }
  }
  .copy-link:hover {
    color: var(--_accent);
    background: var(--_surface-alt);
  }

  .footer {
    margin-top: calc(var(--_space) * 1.5);
    display: grid;
    gap: calc(var(--_space) * 1.25);
  }
  .footer:empty {
    display: none;
  }

  .chevron {
    flex: none;
    /* Centred on the heading's first line (20 px icon, 1.35 line height). */
    margin-top: calc((1lh - 20px) / 2);
    color: var(--_muted);
    transform: rotate(-90deg);
    transition: transform 150ms ease;
  }
  :host(:dir(rtl)) .chevron {
    transform: rotate(90deg);
  }
  .section[data-open] .chevron {
    transform: none;
  }

  .section-body {
    padding-block: 0 calc(var(--_space) * 1.25);
    padding-inline: 1.75rem 0.25rem;
  }
  @container help-article (max-width: 26rem) {
    .section-body {
      padding-inline-start: 0.25rem;
    }
  }

  .error,
  .notice {
    border: 1px solid var(--_danger);
    border-inline-start-width: 4px;
    border-radius: var(--_radius);
    padding: 0.75rem 1rem;
    margin: 0 0 var(--_space);
    color: var(--_text);
    background: color-mix(in srgb, var(--_danger) 7%, var(--_surface));
  }
  .error p {
    margin: 0 0 0.5rem;
  }
  .error-title {
    font-weight: 650;
  }
  .error .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    margin-top: 0.75rem;
  }
  .home-link {
    color: var(--_accent);
    text-underline-offset: 0.15em;
  }

  .skeleton {
    min-height: 18rem;
  }
  .bone {
    height: 0.9rem;
    margin: 0 0 0.9rem;
    border-radius: 0.25rem;
    background: linear-gradient(90deg, var(--_surface-alt), var(--_border), var(--_surface-alt));
    background-size: 200% 100%;
    animation: shimmer 1.4s ease-in-out infinite;
  }
  .bone.title {
    height: 2rem;
    width: 70%;
    margin-bottom: 1.5rem;
  }
  .bone.short {
    width: 45%;
  }
  @keyframes shimmer {
    from {
      background-position: 100% 0;
    }
    to {
      background-position: -100% 0;
    }
  }
  /* Paper gets the article, not the controls (sections are opened for printing). */
  @media print {
    .toolbar,
    .copy-link,
    .chevron,
    .footer {
      display: none;
    }
    .section-body {
      padding-inline-start: 0.25rem;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .bone {
      animation: none;
    }
    .copy-link,
    .chevron {
      transition: none;
    }
  }

  .prose .table > table {
    margin: 0;
  }

  /*
   * Long articles (more than one parse chunk, see LIMITS.chunkChars) come in groups of a few
   * blocks, on shelves of a few groups (see SectionSplitter), and only the groups on screen are
   * laid out; each group's height is estimated from its text until it has been on screen once.
   */
  .long .prose > .shelf > .blocks {
    content-visibility: auto;
    contain-intrinsic-size: auto var(--size, 20rem);
  }

  /* A shelf placed before its groups: one box of their estimated height. */
  .long .prose > .shelf.pending {
    min-height: var(--size, 20rem);
  }

  /* Article content */
  .prose {
    overflow-wrap: break-word;
  }
  .prose > :first-child {
    margin-top: 0;
  }
  .prose p,
  .prose ul,
  .prose ol,
  .prose table,
  .prose .table,
  .prose pre,
  .prose blockquote,
  .prose .callout {
    margin: 0 0 0.9em;
  }
  .prose ul,
  .prose ol {
    padding-inline-start: 1.5em;
  }
  .prose li + li {
    margin-top: 0.25em;
  }
  /* GFM task lists: the checkbox takes the bullet's place. */
  .prose li.task {
    list-style: none;
  }
  .prose li.task > input,
  .prose li.task > p:first-child > input {
    margin: 0 0.45em 0 -1.35em;
    vertical-align: -0.1em;
    accent-color: var(--_accent);
  }
  .prose li > ul,
  .prose li > ol {
    margin: 0.25em 0 0;
  }
  .prose h3,
  .prose h4,
  .prose h5,
  .prose h6 {
    font-family: var(--_heading-font);
    line-height: 1.3;
    margin: 1.4em 0 0.5em;
    scroll-margin-top: var(--help-scroll-margin, 1rem);
  }
  .prose h3 {
    font-size: 1.0625em;
  }
  .prose h4,
  .prose h5,
  .prose h6 {
    font-size: 1em;
  }
  .prose a {
    color: var(--_accent);
    text-underline-offset: 0.15em;
  }
  .prose img {
    max-width: 100%;
    height: auto;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
  }
  .prose code {
    font-family: var(--_mono);
    font-size: 0.875em;
    background: var(--_surface-alt);
    border-radius: 0.25rem;
    padding: 0.1em 0.35em;
  }
  .prose pre {
    background: var(--_surface-alt);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75rem 1rem;
    line-height: 1.5;
    /* Wrapped rather than scrolled: a scrolling box would need a keyboard stop of its own. */
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .prose pre code {
    padding: 0;
    background: none;
  }
  .prose pre.fallback {
    font-family: var(--_font);
  }
  .prose blockquote {
    border-inline-start: 3px solid var(--_border);
    padding-inline-start: 1em;
    color: var(--_muted);
  }
  .prose table {
    /* Fits its container (cells wrap) instead of scrolling: a scrolling box would need a keyboard stop. */
    width: 100%;
    max-width: 100%;
    border-collapse: collapse;
    font-size: 0.9375em;
  }
  .prose th,
  .prose td {
    border: 1px solid var(--_border);
    padding: 0.4rem 0.65rem;
    text-align: start;
    vertical-align: top;
    /* Whole words set the columns' minimum widths (anywhere would let a wide table split
       "Mindestvorlaufzeit" while other columns have room); only a word wider than its cell breaks. */
    overflow-wrap: break-word;
    /* No hyphens: auto here. Hyphenating every cell made a 1,400-row table take 4 s to lay out. */
    /* Keeps narrow columns from breaking every word; 18cqi keeps five columns inside 320 px. */
    min-width: min(7em, 18cqi);
  }
  @container help-article (max-width: 30rem) {
    .prose table {
      font-size: 0.875em;
    }
    .prose th,
    .prose td {
      padding: 0.35rem 0.45rem;
      /* A phone-wide table cannot give every long word its width: break inside words to fit. */
      overflow-wrap: anywhere;
    }
  }
  .prose th {
    background: var(--_surface-alt);
    font-weight: 650;
  }
  /* Column alignment from the markdown (|:---:|, |---:|). */
  .prose :is(th, td)[align='center'] {
    text-align: center;
  }
  .prose :is(th, td)[align='right'] {
    text-align: end;
  }
  .prose :is(th, td)[align='left'] {
    text-align: start;
  }
  .prose hr {
    border: 0;
    border-top: 1px solid var(--_border);
    margin: 1.5em 0;
  }

  .callout {
    --_callout: var(--_note);
    border-inline-start: 4px solid var(--_callout);
    background: color-mix(in srgb, var(--_callout) 8%, var(--_surface));
    border-radius: calc(var(--_radius) / 2);
    padding: 0.75rem 1rem;
  }
  .callout-tip {
    --_callout: var(--_tip);
  }
  .callout-warning {
    --_callout: var(--_warning);
  }
  .callout > :last-child {
    margin-bottom: 0;
  }
  .callout-title {
    font-weight: 650;
    color: var(--_callout);
    margin: 0 0 0.25rem !important;
  }
`;
