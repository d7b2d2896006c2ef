/** English labels of <help-article>. */
import type { Translation } from '../translation.js';

const article: Translation['article'] = {
  loading: 'Loading article …',
  expandAll: 'Expand all sections',
  collapseAll: 'Collapse all sections',
  sectionCount_one: '{{count}} section',
  sectionCount_other: '{{count}} sections',
  updated: 'Updated {{date}}',
  copySectionLink: 'Copy link to this section',
  linkCopied: 'Link copied',
  linkCopyFailed: 'Could not copy the link',
  date: { format: '{{month}} {{day}}, {{year}}', months: 'January,February,March,April,May,June,July,August,September,October,November,December' },
  /** Anchor id of a heading with nothing to make an id from. */
  emptyHeadingId: 'section',
  callout: { note: 'Note', tip: 'Tip', warning: 'Warning' },
  error: {
    title: 'This article cannot be shown.',
    'not-found': 'The article was not found (error {{status}}).',
    http: 'The server answered with error {{status}}.',
    network: 'No connection to the server. Please check your internet connection.',
    timeout: 'The server did not answer in time.',
    'not-markdown': 'This address does not deliver an article but another kind of file.',
    empty: 'The article is empty.',
    'too-large': 'The article is too large to show in full. It is shown as plain text.',
    'too-complex': 'Parts of the article are too large or nested too deeply and are shown as plain text.',
    blocked: "This page's security policy does not allow formatted content. The article is shown as plain text.",
    'no-source': 'No article was given.',
    script: 'Part of the help page could not be loaded. Please reload the page.',
    retry: 'Try again',
    home: 'Go to the help center home',
  },
};

export default article;
