/** German labels of <help-categories>. */
export default {
  label: 'Kategorien',
};
