/**
 * The report's CSV export of what is on screen, written by the collector's own CSV writer
 * (`server/csv.js`: formula cells guarded, quoting), with a byte-order mark so Excel reads UTF-8.
 */
import { toCsv } from '../../server/csv.js';
import type { Translate } from '../i18n/translation.js';
import type { ReportComment, ReportRow } from './report-client.js';

/** `;` for Excel in German (and most European) locales, `,` elsewhere. */
export type CsvDelimiter = ';' | ',';

const BOM = '\uFEFF';

/** Numbers as the owner's spreadsheet reads them: a decimal comma where `;` separates cells. */
function decimal(value: number, delimiter: CsvDelimiter, digits: number): string {
  const text = value.toFixed(digits);
  return delimiter === ';' ? text.replace('.', ',') : text;
}

/** The overview's rows as CSV. */
export function overviewCsv(rows: readonly ReportRow[], title: (articleId: string) => string, t: Translate, delimiter: CsvDelimiter): string {
  const header = ['article', 'id', 'scale', 'ratings', 'average', 'positive', 'distribution', 'comments', 'open', 'last'].map((key) =>
    t(`report:csv.${key}` as Parameters<Translate>[0]),
  );
  const lines = rows.map((row) => [
    title(row.articleId),
    row.articleId,
    t(`report:scales.${row.scale}`),
    row.count,
    decimal(row.average, delimiter, 2),
    decimal(row.count ? (100 * row.positive) / row.count : 0, delimiter, 1),
    row.distribution.map((n, index) => `${index + 1}: ${n}`).join(' | '),
    row.comments,
    row.openComments,
    row.lastRatingAt,
  ]);
  return BOM + toCsv([header, ...lines], { delimiter });
}

/** An article's comments as CSV, with readable reason labels. */
export function commentsCsv(
  comments: readonly ReportComment[],
  articleTitle: string,
  articleId: string,
  t: Translate,
  delimiter: CsvDelimiter,
): string {
  const header = ['article', 'id', 'date', 'rating', 'scale', 'reasons', 'comment', 'language', 'page', 'status'].map((key) =>
    t(`report:csv.${key}` as Parameters<Translate>[0]),
  );
  const lines = comments.map((comment) => [
    articleTitle,
    articleId,
    comment.updatedAt,
    comment.rating,
    t(`report:scales.${comment.scale}`),
    comment.reasons.map((reason) => t(`feedback:reasons.${reason}`)).join(', '),
    comment.comment,
    comment.locale,
    comment.page,
    t(comment.status === 'done' ? 'report:csv.statusDone' : 'report:csv.statusOpen'),
  ]);
  return BOM + toCsv([header, ...lines], { delimiter });
}
