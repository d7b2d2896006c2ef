/**
 * CSV for the admin export and the owner report (RFC 4180, CRLF line ends), safe to open in a
 * spreadsheet: no cell that a reader wrote can run as a formula there. Plain JavaScript without
 * Node APIs: the report's browser bundle imports this same writer.
 */

// A cell a spreadsheet may read as a formula: one starting with = + - @ (or their full-width and
// small forms, or a minus sign), or with anything it may skip first (whitespace, tab, CR, LF,
// NBSP, BOM, zero-width and other invisible format characters, control characters).
const FORMULA_START = /^(?:[=+\-@\u2212\uFE62\uFE63\uFE66\uFF0B\uFF0D\uFF1D\uFF20]|[\s\p{Cc}\p{Cf}\p{Z}])/u;

// Excel in many European locales separates cells with ";", so a cell holding one is quoted too.
const NEEDS_QUOTES = /[",;\r\n\t]/;

/**
 * Rows of cells as CSV text, cells separated by `,` or (German Excel) `;`.
 * @param {unknown[][]} rows
 * @param {{delimiter?: ',' | ';'}} [options]
 */
export function toCsv(rows, { delimiter = ',' } = {}) {
  return rows.map((cells) => cells.map(csvCell).join(delimiter)).join('\r\n') + '\r\n';
}

/**
 * One cell: text that could start a formula gets a leading apostrophe; quoted where needed.
 * @param {unknown} value
 */
export function csvCell(value) {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
