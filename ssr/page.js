// A whole HTML page around a prerendered article: what `help-article-render --page` writes and
// what the demo site serves. The script tag comes last: the article is on screen without it. The
// code that takes the article over (dist/chunks/hydrate.js) is preloaded beside it.

const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

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
${script && /help-article\.js$/.test(script) ? `<link rel="modulepreload" href="${escapeHtml(script.replace(/[^/]*$/, 'chunks/hydrate.js'))}">\n` : ''}${head}</head>
<body>
${article}
${script ? `<script src="${escapeHtml(script)}" defer></script>\n` : ''}</body>
</html>
`;
}
