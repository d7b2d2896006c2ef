/** English labels of the script-tag loader (shown before any other part of the widget has loaded). */
export default {
  failed: 'The article cannot be shown: part of the help page could not be loaded. Please reload the page.',
};
