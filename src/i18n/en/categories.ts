import type { Translation } from '../translation.js';

/** English labels of <help-categories>. */
const categories: Translation['categories'] = {
  label: 'Categories',
};

export default categories;
