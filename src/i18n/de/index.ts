import article from './article.js';
import feedback from './feedback.js';
import share from './share.js';

/** All German labels, one namespace per component. */
export default { article, feedback, share };
