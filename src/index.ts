// Classes, helpers and types, without registering any tag (import `help-article-widget` for that).
export { HelpArticle, idFromSrc } from './article/help-article.js';
export type {
  ArticleLoadDetail,
  ArticleErrorDetail,
  SectionToggleDetail,
  SectionInfo,
  ArticleState,
} from './article/help-article.js';
export type { ArticleErrorReason } from './article/source.js';
export { HelpCategories } from './categories/help-categories.js';
export { HelpShare, canShareNatively } from './share/help-share.js';
export type { ShareDetail } from './share/help-share.js';
export { SHARE_TARGETS, DEFAULT_SHARE_TARGETS, parseShareTargets, shareHref } from './share/targets.js';
export type { ShareTarget, ShareTargetId, ShareData } from './share/targets.js';
export { resolveShareUrl } from './share/share-url.js';
export { HelpFeedback, isLowRating } from './feedback/help-feedback.js';
export type { FeedbackSendDetail, FeedbackSuccessDetail, FeedbackErrorDetail, FeedbackState, FeedbackSection } from './feedback/help-feedback.js';
export type { FeedbackPayload, FeedbackAnswer, FeedbackScale, FeedbackReason, StorageKind, StorageLike } from './feedback/feedback-storage.js';
export { addTranslations, BUILT_IN_LANGUAGES, i18n } from './i18n/i18n.js';
export type { Translations } from './i18n/i18n.js';
export { slugify } from './article/slug.js';
export { LIMITS } from './article/limits.js';
export { defineElement } from './internal/define-element.js';
