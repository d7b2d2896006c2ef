import article from './article.js';

/** All English labels, one namespace per component. */
export default { article };
