// The markdown the server render puts in the page beside a prerendered article
// (`<script type="text/markdown" data-src>`, ssr/render-article.js), written and read here only.
// A script element's text cannot be escaped: `</script` would end it, and `<!--` followed by
// `<script` would make the HTML parser read past its end. Those two are written as `<\/script` and
// `<\!--` and the element says so (`data-escaped`); markdown that holds either written form already
// is not embedded (the page fetches `src`).
const UNSAFE = /<(\/script|!--)/gi;
const WRITTEN = /<\\(\/script|!--)/gi;
const HAS_WRITTEN = /<\\(?:\/script|!--)/i;

/** The markdown as the script element's text, or undefined where it cannot be told apart afterwards. */
export function embedMarkdown(markdown: string): { text: string; escaped: boolean } | undefined {
  if (HAS_WRITTEN.test(markdown)) return undefined;
  const text = markdown.replace(UNSAFE, '<\\$1');
  return { text, escaped: text !== markdown };
}

/** The markdown of an embedded script element. */
export function embeddedText(script: Element): string {
  const text = script.textContent ?? '';
  return script.hasAttribute('data-escaped') ? text.replace(WRITTEN, '<$1') : text;
}
