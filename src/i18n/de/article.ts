/** German labels of <help-article>. */
export default {
  loading: 'Artikel wird geladen …',
  expandAll: 'Alle Abschnitte öffnen',
  collapseAll: 'Alle Abschnitte schließen',
  updated: 'Aktualisiert am {{date}}',
  copySectionLink: 'Link zu diesem Abschnitt kopieren',
  linkCopied: 'Link kopiert',
  linkCopyFailed: 'Link konnte nicht kopiert werden',
  date: { format: '{{day}}. {{month}} {{year}}', months: 'Januar,Februar,März,April,Mai,Juni,Juli,August,September,Oktober,November,Dezember' },
  /** Anchor id of a heading with nothing to make an id from. */
  emptyHeadingId: 'abschnitt',
  callout: { note: 'Hinweis', tip: 'Tipp', warning: 'Achtung' },
  error: {
    title: 'Der Artikel kann nicht angezeigt werden.',
    'not-found': 'Der Artikel wurde nicht gefunden (Fehler {{status}}).',
    http: 'Der Server hat mit Fehler {{status}} geantwortet.',
    network: 'Keine Verbindung zum Server. Bitte prüfen Sie Ihre Internetverbindung.',
    timeout: 'Der Server hat nicht rechtzeitig geantwortet.',
    'not-markdown': 'Die Adresse liefert keinen Artikel, sondern eine andere Art von Datei.',
    empty: 'Der Artikel ist leer.',
    'too-large': 'Der Artikel ist zu groß, um ihn vollständig darzustellen. Er wird als Text angezeigt.',
    'too-complex': 'Teile des Artikels sind zu umfangreich oder zu verschachtelt und werden als Text angezeigt.',
    blocked: "Die Sicherheitsrichtlinie dieser Seite erlaubt keine formatierte Anzeige. Der Artikel wird als Text angezeigt.",
    'no-source': 'Es wurde kein Artikel angegeben.',
    retry: 'Erneut versuchen',
    home: 'Zur Startseite des Hilfe-Centers',
  },
};
