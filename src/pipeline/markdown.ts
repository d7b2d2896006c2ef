import { Marked, type Tokens, type TokenizerAndRendererExtension, type MarkedExtension } from 'marked';

/** Callout kinds (`> [!NOTE]` …) rendered as labelled boxes; GitHub's two extra kinds map onto them. */
export const CALLOUT_KINDS = { note: 'note', tip: 'tip', warning: 'warning', important: 'note', caution: 'warning' } as const;

/** The callout kind names the widget renders. */
export type CalloutKind = (typeof CALLOUT_KINDS)[keyof typeof CALLOUT_KINDS];

const MARKER = /^\[!(NOTE|TIP|WARNING|IMPORTANT|CAUTION)\][ \t]*([^\n]*)(?:\n|$)/i;

interface CalloutToken extends Tokens.Generic {
  type: 'callout';
  kind: CalloutKind;
  title: string;
  tokens: Tokens.Generic[];
}

function escapeText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * GitHub's alert syntax with an optional own title (`> [!TIP] Anwendungsbeispiel`). The label is
 * left empty here and filled by the element in the reader's language, so a language switch
 * does not need a new parse.
 */
const callouts: MarkedExtension = {
  walkTokens(token) {
    if (token.type !== 'blockquote') return;
    const first = token.tokens?.[0] as Tokens.Paragraph | undefined;
    if (first?.type !== 'paragraph') return;
    const match = MARKER.exec(first.raw);
    if (!match) return;
    const callout = token as unknown as CalloutToken;
    callout.type = 'callout';
    callout.kind = CALLOUT_KINDS[match[1].toLowerCase() as keyof typeof CALLOUT_KINDS];
    callout.title = match[2].trim();
    const rest = first.raw.slice(match[0].length).trim();
    if (!rest) {
      callout.tokens = callout.tokens.slice(1);
      return;
    }
    // Drop the marker line from the paragraph's first text token (titles with markup stay plain text).
    const text = first.tokens[0] as Tokens.Text | undefined;
    if (text && 'text' in text) {
      const cut = (s: string) => {
        const m = MARKER.exec(s);
        return m ? s.slice(m[0].length) : s;
      };
      text.raw = cut(text.raw);
      text.text = cut(text.text);
      if (text.tokens) text.tokens = undefined;
      if (first.tokens[1]?.type === 'br') first.tokens.splice(1, 1);
    }
  },
  extensions: [
    {
      name: 'callout',
      level: 'block',
      renderer(token) {
        const { kind, title, tokens } = token as CalloutToken;
        // The element labels the box in the reader's language when no own title was given.
        return (
          `<div class="callout callout-${kind}" data-callout="${kind}">` +
          `<p class="callout-title" data-callout-title="${title ? '' : kind}">${escapeText(title)}</p>` +
          `${this.parser.parse(tokens)}</div>\n`
        );
      },
    } as TokenizerAndRendererExtension,
  ],
};

// GFM's "disallowed raw HTML" (tagfilter), which marked does not apply: these tags are shown as
// text, as on GitHub, instead of reaching the sanitizer, which would drop them with their content.
const DISALLOWED = /<(?=\/?(?:title|textarea|style|xmp|iframe|noembed|noframes|script|plaintext)[\s/>])/gi;
const tagfilter: MarkedExtension = {
  renderer: {
    html({ text }) {
      return text.replace(DISALLOWED, '&lt;');
    },
  },
};

/** The one markdown parser of the widget: GitHub-flavoured (with GFM's tagfilter), callouts, synchronous. */
export const markdown = new Marked({ gfm: true, breaks: false, async: false }, callouts, tagfilter);

/** Turns markdown into an HTML string. The result is untrusted: sanitize before use. */
export function markdownToHtml(source: string): string {
  return markdown.parse(source, { async: false });
}
