// The report's labels join the widget's labels when the report loads: they live in no other
// bundle (the reader's `dist/help-article.js` carries none of them).
import { addLabels } from '../i18n/labels.js';
import de from '../i18n/de/report.js';
import en from '../i18n/en/report.js';

for (const [lang, labels] of [['de', de], ['en', en]] as const) {
  // Labels a host added before the report loaded win (deep merge, no overwrite).
  addLabels(lang, 'report', labels, false);
}
