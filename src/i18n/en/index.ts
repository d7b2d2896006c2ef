import article from './article.js';
import categories from './categories.js';
import feedback from './feedback.js';
import share from './share.js';
import type { Translation } from '../translation.js';

/** All English labels of the reader's elements, one namespace per element (the report brings its own). */
const en: Omit<Translation, 'report'> = { article, categories, feedback, share };

export default en;
