// A whole HTML page around a prerendered article: what `help-article-render --page` writes and
// what the demo site serves. The script tag comes last: the article is on screen without it. The
// code that takes the article over (the first chunk and dist/chunks/hydrate.js) is preloaded in the
// head, so it is fetched and compiled while the page is parsed rather than after the loader runs.

const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/**
 * `<link rel="modulepreload">` lines for the chunks the split script tag at `script` imports first
 * on a page with a prerendered article; none for another script (the single file imports nothing).
 * @param {string | undefined} script URL of dist/help-article.js
 * @returns {string}
 */
export function preloadLinks(script) {
  if (!script || !/help-article\.js$/.test(script)) return '';
  return ['chunks/core.js', 'chunks/hydrate.js'].map((chunk) => `<link rel="modulepreload" href="${escapeHtml(script.replace(/[^/]*$/, chunk))}">\n`).join('');
}

/**
 * Wraps prerendered `<help-article>` markup in a page.
 * @param {string} article Output of `renderArticle`.
 * @param {{ title?: string, lang?: string, script?: string, head?: string }} [options] `script`: URL of dist/help-article.js (omit for a page without JavaScript).
 * @returns {string}
 */
export function articlePage(article, { title = '', lang = 'de', script, head = '' } = {}) {
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
${preloadLinks(script)}${head}</head>
<body>
${article}
${script ? `<script src="${escapeHtml(script)}" defer></script>\n` : ''}</body>
</html>
`;
}
