// Registers every tag of the widget: the entry of the script-tag bundle and of `import 'help-article-widget'`.
import { HelpArticle } from './article/help-article.js';
import { HelpCategories } from './categories/help-categories.js';
import { HelpShare } from './share/help-share.js';
import { HelpFeedback } from './feedback/help-feedback.js';
import { defineElement } from './internal/define-element.js';

defineElement('help-article', HelpArticle);
defineElement('help-categories', HelpCategories);
defineElement('help-share', HelpShare);
defineElement('help-feedback', HelpFeedback);

export * from './index.js';
