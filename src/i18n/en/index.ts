import article from './article.js';
import categories from './categories.js';
import feedback from './feedback.js';
import loader from './loader.js';
import share from './share.js';
import type { Translation } from '../translation.js';

/** All English labels, one namespace per element. */
const en: Translation = { article, categories, feedback, loader, share };

export default en;
