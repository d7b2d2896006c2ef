import article from './article.js';

/** All German labels, one namespace per component. */
export default { article };
