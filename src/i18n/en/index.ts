import article from './article.js';
import feedback from './feedback.js';
import share from './share.js';

/** All English labels, one namespace per component. */
export default { article, feedback, share };
