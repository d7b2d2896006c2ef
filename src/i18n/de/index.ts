import article from './article.js';
import categories from './categories.js';
import feedback from './feedback.js';
import loader from './loader.js';
import share from './share.js';

/** All German labels, one namespace per element. */
const de = { article, categories, feedback, loader, share };

export default de;
