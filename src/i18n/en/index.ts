import article from './article.js';
import categories from './categories.js';
import feedback from './feedback.js';
import loader from './loader.js';
import share from './share.js';
import type { Translation } from '../translation.js';

/** All English labels of the reader's elements, one namespace per element (the report brings its own). */
const en: Omit<Translation, 'report'> = { article, categories, feedback, loader, share };

export default en;
