/** German labels of the script-tag loader (shown before any other part of the widget has loaded). */
export default {
  failed: 'Der Artikel kann nicht angezeigt werden: Ein Teil der Hilfe-Seite konnte nicht geladen werden. Bitte laden Sie die Seite neu.',
};
