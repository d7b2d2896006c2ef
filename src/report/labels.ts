// The report's labels join the widget's i18next instance when the report loads: they live in no
// other bundle (the reader's `dist/help-article.js` carries none of them).
import { i18n } from '../i18n/i18n.js';
import de from '../i18n/de/report.js';
import en from '../i18n/en/report.js';

for (const [lang, labels] of [['de', de], ['en', en]] as const) {
  // Labels a host added before the report loaded win (deep merge, no overwrite).
  i18n.addResourceBundle(lang, 'report', labels, true, false);
}
