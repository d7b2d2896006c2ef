// Classes, helpers and types, without registering any tag (import `help-article-widget` for that).
// marked and DOMPurify up front, so an article built from markdown at hand shows in its first render.
import './pipeline/parser.js';
export { HelpElement } from './internal/help-element.js';
export type { HelpEventName, HelpEventDetail } from './internal/help-element.js';
export { HelpArticle, idFromSrc } from './article/help-article.js';
export type {
  ArticleLoadDetail,
  ArticleErrorDetail,
  SectionToggleDetail,
  SectionInfo,
  ArticleState,
} from './article/help-article.js';
export type { ArticleErrorReason } from './article/fetch-markdown.js';
export { HelpCategories } from './categories/help-categories.js';
export { HelpShare, canShareNatively } from './share/help-share.js';
export type { ShareDetail } from './share/help-share.js';
export { SHARE_TARGETS, DEFAULT_SHARE_TARGETS, parseShareTargets, shareHref } from './share/targets.js';
export type { ShareTarget, ShareTargetId, ShareData } from './share/targets.js';
export { resolveShareUrl } from './internal/page-url.js';
export { HelpFeedback, isLowRating } from './feedback/help-feedback.js';
export type { FeedbackSendDetail, FeedbackSuccessDetail, FeedbackErrorDetail, FeedbackState } from './feedback/help-feedback.js';
export type { FeedbackPayload, FeedbackAnswer, FeedbackScale, FeedbackReason } from './feedback/wire.js';
export { LIMITS as FEEDBACK_LIMITS, SCALES as FEEDBACK_SCALES, REASONS as FEEDBACK_REASONS } from './feedback/wire.js';
export type { StorageKind, StorageLike } from './feedback/feedback-storage.js';
export { addTranslations, BUILT_IN_LANGUAGES, FALLBACK_LANGUAGE } from './i18n/labels.js';
export { i18n } from './i18n/i18n.js';
export type { Translation, PartialTranslation, TranslationKey } from './i18n/translation.js';
export { slugify } from './internal/slug.js';
export { LIMITS, LINK_SCHEMES } from './pipeline/index.js';
export { defineElement } from './internal/define-element.js';

import type { SectionInfo } from './article/help-article.js';
import type { PartialTranslation } from './i18n/translation.js';
/** @deprecated The sections were never sent; removed in 0.3. */
export type FeedbackSection = SectionInfo;
/** @deprecated Renamed `PartialTranslation`; removed in 0.3. */
export type Translations = PartialTranslation;
