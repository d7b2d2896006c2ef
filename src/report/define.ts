// Registers <help-feedback-report>: the entry of dist/help-feedback-report.js and of
// `import 'help-article-widget/report'`. Never imported by the reader's bundle.
// i18next translates the report's labels (the reader's script tag loads it after the first paint).
import '../i18n/i18n.js';
import { HelpFeedbackReport } from './help-feedback-report.js';
import { defineElement } from '../internal/define-element.js';

defineElement('help-feedback-report', HelpFeedbackReport);

export { HelpFeedbackReport };
export type { ReportView, ReportSortKey, ReportLoadDetail, ReportErrorDetail, ReportChangeDetail, ReportExportDetail } from './help-feedback-report.js';
export { ReportClient } from './report-client.js';
export type { ReportFailure, ReportFilter, ReportPeriod, ReportRow, Overview, ArticleReport, ReportComment, CommentPage } from './report-client.js';
